import { PRIORITY_LEVELS, type PriorityLevel, type ServiceDeskConfig } from '../desk/service-desk-config';
import { type ReportTicket, round, type TicketOutcome, ticketOutcome } from './ticket-outcome';

/** The tickets a report covers: received in [from, to), of one desk or all, of one client or all. */
export type ReportScope = {
  from: Date;
  to: Date;
  /** null: every desk. */
  desk: string | null;
  /** A client id of the directory; null: every client (unknown senders included). */
  client: string | null;
};

export type Distribution = { median: number | null; p90: number | null };

export type PriorityFigures = {
  received: number;
  gtiMet: number;
  gtiBreached: number;
  gtrMet: number;
  gtrBreached: number;
  /** met / (met + breached): running clocks are left out; null when no clock is decided yet. */
  gtiMetRatio: number | null;
  gtrMetRatio: number | null;
  firstContactOpenMinutes: Distribution;
  resolutionOpenMinutes: Distribution;
  firstContactWallMinutes: Distribution;
  resolutionWallMinutes: Distribution;
  /** Clocks not decided yet (deadline ahead, or paused before it). */
  gtiRunning: number;
  gtrRunning: number;
  /** Tickets reopened at least once (each counted once in `received`). */
  reopened: number;
  /** Tickets handled by another desk than the one that received them. */
  moved: number;
};

export type Breach = {
  reference: string;
  desk: string;
  client: string | null;
  priority: PriorityLevel;
  clock: 'gti' | 'gtr';
  dueAt: string;
  /** When the clock stopped; null while the ticket still runs past its deadline (the overrun grows). */
  stoppedAt: string | null;
  overrunOpenMinutes: number;
  overrunWallMinutes: number;
};

/** Age buckets of the open backlog, in wall days since receipt: [fromDays, toDays). */
const BACKLOG_AGES = [
  { label: '< 1 j', fromDays: 0, toDays: 1 },
  { label: '1–3 j', fromDays: 1, toDays: 3 },
  { label: '3–7 j', fromDays: 3, toDays: 7 },
  { label: '7–30 j', fromDays: 7, toDays: 30 },
  { label: '≥ 30 j', fromDays: 30, toDays: null },
] as const;

export type SlaReport = {
  period: { from: string; to: string };
  desk: string | null;
  client: string | null;
  /** The instant the running clocks were judged at. */
  at: string;
  byPriority: Record<PriorityLevel, PriorityFigures>;
  /** Every missed deadline, the largest overrun (open time) first. */
  breaches: Breach[];
  followTheSun: { moved: number; tickets: Array<{ reference: string; from: string; to: string }> };
  reopened: Array<{ reference: string; reopenedAt: string[] }>;
  /** The report's tickets still open at `at`, by age. */
  backlog: {
    open: number;
    byAge: Array<{ label: string; fromDays: number; toDays: number | null; count: number }>;
  };
};

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Whether a ticket is in the scope: its receipt in the period (a ticket belongs to the period of its receipt). */
function inScope(ticket: ReportTicket, scope: ReportScope): boolean {
  const received = Date.parse(ticket.receivedAt);
  return (
    received >= scope.from.getTime() &&
    received < scope.to.getTime() &&
    (scope.desk === null || ticket.desk === scope.desk) &&
    (scope.client === null || ticket.client.clientId === scope.client)
  );
}

/**
 * The outcome of every ticket in the scope, oldest receipt first; a ticket read twice (a store page
 * boundary, a retried read) is counted once.
 */
export function reportOutcomes(
  tickets: readonly ReportTicket[],
  scope: ReportScope,
  now: Date,
  config: ServiceDeskConfig,
): TicketOutcome[] {
  const byReference = new Map<string, ReportTicket>();
  for (const ticket of tickets) if (inScope(ticket, scope)) byReference.set(ticket.reference, ticket);
  return [...byReference.values()]
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.reference.localeCompare(b.reference))
    .map((ticket) => ticketOutcome(ticket, now, config));
}

/** The SLA figures of the tickets in the scope, as they stand at `now` (docs/reports.md). */
export function slaReport(
  tickets: readonly ReportTicket[],
  scope: ReportScope,
  now: Date,
  config: ServiceDeskConfig,
): SlaReport {
  return summarise(reportOutcomes(tickets, scope, now, config), scope, now);
}

/** The figures of outcomes already computed (the CSV export and the report share them). */
export function summarise(outcomes: readonly TicketOutcome[], scope: ReportScope, now: Date): SlaReport {
  const byPriority = Object.fromEntries(
    PRIORITY_LEVELS.map((level) => [level, figures(outcomes.filter((o) => o.priority === level))]),
  ) as Record<PriorityLevel, PriorityFigures>;

  const breaches: Breach[] = [];
  for (const o of outcomes) {
    for (const clock of ['gti', 'gtr'] as const) {
      const overrun = o[clock].overrun;
      if (!overrun) continue;
      breaches.push({
        reference: o.reference,
        desk: o.desk,
        client: o.clientId,
        priority: o.priority,
        clock,
        dueAt: o[clock].dueAt,
        stoppedAt: overrun.stoppedAt,
        overrunOpenMinutes: overrun.openMinutes,
        overrunWallMinutes: overrun.wallMinutes,
      });
    }
  }
  breaches.sort(
    (a, b) =>
      b.overrunOpenMinutes - a.overrunOpenMinutes ||
      a.reference.localeCompare(b.reference) ||
      a.clock.localeCompare(b.clock),
  );

  const moved = outcomes.filter((o) => o.movedTo !== null);
  const open = outcomes.filter((o) => o.open);
  const ageDays = (o: TicketOutcome) => (now.getTime() - Date.parse(o.receivedAt)) / MS_PER_DAY;
  return {
    period: { from: scope.from.toISOString(), to: scope.to.toISOString() },
    desk: scope.desk,
    client: scope.client,
    at: now.toISOString(),
    byPriority,
    breaches,
    followTheSun: {
      moved: moved.length,
      tickets: moved.map((o) => ({ reference: o.reference, from: o.desk, to: o.movedTo ?? o.desk })),
    },
    reopened: outcomes
      .filter((o) => o.reopenedAt.length > 0)
      .map((o) => ({ reference: o.reference, reopenedAt: o.reopenedAt })),
    backlog: {
      open: open.length,
      byAge: BACKLOG_AGES.map((bucket) => ({
        ...bucket,
        count: open.filter((o) => {
          const age = ageDays(o);
          return age >= bucket.fromDays && (bucket.toDays === null || age < bucket.toDays);
        }).length,
      })),
    },
  };
}

function figures(outcomes: readonly TicketOutcome[]): PriorityFigures {
  const count = (clock: 'gti' | 'gtr', outcome: 'met' | 'breached' | 'running') =>
    outcomes.filter((o) => o[clock].outcome === outcome).length;
  const gtiMet = count('gti', 'met');
  const gtiBreached = count('gti', 'breached');
  const gtrMet = count('gtr', 'met');
  const gtrBreached = count('gtr', 'breached');
  const values = (pick: (o: TicketOutcome) => number | null) =>
    outcomes.map(pick).filter((v): v is number => v !== null);
  return {
    received: outcomes.length,
    gtiMet,
    gtiBreached,
    gtrMet,
    gtrBreached,
    gtiMetRatio: ratio(gtiMet, gtiBreached),
    gtrMetRatio: ratio(gtrMet, gtrBreached),
    firstContactOpenMinutes: distribution(values((o) => o.gti.openMinutes)),
    resolutionOpenMinutes: distribution(values((o) => o.gtr.openMinutes)),
    firstContactWallMinutes: distribution(values((o) => o.gti.wallMinutes)),
    resolutionWallMinutes: distribution(values((o) => o.gtr.wallMinutes)),
    gtiRunning: count('gti', 'running'),
    gtrRunning: count('gtr', 'running'),
    reopened: outcomes.filter((o) => o.reopenedAt.length > 0).length,
    moved: outcomes.filter((o) => o.movedTo !== null).length,
  };
}

/** met / decided, to 4 decimals (a percentage to 2); null when nothing is decided. */
export function ratio(met: number, breached: number): number | null {
  const decided = met + breached;
  return decided === 0 ? null : Math.round((met / decided) * 10_000) / 10_000;
}

/**
 * Median and 90th percentile by nearest rank: the value of an actual ticket (the ⌈p·n⌉-th smallest),
 * never an interpolation between two tickets. null when there is no value.
 */
export function distribution(values: readonly number[]): Distribution {
  // Stryker disable next-line ConditionalExpression: an early exit only, with no value rank() finds none and gives null too
  if (values.length === 0) return { median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
  const median = rank(0.5);
  const p90 = rank(0.9);
  return { median: median === null ? null : round(median), p90: p90 === null ? null : round(p90) };
}
