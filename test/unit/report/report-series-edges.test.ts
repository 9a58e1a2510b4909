import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PRIORITY_LEVELS } from '../../../shared/domain/desk/service-desk-config';
import { reportCharts } from '../../../shared/domain/report/charts/index';
import { reportSeries } from '../../../shared/domain/report/report-series';
import type { PriorityFigures, SlaReport } from '../../../shared/domain/report/sla-report';
import type { ClockOutcome, TicketOutcome } from '../../../shared/domain/report/ticket-outcome';

/**
 * The chart series at their edges (docs/reports.md, "Charts"): a receipt at a day's first or last
 * millisecond in the zone, outside the period, at a desk not charted; weeks that start before the period.
 */
const ZONE = 'Indian/Reunion';
const local = (wallClock: string) => DateTime.fromISO(wallClock, { zone: ZONE });

function outcome(
  receivedAt: string,
  overrides: {
    desk?: string;
    priority?: TicketOutcome['priority'];
    gti?: ClockOutcome;
    gtr?: ClockOutcome;
    gtiOpen?: number | null;
  } = {},
): TicketOutcome {
  const clock = (outcome: ClockOutcome, openMinutes: number | null) => ({
    dueAt: receivedAt,
    outcome,
    at: null,
    openMinutes,
    wallMinutes: null,
    overrun: null,
  });
  return {
    reference: `EXO-${receivedAt}`,
    desk: overrides.desk ?? 'reunion',
    deskOnDuty: overrides.desk ?? 'reunion',
    clientId: null,
    clientName: null,
    subject: 's',
    contract: 'standard',
    priority: overrides.priority ?? 'haute',
    status: 'nouveau',
    receivedAt,
    gti: clock(overrides.gti ?? 'running', overrides.gtiOpen === undefined ? null : overrides.gtiOpen),
    gtr: clock(overrides.gtr ?? 'running', null),
    movedTo: null,
    reopenedAt: [],
    open: true,
  };
}

function figures(overrides: Partial<PriorityFigures> = {}): PriorityFigures {
  const none = { median: null, p90: null };
  return {
    received: 0,
    gtiMet: 0,
    gtiBreached: 0,
    gtrMet: 0,
    gtrBreached: 0,
    gtiMetRatio: null,
    gtrMetRatio: null,
    firstContactOpenMinutes: none,
    resolutionOpenMinutes: none,
    firstContactWallMinutes: none,
    resolutionWallMinutes: none,
    gtiRunning: 0,
    gtrRunning: 0,
    reopened: 0,
    moved: 0,
    ...overrides,
  };
}

/** Wednesday 2 to Friday 18 December 2026 in Réunion (17 days, three weeks begun). */
function aReport(byPriority: Partial<SlaReport['byPriority']> = {}): SlaReport {
  return {
    period: {
      from: local('2026-12-02T00:00').toUTC().toISO() ?? '',
      to: local('2026-12-19T00:00').toUTC().toISO() ?? '',
    },
    desk: null,
    client: null,
    at: '2026-12-20T00:00:00.000Z',
    byPriority: {
      ...Object.fromEntries(PRIORITY_LEVELS.map((l) => [l, figures()])),
      ...byPriority,
    } as SlaReport['byPriority'],
    breaches: [],
    followTheSun: { moved: 0, tickets: [] },
    reopened: [],
    backlog: { open: 0, byAge: [] },
  };
}
const DESKS = [
  { id: 'reunion', name: 'La Réunion' },
  { id: 'martinique', name: 'Martinique' },
];

describe('reportSeries: days', () => {
  it('puts a receipt at the first and at the last millisecond of a zone day on that day, every day of the period', () => {
    const receipts: TicketOutcome[] = [];
    for (let d = 2; d <= 18; d += 1) {
      const start = local(`2026-12-${String(d).padStart(2, '0')}T00:00`);
      receipts.push(outcome(start.toUTC().toISO() ?? ''));
      receipts.push(outcome(start.plus({ days: 1 }).minus({ milliseconds: 1 }).toUTC().toISO() ?? ''));
      // The third, on the even days only: each day must be told apart from its neighbours.
      if (d % 2 === 0) receipts.push(outcome(start.plus({ hours: 12 }).toUTC().toISO() ?? ''));
    }
    const series = reportSeries(receipts, aReport(), ZONE, DESKS);
    expect(series.days.map((d) => d.day)).toEqual(
      Array.from({ length: 17 }, (_, i) => `2026-12-${String(i + 2).padStart(2, '0')}`),
    );
    expect(series.days.map((d) => d.total)).toEqual(
      Array.from({ length: 17 }, (_, i) => ((i + 2) % 2 === 0 ? 3 : 2)),
    );
  });

  it('leaves out a receipt before the period, and counts a desk that is not charted in the total only', () => {
    const before = local('2026-12-02T00:00').minus({ milliseconds: 1 }).toUTC().toISO() ?? '';
    const first = local('2026-12-02T09:00').toUTC().toISO() ?? '';
    const receipts = [
      outcome(before),
      outcome(first),
      outcome(first, { desk: 'martinique' }),
      outcome(first, { desk: 'guadeloupe' }),
    ];
    const series = reportSeries(receipts, aReport(), ZONE, DESKS);
    expect(series.days[0]).toEqual({ day: '2026-12-02', byDesk: { reunion: 1, martinique: 1 }, total: 3 });
    expect(series.days.slice(1).every((d) => d.total === 0 && d.byDesk.reunion === 0)).toBe(true);
    expect(series.weeks.map((w) => w.received)).toEqual([3, 0, 0]);
  });

  it('gives the zone and the charted desks (id and name only) back with the series', () => {
    const series = reportSeries([], aReport(), ZONE, [
      { id: 'reunion', name: 'La Réunion', extra: 1 } as never,
    ]);
    expect(series.zone).toBe(ZONE);
    expect(series.desks).toEqual([{ id: 'reunion', name: 'La Réunion' }]);
    expect(series.days).toHaveLength(17);
  });
});

describe('reportSeries: weeks', () => {
  it('starts the first week on the Monday before the period, and counts each clock decided per week', () => {
    const at = (wallClock: string) => local(wallClock).toUTC().toISO() ?? '';
    const receipts = [
      // Week of Monday 30 Nov (the period starts on Wednesday 2 Dec).
      outcome(at('2026-12-02T10:00'), { gti: 'met', gtr: 'met' }),
      outcome(at('2026-12-06T23:59'), { gti: 'breached', gtr: 'running' }),
      // Week of Monday 7 Dec, from its first minute.
      outcome(at('2026-12-07T00:00'), { gti: 'met', gtr: 'breached' }),
      outcome(at('2026-12-08T00:00'), { gti: 'met', gtr: 'breached' }),
      outcome(at('2026-12-09T00:00'), { gti: 'running', gtr: 'breached' }),
    ];
    const series = reportSeries(receipts, aReport(), ZONE, DESKS);
    expect(series.weeks).toEqual([
      {
        weekStart: '2026-11-30',
        received: 2,
        gtiMet: 1,
        gtiBreached: 1,
        gtrMet: 1,
        gtrBreached: 0,
        gtiMetRatio: 0.5,
        gtrMetRatio: 1,
      },
      {
        weekStart: '2026-12-07',
        received: 3,
        gtiMet: 2,
        gtiBreached: 0,
        gtrMet: 0,
        gtrBreached: 3,
        gtiMetRatio: 1,
        gtrMetRatio: 0,
      },
      {
        weekStart: '2026-12-14',
        received: 0,
        gtiMet: 0,
        gtiBreached: 0,
        gtrMet: 0,
        gtrBreached: 0,
        gtiMetRatio: null,
        gtrMetRatio: null,
      },
    ]);
  });
});

describe('reportSeries: first contact', () => {
  it('takes the median and p90 from the report, and counts the contacts of the priority that were measured', () => {
    const at = local('2026-12-03T10:00').toUTC().toISO() ?? '';
    const receipts = [
      outcome(at, { priority: 'haute', gtiOpen: 12 }),
      outcome(at, { priority: 'haute', gtiOpen: 0 }),
      outcome(at, { priority: 'haute', gtiOpen: null }),
      outcome(at, { priority: 'critique', gtiOpen: 3 }),
    ];
    const report = aReport({
      haute: figures({ firstContactOpenMinutes: { median: 6, p90: 12 }, gtiMet: 2, gtiBreached: 1 }),
    });
    const series = reportSeries(receipts, report, ZONE, DESKS);
    expect(series.firstContact.map((p) => [p.priority, p.targetMinutes, p.contacts])).toEqual([
      ['normale', 60, 0],
      ['moyenne', 45, 0],
      ['haute', 30, 2],
      ['critique', 15, 1],
    ]);
    expect(series.firstContact[2]).toMatchObject({ median: 6, p90: 12, gtiMet: 2, gtiBreached: 1 });
  });
});

describe('reportCharts', () => {
  it('titles each chart with its figure caption, and passes the options on', () => {
    const charts = reportCharts(reportSeries([], aReport(), ZONE, DESKS), { idPrefix: 'p' });
    expect(charts.map((c) => [c.id, c.title, c.figure.attrs.id])).toEqual([
      ['met-per-week', 'Engagements tenus par semaine (GTI et GTR, en %)', 'p-met-per-week'],
      ['volume-per-day', 'Tickets reçus par jour et par centre', 'p-volume-per-day'],
      ['first-contact', 'Délai de premier contact face à la GTI, par priorité', 'p-first-contact'],
    ]);
    expect(reportCharts(reportSeries([], aReport(), ZONE, DESKS))[0]?.figure.attrs.id).toBe(
      'chart-met-per-week',
    );
  });
});
