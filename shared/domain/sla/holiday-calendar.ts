import * as z from 'zod';

export const HolidayCalendarSchema = z.object({
  /**
   * Arguments of `new Holidays(country, state?, region?)` from npm date-holidays, e.g. FR + RE, or NC:
   * the desk's calendar in its zone must be in the table scripts/generate-holidays.ts generates.
   */
  country: z.string().min(2),
  state: z.string().optional(),
  region: z.string().optional(),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendarSchema>;

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
