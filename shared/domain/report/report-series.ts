import { DateTime } from 'luxon';
import { PRIORITY_LEVELS, type PriorityLevel } from '../desk/service-desk-config';
import { SLA_TARGETS } from '../sla/sla';
import { type PriorityFigures, ratio, type SlaReport } from './sla-report';
import type { ClockOutcome, TicketOutcome } from './ticket-outcome';

/**
 * The series the report charts draw (docs/reports.md, "Charts"), computed from the same outcomes as the
 * figures: nothing here judges a clock again. Days and weeks are read in the report's zone (the desk's;
 * UTC for all desks), as the period is. Plain data (no Date, no class): it travels as JSON to the
 * portals and is drawn by shared/domain/report/charts/ on the server and in the browser alike.
 */
export type WeekPoint = {
  /** The Monday that starts the week, `YYYY-MM-DD` in the report's zone (the first week may start before the period). */
  weekStart: string;
} & Pick<
  PriorityFigures,
  // For the week: tickets of the period received that week, their decided clocks and met ÷ decided.
  'received' | 'gtiMet' | 'gtiBreached' | 'gtrMet' | 'gtrBreached' | 'gtiMetRatio' | 'gtrMetRatio'
>;

export type DayVolume = {
  /** `YYYY-MM-DD` in the report's zone. */
  day: string;
  /** Tickets received that day at each desk of `ReportSeries.desks` (the receiving desk, not the desk on duty). */
  byDesk: Record<string, number>;
  total: number;
};

export type FirstContactPoint = {
  priority: PriorityLevel;
  /** The GTI target in open minutes (60 / 45 / 30 / 15). */
  targetMinutes: number;
  /** Receipt → first contact in open minutes, by nearest rank (the report's figures). */
  median: number | null;
  p90: number | null;
  /** How many first contacts the median and p90 are taken from. */
  contacts: number;
  gtiMet: number;
  gtiBreached: number;
};

export type ReportSeries = {
  /** The IANA zone days and weeks are read in. */
  zone: string;
  /** The desks the daily volume counts, in configuration order, with their display names. */
  desks: Array<{ id: string; name: string }>;
  weeks: WeekPoint[];
  days: DayVolume[];
  firstContact: FirstContactPoint[];
};

/**
 * The chart series of a report: `outcomes` and `report` from the same call (buildSlaReport), `desks`
 * the desks the report read, `zone` the zone its period was read in.
 */
export function reportSeries(
  outcomes: readonly TicketOutcome[],
  report: SlaReport,
  zone: string,
  desks: ReadonlyArray<{ id: string; name: string }>,
): ReportSeries {
  const from = DateTime.fromISO(report.period.from, { zone });
  // The period is [from, to): its last day is the one holding the millisecond before `to`.
  const last = DateTime.fromISO(report.period.to, { zone }).minus({ milliseconds: 1 });
  const mondayOf = (day: DateTime) => day.startOf('day').minus({ days: day.weekday - 1 });

  // The days of the period in the zone, each with the instant it starts and the Monday of its week:
  // computed once per day, then each receipt (10,000 in a busy desk-month) is placed by a binary
  // search on the instants, not parsed again in the zone (luxon's zone arithmetic is the slow part).
  const calendar: Array<{ day: string; week: string; startsAt: number }> = [];
  for (let day = from.startOf('day'); day <= last; day = day.plus({ days: 1 }))
    calendar.push({
      day: day.toISODate() ?? '',
      week: mondayOf(day).toISODate() ?? '',
      startsAt: day.toMillis(),
    });
  const perDay = new Map<string, TicketOutcome[]>();
  const perWeek = new Map<string, TicketOutcome[]>();
  for (const o of outcomes) {
    const slot = calendar[dayIndex(calendar, Date.parse(o.receivedAt))];
    if (!slot) continue;
    perDay
      .set(slot.day, perDay.get(slot.day) ?? [])
      .get(slot.day)
      ?.push(o);
    perWeek
      .set(slot.week, perWeek.get(slot.week) ?? [])
      .get(slot.week)
      ?.push(o);
  }

  const weekStarts = [...new Set(calendar.map((c) => c.week))];
  const weeks = weekStarts.map((start): WeekPoint => {
    const ofWeek = perWeek.get(start) ?? [];
    const count = (clock: 'gti' | 'gtr', outcome: ClockOutcome) =>
      ofWeek.filter((o) => o[clock].outcome === outcome).length;
    const gtiMet = count('gti', 'met');
    const gtiBreached = count('gti', 'breached');
    const gtrMet = count('gtr', 'met');
    const gtrBreached = count('gtr', 'breached');
    return {
      weekStart: start,
      received: ofWeek.length,
      gtiMet,
      gtiBreached,
      gtrMet,
      gtrBreached,
      gtiMetRatio: ratio(gtiMet, gtiBreached),
      gtrMetRatio: ratio(gtrMet, gtrBreached),
    };
  });

  const days = calendar.map(({ day }): DayVolume => {
    const ofDay = perDay.get(day) ?? [];
    return {
      day,
      byDesk: Object.fromEntries(desks.map((d) => [d.id, ofDay.filter((o) => o.desk === d.id).length])),
      total: ofDay.length,
    };
  });

  const firstContact = PRIORITY_LEVELS.map((priority): FirstContactPoint => {
    const f = report.byPriority[priority];
    return {
      priority,
      targetMinutes: SLA_TARGETS[priority].gtiMinutes,
      median: f.firstContactOpenMinutes.median,
      p90: f.firstContactOpenMinutes.p90,
      contacts: outcomes.filter((o) => o.priority === priority && o.gti.openMinutes !== null).length,
      gtiMet: f.gtiMet,
      gtiBreached: f.gtiBreached,
    };
  });

  return { zone, desks: desks.map((d) => ({ id: d.id, name: d.name })), weeks, days, firstContact };
}

/** The index of the last day that starts at or before `at` (-1 before the first). */
function dayIndex(calendar: ReadonlyArray<{ startsAt: number }>, at: number): number {
  let low = 0;
  let high = calendar.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((calendar[middle]?.startsAt ?? Number.POSITIVE_INFINITY) <= at) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
