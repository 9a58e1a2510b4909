import { beforeEach, describe, expect, it } from 'vitest';
import { reportPeriod } from '../../../shared/domain/report/report-period';
import { type ReportSeries, reportSeries } from '../../../shared/domain/report/report-series';
import { type ReportScope, reportOutcomes, summarise } from '../../../shared/domain/report/sla-report';
import { CLIENT, config, NOW, TICKETS } from './fixtures';

const DESKS = [
  { id: 'reunion', name: 'La Réunion' },
  { id: 'martinique', name: 'Martinique' },
];

function seriesOf(client: string | null) {
  const scope: ReportScope = {
    ...reportPeriod('2026-11-30', '2026-12-10', 'Indian/Reunion'),
    desk: 'reunion',
    client,
  };
  const outcomes = reportOutcomes(TICKETS, scope, NOW, config);
  return reportSeries(outcomes, summarise(outcomes, scope, NOW), 'Indian/Reunion', DESKS);
}

describe('Function: reportSeries', () => {
  // Built before each test, not when the file is collected: a mutant is switched on only while tests run.
  let series: ReportSeries;
  beforeEach(() => {
    series = seriesOf(CLIENT);
  });

  it('counts GTI and GTR per week (Monday, in the desk zone), running clocks left out', () => {
    // Week of Mon 30 Nov: 001 met/met, 002 breached/breached, 005 met/running (paused), 006 met/met,
    // 007 met/breached (reopened), 008 met/met (moved). Week of Mon 7 Dec: 003 running/running,
    // 004 breached (no contact past its GTI)/running.
    expect(series.weeks).toEqual([
      {
        weekStart: '2026-11-30',
        received: 6,
        gtiMet: 5,
        gtiBreached: 1,
        gtrMet: 3,
        gtrBreached: 2,
        gtiMetRatio: 0.8333,
        gtrMetRatio: 0.6,
      },
      {
        weekStart: '2026-12-07',
        received: 2,
        gtiMet: 0,
        gtiBreached: 1,
        gtrMet: 0,
        gtrBreached: 0,
        gtiMetRatio: 0,
        gtrMetRatio: null,
      },
    ]);
  });

  it('counts the tickets received per day and per receiving desk, every day of the period', () => {
    expect(series.days.map((d) => d.day)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
    ]);
    expect(series.days.map((d) => d.total)).toEqual([2, 2, 1, 0, 1, 0, 0, 0, 0, 0, 2]);
    // 008 was handled by Martinique (follow the sun) but received at La Réunion: it counts there.
    expect(series.days[4]).toEqual({ day: '2026-12-04', byDesk: { reunion: 1, martinique: 0 }, total: 1 });
    // Another client's ticket of 3 Dec counts when every client is asked.
    expect(seriesOf(null).days[3]?.total).toBe(1);
  });

  it('sets each priority first contact (open minutes) against its GTI target', () => {
    expect(series.firstContact).toEqual([
      {
        priority: 'normale',
        targetMinutes: 60,
        median: null,
        p90: null,
        contacts: 0,
        gtiMet: 0,
        gtiBreached: 0,
      },
      {
        priority: 'moyenne',
        targetMinutes: 45,
        median: null,
        p90: null,
        contacts: 0,
        gtiMet: 0,
        gtiBreached: 1,
      },
      // 001 10, 002 140, 005 15, 006 15 open minutes: median the 2nd (15), p90 the 4th (140).
      { priority: 'haute', targetMinutes: 30, median: 15, p90: 140, contacts: 4, gtiMet: 3, gtiBreached: 1 },
      // 007 5, 008 10.
      { priority: 'critique', targetMinutes: 15, median: 5, p90: 10, contacts: 2, gtiMet: 2, gtiBreached: 0 },
    ]);
  });

  it('reads days and weeks in the zone given (UTC for all desks)', () => {
    const scope: ReportScope = {
      ...reportPeriod('2026-11-29', '2026-11-30', 'UTC'),
      desk: null,
      client: null,
    };
    const outcomes = reportOutcomes(TICKETS, scope, NOW, config);
    const utc = reportSeries(outcomes, summarise(outcomes, scope, NOW), 'UTC', DESKS);
    expect(utc.days.map((d) => [d.day, d.total])).toEqual([
      ['2026-11-29', 1],
      ['2026-11-30', 2],
    ]);
    // Sunday 29 Nov belongs to the week of Monday 23 Nov.
    expect(utc.weeks.map((w) => w.weekStart)).toEqual(['2026-11-23', '2026-11-30']);
  });
});
