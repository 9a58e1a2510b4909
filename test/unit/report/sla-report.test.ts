import { beforeEach, describe, expect, it } from 'vitest';
import { reportPeriod } from '../../../shared/domain/report/report-period';
import { distribution, type ReportScope, slaReport } from '../../../shared/domain/report/sla-report';
import { ticketOutcome } from '../../../shared/domain/report/ticket-outcome';
import {
  breached,
  CLIENT,
  config,
  met,
  moved,
  NOW,
  paused,
  pausedThenResolved,
  reopened,
  reunionAt,
  running,
  runningPastDue,
  TICKETS,
} from './fixtures';

// Computed in each test (functions, beforeEach), not when the file is collected: StrykerJS switches a
// mutant on only once the tests start, so a value computed at collection could never show a mutant.
const period = () => reportPeriod('2026-11-30', '2026-12-10', 'Indian/Reunion');
let scope: ReportScope;
beforeEach(() => {
  scope = { ...period(), desk: 'reunion', client: CLIENT };
});

describe('Function: slaReport', () => {
  let report: ReturnType<typeof slaReport>;
  beforeEach(() => {
    report = slaReport(TICKETS, scope, NOW, config);
  });

  it('counts each priority: received, met and breached, running clocks apart, ratios of decided clocks', () => {
    expect(report.byPriority.haute).toMatchObject({
      received: 4,
      gtiMet: 3,
      gtiBreached: 1,
      gtrMet: 2,
      gtrBreached: 1,
      gtiMetRatio: 0.75,
      gtrMetRatio: 0.6667,
      gtiRunning: 0,
      gtrRunning: 1, // the paused ticket: its GTR deadline has not passed
    });
    expect(report.byPriority.critique).toMatchObject({
      received: 2,
      gtiMet: 2,
      gtiBreached: 0,
      gtrMet: 1,
      gtrBreached: 1,
      gtiMetRatio: 1,
      gtrMetRatio: 0.5,
      reopened: 1,
      moved: 1,
    });
  });

  it('counts a running clock neither met nor breached until its deadline passes', () => {
    expect(report.byPriority.normale).toMatchObject({
      received: 1,
      gtiMet: 0,
      gtiBreached: 0,
      gtrMet: 0,
      gtrBreached: 0,
      gtiMetRatio: null,
      gtrMetRatio: null,
      gtiRunning: 1,
      gtrRunning: 1,
      firstContactOpenMinutes: { median: null, p90: null },
    });
    // moyenne received 10:00, GTI 10:45: running at 10:30, breached (and counting) at 12:00.
    const before = slaReport([runningPastDue], scope, reunionAt('2026-12-10T10:30'), config);
    expect(before.byPriority.moyenne).toMatchObject({ gtiMet: 0, gtiBreached: 0, gtiRunning: 1 });
    expect(before.breaches).toEqual([]);
    expect(report.byPriority.moyenne).toMatchObject({ gtiBreached: 1, gtiRunning: 0, gtiMetRatio: 0 });
  });

  it('gives median and p90 (nearest rank) of time to first contact and to resolution, open and wall', () => {
    // haute first contacts: 10, 140, 15, 15 open minutes (the night of 30 Nov is closed time).
    expect(report.byPriority.haute.firstContactOpenMinutes).toEqual({ median: 15, p90: 140 });
    expect(report.byPriority.haute.firstContactWallMinutes).toEqual({ median: 15, p90: 620 });
    // Resolutions 360, 1200 and 900 (1140 open minus 240 paused) open minutes; 360, 2160, 1620 wall.
    expect(report.byPriority.haute.resolutionOpenMinutes).toEqual({ median: 900, p90: 1200 });
    expect(report.byPriority.haute.resolutionWallMinutes).toEqual({ median: 1620, p90: 2160 });
    expect(report.byPriority.critique.firstContactOpenMinutes).toEqual({ median: 5, p90: 10 });
    expect(report.byPriority.critique.resolutionOpenMinutes).toEqual({ median: 180, p90: 300 });
  });

  it('lists every breach with its ticket, deadline and overrun, largest first; a running one has no stop', () => {
    expect(report.breaches).toEqual([
      {
        reference: breached.reference,
        desk: 'reunion',
        client: CLIENT,
        priority: 'haute',
        clock: 'gtr',
        dueAt: reunionAt('2026-12-01T22:00').toISOString(),
        stoppedAt: reunionAt('2026-12-02T10:00').toISOString(),
        overrunOpenMinutes: 240,
        overrunWallMinutes: 720,
      },
      {
        reference: breached.reference,
        desk: 'reunion',
        client: CLIENT,
        priority: 'haute',
        clock: 'gti',
        dueAt: reunionAt('2026-11-30T22:30').toISOString(),
        stoppedAt: reunionAt('2026-12-01T08:20').toISOString(),
        overrunOpenMinutes: 110,
        overrunWallMinutes: 590,
      },
      {
        reference: runningPastDue.reference,
        desk: 'reunion',
        client: CLIENT,
        priority: 'moyenne',
        clock: 'gti',
        dueAt: reunionAt('2026-12-10T10:45').toISOString(),
        stoppedAt: null,
        overrunOpenMinutes: 75,
        overrunWallMinutes: 75,
      },
      {
        reference: reopened.reference,
        desk: 'reunion',
        client: CLIENT,
        priority: 'critique',
        clock: 'gtr',
        dueAt: reunionAt('2026-12-02T13:00').toISOString(),
        stoppedAt: reunionAt('2026-12-02T14:00').toISOString(),
        overrunOpenMinutes: 60,
        overrunWallMinutes: 60,
      },
    ]);
  });

  it('shows tickets moved by follow the sun, reopenings, and the open backlog by age', () => {
    expect(report.followTheSun).toEqual({
      moved: 1,
      tickets: [{ reference: moved.reference, from: 'reunion', to: 'martinique' }],
    });
    expect(report.reopened).toEqual([
      { reference: reopened.reference, reopenedAt: [reunionAt('2026-12-02T12:00').toISOString()] },
    ]);
    expect(report.backlog.open).toBe(3);
    expect(report.backlog.byAge.map((b) => [b.label, b.count])).toEqual([
      ['< 1 j', 2],
      ['1–3 j', 0],
      ['3–7 j', 0],
      ['7–30 j', 1],
      ['≥ 30 j', 0],
    ]);
  });

  it('takes a ticket into the period of its receipt only, once, and of the desk and client asked', () => {
    const all = slaReport(TICKETS, { ...scope, client: null }, NOW, config);
    const received = (r: typeof report) =>
      Object.values(r.byPriority).reduce((sum, figures) => sum + figures.received, 0);
    expect(received(report)).toBe(8);
    expect(received(all)).toBe(9); // + the other client's; the ticket of 29 Nov stays out
    expect(received(slaReport([...TICKETS, met, met], scope, NOW, config))).toBe(8);
    expect(received(slaReport(TICKETS, { ...scope, desk: 'martinique' }, NOW, config))).toBe(0);
    expect(report.period).toEqual({ from: '2026-11-29T20:00:00.000Z', to: '2026-12-10T20:00:00.000Z' });
  });
});

describe('Function: ticketOutcome', () => {
  it('times a paused ticket: contact recorded, GTR running while the client is awaited', () => {
    const outcome = ticketOutcome(paused, NOW, config);
    expect(outcome.gti).toMatchObject({ outcome: 'met', openMinutes: 15, wallMinutes: 15, overrun: null });
    expect(outcome.gtr).toMatchObject({ outcome: 'running', at: null, openMinutes: null, overrun: null });
    expect(outcome.open).toBe(true);
  });

  it('leaves out of the resolution time the open time paused (what the GTR clock counts)', () => {
    expect(ticketOutcome(pausedThenResolved, NOW, config).gtr).toMatchObject({
      outcome: 'met',
      openMinutes: 900,
      wallMinutes: 1620,
    });
  });

  it('counts a reopened ticket open again as running, with no resolution time', () => {
    const open = { ...reopened, status: 'en cours' as const, resolvedAt: null };
    const outcome = ticketOutcome(open, reunionAt('2026-12-02T12:30'), config);
    expect(outcome.gtr).toMatchObject({ outcome: 'running', at: null, openMinutes: null });
    expect(outcome.reopenedAt).toHaveLength(1);
  });

  it('counts a running ticket by the ticket code: met as soon as contacted in time', () => {
    expect(ticketOutcome(running, NOW, config).gti.outcome).toBe('running');
    expect(ticketOutcome(met, NOW, config).gti.outcome).toBe('met');
  });
});

describe('Function: distribution', () => {
  it('takes the nearest rank: the value of an actual ticket', () => {
    expect(distribution([])).toEqual({ median: null, p90: null });
    expect(distribution([7])).toEqual({ median: 7, p90: 7 });
    expect(distribution([4, 1, 3, 2])).toEqual({ median: 2, p90: 4 });
    expect(distribution(Array.from({ length: 10 }, (_, i) => i + 1))).toEqual({ median: 5, p90: 9 });
  });
});

describe('Function: reportPeriod', () => {
  it('reads days in the desk zone, the last day included', () => {
    expect(reportPeriod('2026-11-01', '2026-11-30', 'Indian/Reunion')).toEqual({
      from: new Date('2026-10-31T20:00:00.000Z'),
      to: new Date('2026-11-30T20:00:00.000Z'),
    });
    expect(reportPeriod('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', 'Indian/Reunion').to).toEqual(
      new Date('2026-11-02T00:00:00Z'),
    );
  });

  it('refuses a period that ends before it starts, is too long, or is not a date', () => {
    expect(() => reportPeriod('2026-11-30', '2026-11-01', 'UTC')).toThrow(/before it starts/);
    expect(() => reportPeriod('2024-01-01', '2026-01-01', 'UTC')).toThrow(/longer than 400 days/);
    expect(() => reportPeriod('novembre', '2026-11-01', 'UTC')).toThrow(/neither a day/);
    expect(() => reportPeriod('2026-02-30', '2026-03-01', 'UTC')).toThrow();
  });
});
