import type { ClientEntry } from '../domain/desk/client-directory';
import { deskById, type ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { staffedCalendar } from '../domain/sla/calendar';
import { formatDeadline } from '../domain/sla/deadline-format';
import { type DutyAssignment, deskOnDuty } from '../domain/sla/follow-the-sun';
import { type ClockView, IMMINENT_OPEN_MINUTES, isOpen, ticketSla } from '../domain/sla/sla-status';
import type { AuditEvent, Ticket } from '../domain/ticket/ticket';
import { agentEvent } from '../domain/ticket/ticket-actions';
import { workOf } from '../domain/ticket/ticket-work';
import type { AgentTicketStore, SlaAlertMarker } from '../ports/agent-ticket-store';
import type { Clock } from '../ports/clock';
import type { Notifier, SlaNotification } from '../ports/notifier';
import { OPEN_STATUSES } from './agent-queue';

export type WatchSlaDeps = {
  config: ServiceDeskConfig;
  clock: Clock;
  store: AgentTicketStore;
  notifier: Notifier;
  /** The client directory: a client's home desk decides follow the sun. */
  clients: () => Promise<readonly ClientEntry[]>;
  newId: () => string;
  /** Problems that must not stop the round (one ticket's failure is not every ticket's). */
  onError?: (reference: string, error: unknown) => void;
  concurrency?: number;
  maxAttempts?: number;
};

export type WatchSlaResult = {
  scanned: number;
  warnings: number;
  breaches: number;
  /** Breaches newly marked on tickets (a breach is marked once, notified once). */
  breachesMarked: number;
  /** Premium tickets moved to the desk on duty (follow the sun). */
  escalations: number;
  notificationFailures: number;
  errors: number;
  truncated: boolean;
};

const WATCHER = 'sla-watcher';

/**
 * One round of the SLA watcher (every 5 minutes on AWS, an interval locally), over every open ticket:
 * 1. follow the sun: a ticket still waiting for its first contact whose desk on duty has closed
 *    moves to the desk now on duty (premium: the first staffed desk), with an audit event;
 * 2. a deadline 15 open minutes away warns the desk on duty; a passed one is marked on the ticket
 *    and notified. Each (ticket, clock, threshold, deadline) is notified once: a conditional marker.
 * Safe to run twice at once or again after a crash: every write is conditional.
 */
export async function watchSla(deps: WatchSlaDeps): Promise<WatchSlaResult> {
  const now = deps.clock.now();
  const { tickets, truncated } = await deps.store.listTickets(
    deps.config.desks.map((d) => d.id),
    OPEN_STATUSES,
  );
  const clients = await deps.clients();
  const result: WatchSlaResult = {
    scanned: tickets.length,
    warnings: 0,
    breaches: 0,
    breachesMarked: 0,
    escalations: 0,
    notificationFailures: 0,
    errors: 0,
    truncated,
  };
  const queue = [...tickets];
  const workers = Array.from({ length: Math.min(deps.concurrency ?? 8, queue.length) }, async () => {
    for (let ticket = queue.shift(); ticket; ticket = queue.shift()) {
      try {
        await watchTicket(ticket, now, clients, deps, result);
      } catch (err) {
        result.errors++;
        deps.onError?.(ticket.reference, err);
      }
    }
  });
  await Promise.all(workers);
  return result;
}

async function watchTicket(
  initial: Ticket,
  now: Date,
  clients: readonly ClientEntry[],
  deps: WatchSlaDeps,
  result: WatchSlaResult,
): Promise<void> {
  let ticket = initial;
  const moved = await followTheSun(ticket, now, clients, deps);
  if (moved) {
    result.escalations++;
    ticket = moved;
  }
  const sla = ticketSla(ticket, now, deps.config);
  const work = workOf(ticket);
  const clocks: Array<['gti' | 'gtr', ClockView]> = [];
  // Stryker disable next-line ConditionalExpression: a GTI stopped by the first contact has no remaining minutes and is skipped below anyway
  if (!work.firstContact) clocks.push(['gti', sla.gti]);
  if (!work.pause) clocks.push(['gtr', sla.gtr]);
  for (const [clock, view] of clocks) {
    if (view.remainingOpenMinutes === null) continue;
    if (view.remainingOpenMinutes <= 0) {
      const marked = await markBreach(ticket, clock, view.dueAt, now, deps);
      if (marked) {
        result.breachesMarked++;
        ticket = marked;
      }
      if (await alert(ticket, clock, 'breach', view.dueAt, now, clients, deps, result)) result.breaches++;
    } else if (view.remainingOpenMinutes <= IMMINENT_OPEN_MINUTES) {
      if (await alert(ticket, clock, 'warning', view.dueAt, now, clients, deps, result)) result.warnings++;
    }
  }
}

/** The home desk of a ticket: its client's, else the desk it was addressed to. */
function homeDeskOf(ticket: Ticket, clients: readonly ClientEntry[], config: ServiceDeskConfig): string {
  const entry = ticket.client.clientId
    ? clients.find((c) => c.clientId === ticket.client.clientId)
    : undefined;
  return entry && deskById(config, entry.homeDesk) ? entry.homeDesk : ticket.desk;
}

function staffedNow(deskId: string, now: Date, config: ServiceDeskConfig): boolean {
  const desk = deskById(config, deskId);
  return desk !== undefined && staffedCalendar(desk).isOpen(now);
}

/** Who answers for this ticket now: the desk holding it while staffed, else follow the sun. */
function dutyNow(
  ticket: Ticket,
  now: Date,
  clients: readonly ClientEntry[],
  config: ServiceDeskConfig,
): DutyAssignment {
  if (staffedNow(ticket.deskOnDuty.deskId, now, config))
    return { deskId: ticket.deskOnDuty.deskId, onCall: false };
  return deskOnDuty(now, homeDeskOf(ticket, clients, config), ticket.contract, config);
}

/**
 * A ticket waiting for its first contact leaves a desk that has closed for the desk on duty; it does
 * not bounce between two staffed desks. Its claim goes with the closed desk's shift.
 */
async function followTheSun(
  ticket: Ticket,
  now: Date,
  clients: readonly ClientEntry[],
  deps: WatchSlaDeps,
): Promise<Ticket | null> {
  return mutate(ticket, deps, (current) => {
    if (!isOpen(current) || workOf(current).firstContact) return null;
    if (staffedNow(current.deskOnDuty.deskId, now, deps.config)) return null;
    const duty = deskOnDuty(now, homeDeskOf(current, clients, deps.config), current.contract, deps.config);
    if (duty.deskId === current.deskOnDuty.deskId) return null;
    const work = workOf(current);
    return {
      ticket: {
        ...current,
        deskOnDuty: duty,
        work: { ...work, assignee: null },
        updatedAt: now.toISOString(),
        version: current.version + 1,
      },
      events: [
        agentEvent(current.reference, 'desk-on-duty-changed', now, WATCHER, {
          from: current.deskOnDuty.deskId,
          to: duty.deskId,
          onCall: duty.onCall,
          reason: `desk ${current.deskOnDuty.deskId} closed before the first contact`,
          previousAssignee: work.assignee?.agentId ?? null,
        }),
      ],
    };
  });
}

async function markBreach(
  ticket: Ticket,
  clock: 'gti' | 'gtr',
  dueAt: string,
  now: Date,
  deps: WatchSlaDeps,
): Promise<Ticket | null> {
  const reference = ticket.reference;
  return mutate(ticket, deps, (current) => {
    const work = workOf(current);
    const currentDue = clock === 'gti' ? current.gtiDueAt : current.gtrDueAt;
    // Re-targeted or already marked meanwhile: nothing to mark against this deadline.
    if (currentDue !== dueAt || work.breaches[clock]?.dueAt === dueAt || !isOpen(current)) return null;
    return {
      ticket: {
        ...current,
        work: { ...work, breaches: { ...work.breaches, [clock]: { dueAt, notedAt: now.toISOString() } } },
        updatedAt: now.toISOString(),
        version: current.version + 1,
      },
      events: [agentEvent(reference, 'sla-breached', now, WATCHER, { clock, dueAt })],
    };
  });
}

/**
 * Decide on the ticket as listed, write on its version; on a lost race read it again and decide again.
 * Null when there is nothing to do (most tickets, most rounds: no extra read).
 */
async function mutate(
  listed: Ticket,
  deps: WatchSlaDeps,
  decide: (ticket: Ticket) => { ticket: Ticket; events: AuditEvent[] } | null,
): Promise<Ticket | null> {
  const reference = listed.reference;
  for (let attempt = 1; attempt <= (deps.maxAttempts ?? 3); attempt++) {
    const current = attempt === 1 ? listed : await deps.store.getTicket(reference);
    if (!current) return null;
    const change = decide(current);
    if (!change) return null;
    const written = await deps.store.updateTicket({ ...change, expectedVersion: current.version });
    if (written === 'updated') return change.ticket;
  }
  throw new Error(`ticket ${reference} kept changing during the SLA round; the next round tries again`);
}

async function alert(
  ticket: Ticket,
  clock: 'gti' | 'gtr',
  threshold: 'warning' | 'breach',
  dueAt: string,
  now: Date,
  clients: readonly ClientEntry[],
  deps: WatchSlaDeps,
  result: WatchSlaResult,
): Promise<boolean> {
  const marker: SlaAlertMarker = {
    reference: ticket.reference,
    clock,
    threshold,
    dueAt,
    attemptId: deps.newId(),
    at: now.toISOString(),
  };
  if (!(await deps.store.claimAlert(marker))) return false;
  const duty = dutyNow(ticket, now, clients, deps.config);
  const notification = slaNotification(ticket, clock, threshold, dueAt, duty, deps.config);
  try {
    await deps.notifier.notify(notification);
  } catch (err) {
    result.notificationFailures++;
    // Give the marker back: the next round (5 minutes later) notifies again.
    await deps.store.withdrawAlert(marker);
    deps.onError?.(ticket.reference, err);
    return false;
  }
  if (threshold === 'warning') {
    await deps.store.appendEvent(
      agentEvent(ticket.reference, 'sla-warning', now, WATCHER, {
        clock,
        dueAt,
        notified: duty.deskId,
        onCall: duty.onCall,
      }),
    );
  }
  return true;
}

const CLOCK_LABEL = { gti: 'GTI (prise en charge)', gtr: 'GTR (résolution)' } as const;

function slaNotification(
  ticket: Ticket,
  clock: 'gti' | 'gtr',
  threshold: 'warning' | 'breach',
  dueAt: string,
  duty: DutyAssignment,
  config: ServiceDeskConfig,
): SlaNotification {
  const desk = deskById(config, duty.deskId) ?? deskById(config, ticket.desk);
  const dueAtLocal = desk ? formatDeadline(new Date(dueAt), desk, 'fr') : dueAt;
  const what =
    threshold === 'warning'
      ? `${CLOCK_LABEL[clock]} dans moins de ${IMMINENT_OPEN_MINUTES} minutes`
      : `${CLOCK_LABEL[clock]} DÉPASSÉE`;
  const who = duty.onCall ? ' — astreinte' : '';
  return {
    deskId: duty.deskId,
    onCall: duty.onCall,
    reference: ticket.reference,
    clock,
    threshold,
    priority: ticket.priority.level,
    subject: ticket.subject,
    dueAt,
    dueAtLocal,
    text: `[${ticket.reference}] ${what}${who} — priorité ${ticket.priority.level} — « ${ticket.subject} » — échéance ${dueAtLocal}`,
  };
}
