import { DateTime } from 'luxon';
import * as z from 'zod';
import { InputError } from '../errors';

/** `2026-11-01` (a day, read in the report's zone) or an ISO instant with its offset. */
export const ReportDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A report reads at most this many days (a year and a month): a longer range is several reports. */
const MAX_REPORT_DAYS = 400;

/**
 * The period [from, to) a report covers. A day is read in `timeZone` (the desk's, so that November
 * in Réunion starts at midnight in Réunion); `to` as a day is included whole. An instant is taken as
 * it is, `to` excluded.
 */
export function reportPeriod(from: string, to: string, timeZone: string): { from: Date; to: Date } {
  const start = instantOf(from, timeZone, 'from', false);
  const end = instantOf(to, timeZone, 'to', true);
  if (end.getTime() <= start.getTime())
    throw new InputError(`the period ends (${to}) before it starts (${from})`, {
      hint: 'give --from before --to (both days are included)',
    });
  if (end.getTime() - start.getTime() > MAX_REPORT_DAYS * 24 * 60 * 60 * 1000)
    throw new InputError(`the period from ${from} to ${to} is longer than ${MAX_REPORT_DAYS} days`, {
      hint: 'report a year at most at a time',
    });
  return { from: start, to: end };
}

/** The calendar month that contains `at`, in `timeZone`: the default period of the reports. */
export function monthOf(at: Date, timeZone: string): { from: string; to: string } {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return {
    from: local.startOf('month').toISODate() ?? '',
    to: local.endOf('month').toISODate() ?? '',
  };
}

function instantOf(value: string, timeZone: string, name: string, endOfDay: boolean): Date {
  const parsed = ReportDateSchema.safeParse(value);
  if (!parsed.success)
    throw new InputError(
      `--${name} "${value}" is neither a day (2026-11-01) nor an ISO instant with offset`,
      {
        hint: 'write a day as YYYY-MM-DD',
      },
    );
  if (value.length > 10) return new Date(value);
  const day = DateTime.fromISO(value, { zone: timeZone });
  if (!day.isValid)
    throw new InputError(`--${name} "${value}" is not a day in ${timeZone}`, { hint: 'YYYY-MM-DD' });
  return (endOfDay ? day.plus({ days: 1 }).startOf('day') : day.startOf('day')).toJSDate();
}

const MONTH_HINT = 'un mois au format AAAA-MM, par exemple 2026-11';
const CLIENT_HINT =
  "l'identifiant d'un client de l'annuaire (lettres, chiffres, . _ -), par exemple CLI-RE-0027";

/** A calendar month, `2026-11` (the monthly report per client). */
export const ReportMonthSchema = z.string({ error: MONTH_HINT }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, MONTH_HINT);

/**
 * `?client=…&month=YYYY-MM` of the monthly report per client (agents' API, CLI, client portal), with
 * French messages: the agents read them.
 */
export const MonthlyReportRequestSchema = z.object({
  client: z
    .string({ error: CLIENT_HINT })
    .trim()
    .min(1, CLIENT_HINT)
    .max(128, CLIENT_HINT)
    .regex(/^[\w.-]+$/, CLIENT_HINT),
  month: ReportMonthSchema,
});
export type MonthlyReportRequest = z.infer<typeof MonthlyReportRequestSchema>;

/** The month [from, to) in `timeZone` (the client's home desk): from its first midnight to the next month's. */
export function monthPeriod(month: string, timeZone: string): { from: Date; to: Date } {
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: timeZone });
  if (!ReportMonthSchema.safeParse(month).success || !start.isValid)
    throw new InputError(`"${month}" is not a month`, { hint: 'write a month as YYYY-MM, e.g. 2026-11' });
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/** The `count` months up to the one holding `at` in `timeZone`, newest first: ['2026-12', '2026-11', …]. */
export function recentMonths(at: Date, timeZone: string, count: number): string[] {
  const current = DateTime.fromJSDate(at, { zone: timeZone }).startOf('month');
  return Array.from({ length: count }, (_, i) => current.minus({ months: i }).toFormat('yyyy-MM'));
}

/** `2026-11` → « novembre 2026 ». */
export function monthLabel(month: string): string {
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).setLocale('fr-FR');
  return start.isValid ? start.toFormat('MMMM yyyy') : month;
}
