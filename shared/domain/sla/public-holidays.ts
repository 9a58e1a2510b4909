import { ConfigError } from '../errors';
import { type HolidayCalendar, holidayCalendarKey } from './holiday-calendar';
import { PUBLIC_HOLIDAY_TABLE, type PublicHolidayTable } from './public-holiday-table';

/** The public holidays of one desk territory, as local dates (yyyy-MM-dd) in the desk's zone. */
export interface PublicHolidays {
  isHoliday(localDate: string): boolean;
}

const REGENERATE = 'run npm run holidays:generate';

const calendars = new Map<string, PublicHolidays>();

/**
 * Public holidays of a territory (`new Holidays(country, state, region)` of npm date-holidays), seen
 * in the desk's zone. The dates come from a table that scripts/generate-holidays.ts computes with
 * date-holidays at build time: the library, its rules for every country and moment-timezone weighed
 * 1.4 MiB of the intake bundle and most of its load time. Only type `public` counts: observances
 * (Fête des Mères) and optional days (Victor Schœlcher) do not close the desk.
 */
export function publicHolidaysFor(calendar: HolidayCalendar, timeZone: string): PublicHolidays {
  const key = holidayCalendarKey(calendar, timeZone);
  let cached = calendars.get(key);
  // Stryker disable next-line ConditionalExpression: a cache; a miss rebuilds the same calendar from the table
  if (!cached) {
    cached = fromTable(key, timeZone, PUBLIC_HOLIDAY_TABLE);
    // Stryker disable next-line CallExpression: the cache again
    calendars.set(key, cached);
  }
  return cached;
}

/** Why the generated table cannot serve this calendar in this zone, or undefined when it can. */
export function missingHolidayCalendar(calendar: HolidayCalendar, timeZone: string): string | undefined {
  const key = holidayCalendarKey(calendar, timeZone);
  return PUBLIC_HOLIDAY_TABLE.calendars[key] ? undefined : notInTableMessage(key, timeZone);
}

function notInTableMessage(key: string, timeZone: string): string {
  return (
    `holiday calendar ${key.slice(0, key.indexOf(' '))} (zone ${timeZone}) is not in the generated table; ` +
    `add it to scripts/generate-holidays.ts and ${REGENERATE}`
  );
}

function fromTable(key: string, timeZone: string, table: PublicHolidayTable): PublicHolidays {
  const years = table.calendars[key];
  if (!years)
    throw new ConfigError(notInTableMessage(key, timeZone), {
      hint: 'or give the desk one of the calendars and zones the table holds (shared/domain/sla/public-holiday-table.ts)',
    });
  const datesByYear = new Map<number, ReadonlySet<string>>();
  return {
    isHoliday(localDate) {
      const year = Number(localDate.slice(0, 4));
      let dates = datesByYear.get(year);
      // Stryker disable next-line ConditionalExpression: a memo per year; a miss re-reads the same line
      if (!dates) {
        const line = years[year - table.firstYear];
        // Out of the table is unknown, not "no holiday": a deadline must not run through a closed day.
        if (line === undefined)
          throw new ConfigError(
            `no public holidays known for ${localDate}: the generated table covers ${table.firstYear}–${table.lastYear}`,
            { hint: `widen FIRST_YEAR / LAST_YEAR in scripts/generate-holidays.ts and ${REGENERATE}` },
          );
        dates = new Set(
          // Stryker disable next-line MethodExpression: an empty year line would give "YYYY--", which matches no date
          line
            .split(' ')
            .filter(Boolean)
            .map((mmdd) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`),
        );
        // Stryker disable next-line CallExpression: the memo again
        datesByYear.set(year, dates);
      }
      return dates.has(localDate);
    },
  };
}
