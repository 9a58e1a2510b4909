import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { ConfigError } from './errors';
import type { HolidayCalendar } from './service-desk-config';

/** The public holidays of one desk territory, as local dates (yyyy-MM-dd) in the desk's zone. */
export interface PublicHolidays {
  isHoliday(localDate: string): boolean;
}

const calendars = new Map<string, PublicHolidays>();

/**
 * Public holidays of a territory (`new Holidays(country, state, region)` of npm date-holidays), seen
 * in the desk's zone. Only type `public` counts: observances (Fête des Mères) and optional days
 * (Victor Schœlcher) do not close the desk. One instance per calendar and zone, years computed once.
 */
export function publicHolidaysFor(calendar: HolidayCalendar, timeZone: string): PublicHolidays {
  const key = [calendar.country, calendar.state ?? '', calendar.region ?? '', timeZone].join('|');
  let cached = calendars.get(key);
  if (!cached) {
    cached = buildPublicHolidays(calendar, timeZone);
    calendars.set(key, cached);
  }
  return cached;
}

function buildPublicHolidays(calendar: HolidayCalendar, timeZone: string): PublicHolidays {
  assertKnownCalendar(calendar);
  // The library computes each holiday's start and end in the zone it is given: passing the desk's
  // zone makes a holiday cover exactly the desk's local day, whatever the library's default zone.
  const holidays = new Holidays(
    { country: calendar.country, state: calendar.state, region: calendar.region },
    { types: ['public'], timezone: timeZone },
  );
  const datesByYear = new Map<number, Set<string>>();
  const datesOf = (year: number): Set<string> => {
    let dates = datesByYear.get(year);
    if (!dates) {
      dates = new Set();
      for (const holiday of holidays.getHolidays(year)) {
        if (holiday.type !== 'public') continue;
        // A holiday may last several days: close every local date it touches.
        let day = DateTime.fromJSDate(holiday.start, { zone: timeZone }).startOf('day');
        const last = DateTime.fromMillis(holiday.end.getTime() - 1, { zone: timeZone });
        while (day <= last) {
          dates.add(day.toISODate() ?? '');
          day = day.plus({ days: 1 });
        }
      }
      datesByYear.set(year, dates);
    }
    return dates;
  };
  return {
    isHoliday(localDate) {
      const year = Number(localDate.slice(0, 4));
      // A multi-day holiday that starts on 31 December is listed in the previous year.
      return datesOf(year).has(localDate) || datesOf(year - 1).has(localDate);
    },
  };
}

/** date-holidays silently falls back to the country (or nothing) on an unknown code: refuse it instead. */
function assertKnownCalendar({ country, state, region }: HolidayCalendar): void {
  const lookup = new Holidays();
  const hint =
    'use the codes listed by date-holidays, e.g. { "country": "FR", "state": "RE" } or { "country": "NC" }';
  if (!hasCode(lookup.getCountries(), country))
    throw new ConfigError(`unknown holiday country "${country}"`, { hint });
  if (state && !hasCode(lookup.getStates(country), state))
    throw new ConfigError(`unknown holiday state "${state}" for country "${country}"`, { hint });
  if (region && !state) throw new ConfigError(`holiday region "${region}" given without its state`, { hint });
  if (state && region && !hasCode(lookup.getRegions(country, state), region))
    throw new ConfigError(`unknown holiday region "${region}" for ${country}-${state}`, { hint });
}

function hasCode(codes: Record<string, string> | undefined, code: string): boolean {
  return Object.keys(codes ?? {}).some((known) => known.toUpperCase() === code.toUpperCase());
}
