import { PRIORITY_LEVELS } from '../desk/service-desk-config';
import type { PriorityFigures, SlaReport } from './sla-report';
import type { TicketOutcome } from './ticket-outcome';

/**
 * The tickets of a report as CSV (RFC 4180: comma, CRLF, quotes doubled), one row per ticket. Subjects
 * and client names are the clients' own words: a cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe (OWASP, "CSV
 * injection"), so that opening the export never runs anything. Numbers are written as they are.
 * Hand-written: twenty lines, where a library would add a dependency and still need the prefix rule.
 */
const COLUMNS: Array<[string, (o: TicketOutcome) => string | number | null]> = [
  ['reference', (o) => o.reference],
  ['desk', (o) => o.desk],
  ['deskOnDuty', (o) => o.deskOnDuty],
  ['clientId', (o) => o.clientId],
  ['clientName', (o) => o.clientName],
  ['subject', (o) => o.subject],
  ['contract', (o) => o.contract],
  ['priority', (o) => o.priority],
  ['status', (o) => o.status],
  ['receivedAt', (o) => o.receivedAt],
  ['gtiDueAt', (o) => o.gti.dueAt],
  ['gti', (o) => o.gti.outcome],
  ['firstContactAt', (o) => o.gti.at],
  ['firstContactOpenMinutes', (o) => o.gti.openMinutes],
  ['firstContactWallMinutes', (o) => o.gti.wallMinutes],
  ['gtiOverrunOpenMinutes', (o) => o.gti.overrun?.openMinutes ?? null],
  ['gtrDueAt', (o) => o.gtr.dueAt],
  ['gtr', (o) => o.gtr.outcome],
  ['resolvedAt', (o) => o.gtr.at],
  ['resolutionOpenMinutes', (o) => o.gtr.openMinutes],
  ['resolutionWallMinutes', (o) => o.gtr.wallMinutes],
  ['gtrOverrunOpenMinutes', (o) => o.gtr.overrun?.openMinutes ?? null],
  ['movedTo', (o) => o.movedTo],
  ['reopenings', (o) => o.reopenedAt.length],
  ['reopenedAt', (o) => o.reopenedAt.join(' ')],
];

export const TICKET_CSV_HEADER = COLUMNS.map(([name]) => name);

export function ticketsCsv(outcomes: readonly TicketOutcome[]): string {
  const rows = [TICKET_CSV_HEADER, ...outcomes.map((o) => COLUMNS.map(([, cell]) => cell(o)))];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The figures of a report as CSV: one row per priority, one column per figure (the names of the JSON,
 * docs/reports.md; a distribution is two columns, `…Median` and `…P90`), each row carrying the period,
 * desk and client it is about (`all` for every desk or client), so rows of several exports can be
 * pasted into one sheet. Same cell rules as the tickets' CSV.
 */
const FIGURE_COLUMNS: Array<[string, (f: PriorityFigures) => number | null]> = [
  ['received', (f) => f.received],
  ['gtiMet', (f) => f.gtiMet],
  ['gtiBreached', (f) => f.gtiBreached],
  ['gtiRunning', (f) => f.gtiRunning],
  ['gtiMetRatio', (f) => f.gtiMetRatio],
  ['gtrMet', (f) => f.gtrMet],
  ['gtrBreached', (f) => f.gtrBreached],
  ['gtrRunning', (f) => f.gtrRunning],
  ['gtrMetRatio', (f) => f.gtrMetRatio],
  ['firstContactOpenMinutesMedian', (f) => f.firstContactOpenMinutes.median],
  ['firstContactOpenMinutesP90', (f) => f.firstContactOpenMinutes.p90],
  ['firstContactWallMinutesMedian', (f) => f.firstContactWallMinutes.median],
  ['firstContactWallMinutesP90', (f) => f.firstContactWallMinutes.p90],
  ['resolutionOpenMinutesMedian', (f) => f.resolutionOpenMinutes.median],
  ['resolutionOpenMinutesP90', (f) => f.resolutionOpenMinutes.p90],
  ['resolutionWallMinutesMedian', (f) => f.resolutionWallMinutes.median],
  ['resolutionWallMinutesP90', (f) => f.resolutionWallMinutes.p90],
  ['reopened', (f) => f.reopened],
  ['moved', (f) => f.moved],
];

export const FIGURES_CSV_HEADER = [
  'from',
  'to',
  'desk',
  'client',
  'priority',
  ...FIGURE_COLUMNS.map(([n]) => n),
];

export function figuresCsv(report: SlaReport): string {
  const rows: Array<Array<string | number | null>> = [
    FIGURES_CSV_HEADER,
    ...PRIORITY_LEVELS.map((level) => [
      report.period.from,
      report.period.to,
      report.desk ?? 'all',
      report.client ?? 'all',
      level,
      ...FIGURE_COLUMNS.map(([, cell]) => cell(report.byPriority[level])),
    ]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** One cell: numbers as they are, text defused against formulas, then quoted when it must be. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) || defused !== defused.trim()
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}
