import type { DeskId } from '../domain/desk/service-desk-config';
import type { SuspendedClass } from '../domain/mail/suspension';
import type { OutboundMessage, OutboundState } from '../domain/ticket/outbound-message';
import type { AuditEvent, Ticket, TicketMessage, TicketStatus } from '../domain/ticket/ticket';
import type { HeldMessage, SuspendedMessage } from './ticket-store';

/**
 * A ticket with everything an agent reads on its page, with the unverified senders' messages held
 * for it (waiting, accepted or rejected).
 */
export type TicketView = {
  ticket: Ticket;
  messages: TicketMessage[];
  events: AuditEvent[];
  held: HeldMessage[];
  /** What we sent on the ticket (agents' replies, notifications), in no particular order. */
  outbound: OutboundMessage[];
};

/**
 * Taking the right to send one outbound message: the message is written `sending` (only if its key
 * is new) together with what it does to the ticket (on the version read), in one transaction.
 */
export type OutboundClaim = { message: OutboundMessage; ticketUpdate: TicketUpdate | null };
export type OutboundClaimResult = 'claimed' | 'exists' | 'ticket-changed' | 'no-ticket';

/** A change of an outbound message's state, only from one of `from` (and the lease holder's attempt). */
export type OutboundTransition = {
  reference: string;
  key: string;
  from: { states: readonly OutboundState[]; attemptId?: string | null };
  to: Pick<OutboundMessage, 'state' | 'updatedAt'> &
    Partial<
      Pick<OutboundMessage, 'attemptId' | 'leaseUntil' | 'messageId' | 'sentAt' | 'reason' | 'resends'>
    >;
  event: AuditEvent | null;
};

/** Written only if the ticket is still at `expectedVersion`: the optimistic lock every writer shares. */
export type TicketUpdate = { ticket: Ticket; expectedVersion: number; events: AuditEvent[] };

/**
 * "Notify once per ticket, clock, threshold and deadline": the marker is written conditionally, so
 * two watcher runs (or a retried one) cannot both notify. `attemptId` lets the winner withdraw its
 * marker when the notification itself failed, so that the next run tries again.
 */
export type SlaAlertMarker = {
  reference: string;
  clock: 'gti' | 'gtr';
  threshold: 'warning' | 'breach';
  dueAt: string;
  attemptId: string;
  at: string;
};

/**
 * What agents and the SLA watcher need from the table, next to the intake's TicketStore (same table,
 * same items). Every ticket write is conditional on the version read; a lost race is `conflict`.
 */
export interface AgentTicketStore {
  /** Tickets of these home desks in these statuses (the gsi1 queues), unsorted. */
  listTickets(
    desks: readonly DeskId[],
    statuses: readonly TicketStatus[],
  ): Promise<{ tickets: Ticket[]; truncated: boolean }>;
  getTicket(reference: string): Promise<Ticket | null>;
  getTicketView(reference: string): Promise<TicketView | null>;
  updateTicket(update: TicketUpdate): Promise<'updated' | 'conflict'>;
  getOutbound(reference: string, key: string): Promise<OutboundMessage | null>;
  claimOutbound(claim: OutboundClaim): Promise<OutboundClaimResult>;
  /** False when the message is no longer in one of `from` (someone else moved it). */
  transitionOutbound(t: OutboundTransition): Promise<boolean>;
  /** Appends an event to an existing ticket without changing it (internal notes); false when no such ticket. */
  appendEvent(event: AuditEvent): Promise<boolean>;
  /** True when this call wrote the marker: the caller notifies. */
  claimAlert(marker: SlaAlertMarker): Promise<boolean>;
  /** Withdraws a marker this attempt wrote (the notification failed), so that the next run tries again. */
  withdrawAlert(marker: SlaAlertMarker): Promise<void>;
  /**
   * One page of a desk's suspended messages, newest received first. `before` is the position (the
   * `receivedAt#id` of the last item of the previous page) the page starts after; `next` is that of
   * this page's last item when more follow, else null.
   */
  listSuspended(
    deskId: DeskId,
    page: SuspendedPage,
  ): Promise<{ items: SuspendedMessage[]; next: string | null }>;
  /** How many wait in the desk's list (of one class when given), expired ones not counted. */
  countSuspended(
    deskId: DeskId,
    filter: { suspendedClass: SuspendedClass | null; now: Date },
  ): Promise<number>;
  /**
   * "Ignorer": marks the suspended message dismissed by `by` at `at` and takes it off the lists, only
   * if it is still there (not dismissed, not converted). False when another agent got there first.
   */
  dismissSuspended(id: string, by: string, at: string): Promise<boolean>;
}

/**
 * One page of a desk's suspended list: `before` is the position (`receivedAt#id`) the page starts
 * after; only messages of `suspendedClass` when given; none expired at `now`.
 */
export type SuspendedPage = {
  limit: number;
  before: string | null;
  suspendedClass: SuspendedClass | null;
  now: Date;
};

/** What an agent asks of a desk's suspended list (GET /api/suspended): `desk` null for their desk on duty. */
export type SuspendedListQuery = {
  desk: DeskId | null;
  limit: number;
  /** The position (`receivedAt#id`) the page starts after; null for the first page. */
  before: string | null;
  suspendedClass: SuspendedClass | null;
};

/** One page with the totals; `next` is the position of the last item when older ones follow. */
export type SuspendedListPage = {
  desk: DeskId;
  suspendedClass: SuspendedClass | null;
  items: Array<SuspendedMessage & { suspendedClass: SuspendedClass }>;
  next: string | null;
  /** Messages waiting at the desk, every class, expired ones not counted. */
  total: number;
  /** Those of `suspendedClass` when the list is filtered, else null. */
  classTotal: number | null;
};
