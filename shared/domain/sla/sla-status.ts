import { deskById, type ServiceDeskConfig } from '../desk/service-desk-config';
import type { Ticket } from '../ticket/ticket';
import { workOf } from '../ticket/ticket-work';
import { serviceCalendar } from './calendar';
import { gtrOpenMinutes, SLA_TARGETS } from './sla';

/**
 * How close a clock is to its deadline, in open time (what the SLA counts):
 * `imminent` at 15 open minutes or less (the watcher warns then), `at-risk` under a third of the target.
 */
export type Risk = 'ok' | 'at-risk' | 'imminent' | 'breached';
export type ClockState = 'running' | 'paused' | 'met' | 'breached';

export const IMMINENT_OPEN_MINUTES = 15;
const AT_RISK_FRACTION = 1 / 3;

export type ClockView = {
  dueAt: string;
  state: ClockState;
  /** Only for a running or paused clock. */
  risk: Risk | null;
  /** Wall-clock milliseconds to the deadline (for countdowns); null once the clock has stopped or while paused. */
  remainingMs: number | null;
  /** Open minutes left (what the SLA counts); frozen while paused; 0 once breached. */
  remainingOpenMinutes: number | null;
  targetOpenMinutes: number;
};

/** The ticket's overall standing: the worst of its live clocks. */
export type TicketRisk = Risk | 'paused' | 'done';

export type TicketSla = {
  gti: ClockView;
  gtr: ClockView;
  risk: TicketRisk;
  /** The deadline that matters next (GTI while no contact, then GTR); null when none runs. */
  nextDueAt: string | null;
};

const OPEN_STATUSES = new Set<Ticket['status']>(['nouveau', 'en cours', 'en attente client']);

export function isOpen(ticket: Pick<Ticket, 'status'>): boolean {
  return OPEN_STATUSES.has(ticket.status);
}

/** What the SLA standing of a ticket depends on (reports read only these from the index). */
export type SlaFields = Pick<
  Ticket,
  | 'reference'
  | 'desk'
  | 'contract'
  | 'priority'
  | 'status'
  | 'gtiDueAt'
  | 'gtrDueAt'
  | 'resolvedAt'
  | 'updatedAt'
  | 'work'
>;

export function ticketSla(ticket: SlaFields, now: Date, config: ServiceDeskConfig): TicketSla {
  const desk = deskById(config, ticket.desk);
  if (!desk) throw new Error(`ticket ${ticket.reference} belongs to desk "${ticket.desk}", not configured`);
  const calendar = serviceCalendar(desk, ticket.contract);
  const work = workOf(ticket);
  const open = isOpen(ticket);
  const gtiTarget = SLA_TARGETS[ticket.priority.level].gtiMinutes;
  const gtrTarget = gtrOpenMinutes(ticket.priority.level, ticket.contract);

  const running = (dueAt: string, target: number): ClockView => {
    const due = new Date(dueAt);
    // Stryker disable next-line EqualityOperator: at the due instant both arms give 0 open minutes
    const left = due.getTime() > now.getTime() ? calendar.openMinutesBetween(now, due) : 0;
    return {
      dueAt,
      state: left > 0 ? 'running' : 'breached',
      risk: riskOf(left, target),
      remainingMs: due.getTime() - now.getTime(),
      remainingOpenMinutes: left,
      targetOpenMinutes: target,
    };
  };
  const stopped = (dueAt: string, target: number, met: boolean): ClockView => ({
    dueAt,
    state: met ? 'met' : 'breached',
    risk: null,
    remainingMs: null,
    remainingOpenMinutes: null,
    targetOpenMinutes: target,
  });

  let gti: ClockView;
  if (work.firstContact) gti = stopped(ticket.gtiDueAt, gtiTarget, work.firstContact.gtiMet);
  else if (open) gti = running(ticket.gtiDueAt, gtiTarget);
  else gti = stopped(ticket.gtiDueAt, gtiTarget, endedBy(ticket) <= Date.parse(ticket.gtiDueAt));

  let gtr: ClockView;
  if (!open) {
    const met = work.resolution ? work.resolution.gtrMet : endedBy(ticket) <= Date.parse(ticket.gtrDueAt);
    gtr = stopped(ticket.gtrDueAt, gtrTarget, met);
  } else if (work.pause) {
    const since = new Date(work.pause.since);
    const due = new Date(ticket.gtrDueAt);
    // A deadline already passed when the pause began stays breached (sla.ts, resumeGtr).
    // Stryker disable next-line EqualityOperator: a pause begun at the due instant leaves 0 open minutes either way
    const left = since.getTime() < due.getTime() ? calendar.openMinutesBetween(since, due) : 0;
    gtr = {
      dueAt: ticket.gtrDueAt,
      state: left > 0 ? 'paused' : 'breached',
      risk: riskOf(left, gtrTarget),
      remainingMs: null,
      remainingOpenMinutes: left,
      targetOpenMinutes: gtrTarget,
    };
  } else gtr = running(ticket.gtrDueAt, gtrTarget);

  const live = [gti, gtr].filter((c) => c.risk !== null && (c.state === 'running' || c.state === 'breached'));
  const risk: TicketRisk = !open
    ? 'done'
    : live.length > 0
      ? worst(live.map((c) => c.risk as Risk))
      : gtr.state === 'paused'
        ? 'paused'
        : gtr.risk === 'breached'
          ? 'breached'
          : 'done';
  const nextDueAt =
    gti.state === 'running' || (gti.state === 'breached' && gti.risk !== null)
      ? gti.dueAt
      : gtr.risk !== null && gtr.state !== 'paused'
        ? gtr.dueAt
        : null;
  return { gti, gtr, risk, nextDueAt };
}

function riskOf(openMinutesLeft: number, target: number): Risk {
  if (openMinutesLeft <= 0) return 'breached';
  if (openMinutesLeft <= IMMINENT_OPEN_MINUTES) return 'imminent';
  if (openMinutesLeft <= target * AT_RISK_FRACTION) return 'at-risk';
  return 'ok';
}

const RISK_ORDER: Risk[] = ['ok', 'at-risk', 'imminent', 'breached'];

function worst(risks: Risk[]): Risk {
  // Stryker disable next-line EqualityOperator: on a tie both arms are the same risk
  return risks.reduce((a, b) => (RISK_ORDER.indexOf(b) > RISK_ORDER.indexOf(a) ? b : a), 'ok');
}

/** When a closed ticket stopped its clocks (tickets resolved before agents' work was recorded). */
export function endedBy(ticket: Pick<Ticket, 'resolvedAt' | 'updatedAt'>): number {
  return Date.parse(ticket.resolvedAt ?? ticket.updatedAt);
}
