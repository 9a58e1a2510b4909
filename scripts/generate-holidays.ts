/**
 * Writes shared/domain/sla/public-holiday-table.ts: the closed local dates of every holiday calendar the
 * desks may use, computed with date-holidays here so that the deployed functions carry a few KB of
 * dates instead of date-holidays, its rules for every country and moment-timezone (1.4 MiB, and
 * most of the intake's load time). Run it after upgrading date-holidays, adding a calendar or
 * widening the years: `npm run holidays:generate`. test/unit/sla/public-holiday-table.test.ts
 * fails until the committed table matches what this script computes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Holidays from 'date-holidays';
import { DateTime, IANAZone } from 'luxon';
import * as z from 'zod';
import { type HolidayCalendar, holidayCalendarKey } from '../shared/domain/sla/holiday-calendar';

/** The years the table covers; a date outside them is refused at run time, never read as a working day. */
export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2045;

export type CalendarInZone = { calendar: HolidayCalendar; timeZone: string };

/**
 * Calendars generated whatever the configuration holds: every French territory a desk could move to
 * (so a config change between them needs no regeneration), and the DST zones the calendar tests use.
 * The desks of config/service-desk.json are added to these.
 */
export const EXTRA_CALENDARS: readonly CalendarInZone[] = [
  { calendar: { country: 'FR' }, timeZone: 'Europe/Paris' },
  { calendar: { country: 'FR', state: 'RE' }, timeZone: 'Indian/Reunion' },
  { calendar: { country: 'FR', state: 'MQ' }, timeZone: 'America/Martinique' },
  { calendar: { country: 'FR', state: 'GP' }, timeZone: 'America/Guadeloupe' },
  { calendar: { country: 'FR', state: 'GF' }, timeZone: 'America/Cayenne' },
  { calendar: { country: 'FR', state: 'YT' }, timeZone: 'Indian/Mayotte' },
  { calendar: { country: 'NC' }, timeZone: 'Pacific/Noumea' },
  // test/unit/sla: a zone whose midnight repeats or does not exist.
  { calendar: { country: 'EG' }, timeZone: 'Africa/Cairo' },
];

export const SERVICE_DESK_CONFIG_PATH = fileURLToPath(
  new URL('../config/service-desk.json', import.meta.url),
);
export const TABLE_PATH = fileURLToPath(
  new URL('../shared/domain/sla/public-holiday-table.ts', import.meta.url),
);

/** Only the desks' calendars: the full schema would refuse a calendar the table does not hold yet. */
const DeskCalendarsSchema = z.object({
  desks: z.array(
    z.object({
      timeZone: z.string().min(1),
      holidays: z.object({
        country: z.string().min(2),
        state: z.string().optional(),
        region: z.string().optional(),
      }),
    }),
  ),
});

export function calendarsToGenerate(serviceDeskConfig: unknown): CalendarInZone[] {
  const { desks } = DeskCalendarsSchema.parse(serviceDeskConfig);
  const byKey = new Map<string, CalendarInZone>();
  for (const entry of [
    ...EXTRA_CALENDARS,
    ...desks.map((d) => ({ calendar: d.holidays, timeZone: d.timeZone })),
  ]) {
    const key = holidayCalendarKey(entry.calendar, entry.timeZone);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, entry]) => entry);
}

export type GeneratedHolidayTable = {
  source: string;
  firstYear: number;
  lastYear: number;
  /** Per calendar key, one string per year from firstYear: the closed dates as `MMDD`, space-separated. */
  calendars: Record<string, string[]>;
};

export function dateHolidaysVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('date-holidays/package.json') as { version: string }).version;
}

export function generateHolidayTable(
  calendars: readonly CalendarInZone[],
  years: { firstYear: number; lastYear: number } = { firstYear: FIRST_YEAR, lastYear: LAST_YEAR },
): GeneratedHolidayTable {
  const table: GeneratedHolidayTable = {
    source: `date-holidays ${dateHolidaysVersion()}`,
    firstYear: years.firstYear,
    lastYear: years.lastYear,
    calendars: {},
  };
  for (const { calendar, timeZone } of calendars) {
    const dates = closedDates(calendar, timeZone, years.firstYear, years.lastYear);
    const perYear: string[] = [];
    for (let year = years.firstYear; year <= years.lastYear; year++) {
      perYear.push(
        [...dates]
          .filter((date) => date.startsWith(`${year}-`))
          .sort()
          .map((date) => date.slice(5).replace('-', ''))
          .join(' '),
      );
    }
    table.calendars[holidayCalendarKey(calendar, timeZone)] = perYear;
  }
  return table;
}

/**
 * The local dates in [firstYear, lastYear] that a public holiday closes, exactly as the run-time
 * date-holidays code did: types ['public'] in the desk's zone, every local date a holiday touches,
 * and the holidays of the year before (a multi-day holiday that starts on 31 December is listed there).
 */
function closedDates(calendar: HolidayCalendar, timeZone: string, firstYear: number, lastYear: number) {
  assertKnownCalendar(calendar);
  if (!IANAZone.isValidZone(timeZone))
    throw new Error(`unknown time zone "${timeZone}": use an IANA name such as Indian/Reunion`);
  const holidays = new Holidays(
    { country: calendar.country, state: calendar.state, region: calendar.region },
    { types: ['public'], timezone: timeZone },
  );
  const dates = new Set<string>();
  for (let year = firstYear - 1; year <= lastYear; year++) {
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      let day = DateTime.fromJSDate(holiday.start, { zone: timeZone }).startOf('day');
      const last = DateTime.fromMillis(holiday.end.getTime() - 1, { zone: timeZone });
      while (day <= last) {
        if (day.year >= firstYear && day.year <= lastYear) dates.add(day.toISODate() ?? '');
        day = day.plus({ days: 1 });
      }
    }
  }
  return dates;
}

/** date-holidays silently falls back to the country (or nothing) on an unknown code: refuse it instead. */
function assertKnownCalendar({ country, state, region }: HolidayCalendar): void {
  const lookup = new Holidays();
  const hint =
    'use the codes listed by date-holidays, e.g. { "country": "FR", "state": "RE" } or { "country": "NC" }';
  if (!hasCode(lookup.getCountries(), country))
    throw new Error(`unknown holiday country "${country}": ${hint}`);
  if (state && !hasCode(lookup.getStates(country), state))
    throw new Error(`unknown holiday state "${state}" for country "${country}": ${hint}`);
  if (region && !state) throw new Error(`holiday region "${region}" given without its state: ${hint}`);
  if (state && region && !hasCode(lookup.getRegions(country, state), region))
    throw new Error(`unknown holiday region "${region}" for ${country}-${state}: ${hint}`);
}

function hasCode(codes: Record<string, string> | undefined, code: string): boolean {
  return Object.keys(codes ?? {}).some((known) => known.toUpperCase() === code.toUpperCase());
}

/** The table as a TypeScript module laid out as biome formats it (one line per calendar and year). */
export function renderHolidayTableModule(table: GeneratedHolidayTable): string {
  const calendars = Object.entries(table.calendars).flatMap(([key, years]) => [
    `    '${key}': [`,
    ...years.map((dates, i) => `      '${dates}', // ${table.firstYear + i}`),
    '    ],',
  ]);
  return [
    `// Generated by scripts/generate-holidays.ts (npm run holidays:generate) from ${table.source}, for`,
    `// ${table.firstYear}–${table.lastYear}. Do not edit: change the script or upgrade date-holidays, then run it again.`,
    '',
    'export type PublicHolidayTable = {',
    '  /** The date-holidays release the dates come from. */',
    '  source: string;',
    '  firstYear: number;',
    '  lastYear: number;',
    '  /** Per `COUNTRY[-STATE[-REGION]] Zone`, one string per year from firstYear: closed local dates as MMDD. */',
    '  calendars: Readonly<Record<string, readonly string[]>>;',
    '};',
    '',
    'export const PUBLIC_HOLIDAY_TABLE: PublicHolidayTable = {',
    `  source: '${table.source}',`,
    `  firstYear: ${table.firstYear},`,
    `  lastYear: ${table.lastYear},`,
    '  calendars: {',
    ...calendars,
    '  },',
    '};',
    '',
  ].join('\n');
}

function main(): void {
  const config: unknown = JSON.parse(readFileSync(SERVICE_DESK_CONFIG_PATH, 'utf8'));
  const table = generateHolidayTable(calendarsToGenerate(config));
  writeFileSync(TABLE_PATH, renderHolidayTableModule(table));
  const keys = Object.keys(table.calendars);
  console.log(
    `wrote ${TABLE_PATH}: ${keys.length} calendars (${keys.join(', ')}), ${table.firstYear}–${table.lastYear}, ${table.source}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
