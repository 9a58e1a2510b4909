import type { HolidayCalendar } from './service-desk-config';

/**
 * The name of one holiday calendar seen in one zone, as the generated table spells it:
 * `FR-RE Indian/Reunion`, `NC Pacific/Noumea`. Codes are upper-cased because date-holidays accepts
 * them in any case; the zone is kept as written, since luxon reads links (Indian/Mayotte) as they are.
 * A region without its state keeps the empty place (`FR--X`), so it never reads as a state.
 */
export function holidayCalendarKey(calendar: HolidayCalendar, timeZone: string): string {
  const codes = [calendar.country, calendar.state ?? '', calendar.region ?? ''].map((c) => c.toUpperCase());
  while (codes.length > 1 && codes.at(-1) === '') codes.pop();
  return `${codes.join('-')} ${timeZone}`;
}
