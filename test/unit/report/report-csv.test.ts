import { describe, expect, it } from 'vitest';
import { PRIORITY_LEVELS } from '../../../shared/domain/desk/service-desk-config';
import {
  FIGURES_CSV_HEADER,
  figuresCsv,
  TICKET_CSV_HEADER,
  ticketsCsv,
} from '../../../shared/domain/report/report-csv';
import type { PriorityFigures, SlaReport } from '../../../shared/domain/report/sla-report';
import type { TicketOutcome } from '../../../shared/domain/report/ticket-outcome';

/**
 * The CSV exports (docs/reports.md): RFC 4180 (comma, CRLF, quotes doubled) and defused against
 * formulas (OWASP "CSV injection"): a client's subject must never run in the agent's spreadsheet.
 * Every column carries a different value, so a column reading the wrong field shows.
 */
function anOutcome(overrides: Partial<TicketOutcome> = {}): TicketOutcome {
  return {
    reference: 'EXO-2026-000042',
    desk: 'reunion',
    deskOnDuty: 'martinique',
    clientId: 'CLI-RE-0027',
    clientName: 'Quincaillerie du Port',
    subject: 'Imprimante en panne',
    contract: 'standard',
    priority: 'haute',
    status: 'résolu',
    receivedAt: '2026-12-01T05:00:00.000Z',
    gti: {
      dueAt: '2026-12-01T05:30:00.000Z',
      outcome: 'breached',
      at: '2026-12-01T05:40:00.000Z',
      openMinutes: 40,
      wallMinutes: 41,
      overrun: { stoppedAt: '2026-12-01T05:40:00.000Z', openMinutes: 10, wallMinutes: 11 },
    },
    gtr: {
      dueAt: '2026-12-02T05:00:00.000Z',
      outcome: 'met',
      at: '2026-12-01T09:00:00.000Z',
      openMinutes: 240,
      wallMinutes: 241,
      overrun: null,
    },
    movedTo: 'martinique',
    reopenedAt: ['2026-12-01T07:00:00.000Z', '2026-12-01T08:00:00.000Z'],
    open: false,
    ...overrides,
  };
}

/** The cells of a CSV line that has no quoted cell. */
const cells = (line: string) => line.split(',');

describe('Function: ticketsCsv', () => {
  it('writes the header then one CRLF-ended row per ticket, each column from its own field', () => {
    const csv = ticketsCsv([anOutcome()]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(cells(lines[0] ?? '')).toEqual(TICKET_CSV_HEADER);
    expect(TICKET_CSV_HEADER).toEqual([
      'reference',
      'desk',
      'deskOnDuty',
      'clientId',
      'clientName',
      'subject',
      'contract',
      'priority',
      'status',
      'receivedAt',
      'gtiDueAt',
      'gti',
      'firstContactAt',
      'firstContactOpenMinutes',
      'firstContactWallMinutes',
      'gtiOverrunOpenMinutes',
      'gtrDueAt',
      'gtr',
      'resolvedAt',
      'resolutionOpenMinutes',
      'resolutionWallMinutes',
      'gtrOverrunOpenMinutes',
      'movedTo',
      'reopenings',
      'reopenedAt',
    ]);
    expect(cells(lines[1] ?? '')).toEqual([
      'EXO-2026-000042',
      'reunion',
      'martinique',
      'CLI-RE-0027',
      'Quincaillerie du Port',
      'Imprimante en panne',
      'standard',
      'haute',
      'résolu',
      '2026-12-01T05:00:00.000Z',
      '2026-12-01T05:30:00.000Z',
      'breached',
      '2026-12-01T05:40:00.000Z',
      '40',
      '41',
      '10',
      '2026-12-02T05:00:00.000Z',
      'met',
      '2026-12-01T09:00:00.000Z',
      '240',
      '241',
      '',
      'martinique',
      '2',
      '2026-12-01T07:00:00.000Z 2026-12-01T08:00:00.000Z',
    ]);
  });

  it('leaves a missing value empty (no « null »), writes 0 as 0, and a GTR overrun when there is one', () => {
    const outcome = anOutcome({
      clientId: null,
      clientName: null,
      movedTo: null,
      reopenedAt: [],
      gti: { ...anOutcome().gti, at: null, openMinutes: 0, wallMinutes: null, overrun: null },
      gtr: {
        ...anOutcome().gtr,
        outcome: 'breached',
        overrun: { stoppedAt: null, openMinutes: 95, wallMinutes: 96 },
      },
    });
    const row = cells(ticketsCsv([outcome]).split('\r\n')[1] ?? '');
    const cell = (name: string) => row[TICKET_CSV_HEADER.indexOf(name)];
    expect(cell('clientId')).toBe('');
    expect(cell('clientName')).toBe('');
    expect(cell('firstContactAt')).toBe('');
    expect(cell('firstContactOpenMinutes')).toBe('0');
    expect(cell('firstContactWallMinutes')).toBe('');
    expect(cell('gtiOverrunOpenMinutes')).toBe('');
    expect(cell('gtrOverrunOpenMinutes')).toBe('95');
    expect(cell('movedTo')).toBe('');
    expect(cell('reopenings')).toBe('0');
    expect(cell('reopenedAt')).toBe('');
  });

  it('writes only the header when there is no ticket', () => {
    expect(ticketsCsv([])).toBe(`${TICKET_CSV_HEADER.join(',')}\r\n`);
  });

  it('writes a number that is not finite as an empty cell, never « NaN » or « Infinity »', () => {
    const gti = { ...anOutcome().gti, openMinutes: Number.NaN, wallMinutes: Number.POSITIVE_INFINITY };
    const row = cells(ticketsCsv([anOutcome({ gti })]).split('\r\n')[1] ?? '');
    expect(row[TICKET_CSV_HEADER.indexOf('firstContactOpenMinutes')]).toBe('');
    expect(row[TICKET_CSV_HEADER.indexOf('firstContactWallMinutes')]).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+33 6 12', "'+33 6 12"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('defuses a subject a spreadsheet would read as a formula: %j → %j', (subject, cell) => {
    const line = ticketsCsv([anOutcome({ subject, clientName: 'x' })])
      .split('\r\n')
      .slice(1)
      .join('\r\n');
    expect(line).toContain(`,x,${cell},standard,`);
  });

  it('leaves a formula character alone when it is not the first one', () => {
    const line = ticketsCsv([anOutcome({ subject: 'a=b+c-d@e', clientName: 'x' })]).split('\r\n')[1];
    expect(line).toContain(',x,a=b+c-d@e,standard,');
  });

  it.each([
    ['Panne, urgent', '"Panne, urgent"'],
    ['Écran "bleu"', '"Écran ""bleu"""'],
    ['ligne 1\nligne 2', '"ligne 1\nligne 2"'],
    ['ligne 1\rligne 2', '"ligne 1\rligne 2"'],
    [' espace devant', '" espace devant"'],
    ['espace derrière ', '"espace derrière "'],
  ])('quotes a cell that holds a comma, a quote, a line break or edge spaces: %j → %j', (subject, cell) => {
    const csv = ticketsCsv([anOutcome({ subject, clientName: 'x' })]);
    expect(csv).toContain(`,x,${cell},standard,`);
  });

  it('does not quote a plain cell, even one with inner spaces', () => {
    expect(ticketsCsv([anOutcome({ subject: 'Poste  bloqué', clientName: 'x' })])).toContain(
      ',x,Poste  bloqué,standard,',
    );
  });
});

function figures(seed: number): PriorityFigures {
  // Every field a different number: a column that reads another field shows.
  return {
    received: seed + 1,
    gtiMet: seed + 2,
    gtiBreached: seed + 3,
    gtiRunning: seed + 4,
    gtiMetRatio: (seed + 5) / 1000,
    gtrMet: seed + 6,
    gtrBreached: seed + 7,
    gtrRunning: seed + 8,
    gtrMetRatio: (seed + 9) / 1000,
    firstContactOpenMinutes: { median: seed + 10, p90: seed + 11 },
    firstContactWallMinutes: { median: seed + 12, p90: seed + 13 },
    resolutionOpenMinutes: { median: seed + 14, p90: seed + 15 },
    resolutionWallMinutes: { median: seed + 16, p90: seed + 17 },
    reopened: seed + 18,
    moved: seed + 19,
  };
}

function aReport(desk: string | null, client: string | null): SlaReport {
  return {
    period: { from: '2026-11-30T20:00:00.000Z', to: '2026-12-31T20:00:00.000Z' },
    desk,
    client,
    at: '2026-12-10T08:00:00.000Z',
    byPriority: { normale: figures(100), moyenne: figures(200), haute: figures(300), critique: figures(400) },
    breaches: [],
    followTheSun: { moved: 0, tickets: [] },
    reopened: [],
    backlog: { open: 0, byAge: [] },
  };
}

describe('Function: figuresCsv', () => {
  it('writes one row per priority, each with its period, desk, client and every figure in its column', () => {
    const lines = figuresCsv(aReport('reunion', 'CLI-RE-0027')).split('\r\n');
    expect(lines).toHaveLength(PRIORITY_LEVELS.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(cells(lines[0] ?? '')).toEqual(FIGURES_CSV_HEADER);
    expect(FIGURES_CSV_HEADER).toEqual([
      'from',
      'to',
      'desk',
      'client',
      'priority',
      'received',
      'gtiMet',
      'gtiBreached',
      'gtiRunning',
      'gtiMetRatio',
      'gtrMet',
      'gtrBreached',
      'gtrRunning',
      'gtrMetRatio',
      'firstContactOpenMinutesMedian',
      'firstContactOpenMinutesP90',
      'firstContactWallMinutesMedian',
      'firstContactWallMinutesP90',
      'resolutionOpenMinutesMedian',
      'resolutionOpenMinutesP90',
      'resolutionWallMinutesMedian',
      'resolutionWallMinutesP90',
      'reopened',
      'moved',
    ]);
    expect(lines.slice(1, -1).map((l) => cells(l).slice(0, 5))).toEqual(
      ['normale', 'moyenne', 'haute', 'critique'].map((level) => [
        '2026-11-30T20:00:00.000Z',
        '2026-12-31T20:00:00.000Z',
        'reunion',
        'CLI-RE-0027',
        level,
      ]),
    );
    // haute (seed 300): received 301, gtiMet 302, … in the header's order; the ratios are 0.305 and 0.309.
    expect(
      cells(lines[3] ?? '')
        .slice(5)
        .join(' '),
    ).toBe('301 302 303 304 0.305 306 307 308 0.309 310 311 312 313 314 315 316 317 318 319');
  });

  it('says « all » for every desk or every client, and leaves a missing figure empty', () => {
    const report = aReport(null, null);
    report.byPriority.critique = {
      ...figures(0),
      gtiMetRatio: null,
      firstContactOpenMinutes: { median: null, p90: null },
    };
    const critique = cells(figuresCsv(report).split('\r\n')[4] ?? '');
    expect(critique.slice(2, 5)).toEqual(['all', 'all', 'critique']);
    expect(critique[FIGURES_CSV_HEADER.indexOf('gtiMetRatio')]).toBe('');
    expect(critique[FIGURES_CSV_HEADER.indexOf('firstContactOpenMinutesMedian')]).toBe('');
    expect(critique[FIGURES_CSV_HEADER.indexOf('firstContactOpenMinutesP90')]).toBe('');
  });

  it('defuses a desk or client id that starts like a formula', () => {
    const csv = figuresCsv(aReport('=desk', '-client'));
    expect(csv).toContain(",'=desk,'-client,normale,");
  });
});
