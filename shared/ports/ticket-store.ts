import * as z from 'zod';
import type { AckRateEntry, RateUpdate } from '../domain/acknowledgement/acknowledge-decision';
import { MailAddressSchema } from '../domain/mail/inbound-email';
import { type Receipt, ReceiptSchema } from '../domain/mail/receipt';
import type { Acknowledgement, AuditEvent, Ticket, TicketMessage } from '../domain/ticket/ticket';

/** What became of one inbound message; `duplicate` is only ever a result, never stored. */
export const StoredOutcomeSchema = z.enum([
  'ticket-created',
  'follow-up',
  'reopened',
  'suspended',
  /** An unverified sender's follow-up, held for an agent (conversation.md §1). */
  'held',
  'quarantined',
  'loop-ignored',
]);
export type StoredOutcome = z.infer<typeof StoredOutcomeSchema>;

const ChannelSchema = ReceiptSchema.shape.channel;

/**
 * Message-ID → what it became at a desk. Written once, in the same atomic step as its effect, so it is
 * both the duplicate guard (same Message-ID at the same desk = same message) and the thread index
 * (a reply's In-Reply-To/References find the ticket). The SES Message-ID of an acknowledgement is
 * indexed on its ticket and comes back from findThreadRecords as a record of `kind: 'acknowledgement'`.
 */
export const MessageRecordSchema = z.object({
  messageId: z.string(),
  deskId: z.string(),
  /** `outbound`: an agent's reply or a notification we sent (its SES id, indexed on gsi3 as OUTSES#). */
  kind: z.enum(['inbound', 'acknowledgement', 'outbound']),
  outcome: StoredOutcomeSchema,
  reference: z.string().nullable(),
  /** TicketMessage.id when the message is stored on a ticket. */
  ticketMessageId: z.string().nullable(),
  channel: ChannelSchema,
  deliveryId: z.string(),
  /** Random per intake run: tells our own lost-response retry from somebody else's duplicate. */
  commitToken: z.string(),
  at: z.string(),
});
export type MessageRecord = z.infer<typeof MessageRecordSchema>;

/**
 * One delivery (SES messageId) and what became of it, with its receipt: what operators look up, and
 * what `exo-intake reprocess` runs again (a `failed` delivery was recorded by the handler when the
 * intake threw).
 */
export const DeliveryRecordSchema = z.object({
  channel: ChannelSchema,
  deliveryId: z.string(),
  outcome: z.union([StoredOutcomeSchema, z.enum(['duplicate', 'failed'])]),
  reference: z.string().nullable(),
  deskId: z.string().nullable(),
  messageId: z.string().nullable(),
  rawKey: z.string(),
  receipt: ReceiptSchema,
  /** Why the last run failed (outcome `failed`). */
  error: z.string().nullable(),
  at: z.string(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecordSchema>;

/** A message no ticket was made from (spam, automated mail): agents review it and may turn it into one. */
export const SuspendedMessageSchema = z.object({
  id: z.string(),
  deskId: z.string(),
  messageId: z.string(),
  reason: z.string(),
  automatedClass: z.string().nullable(),
  receivedAt: z.string(),
  from: MailAddressSchema.nullable(),
  subject: z.string(),
  /** The start of the new text, for the review list; the raw mail has everything. */
  excerpt: z.string(),
  rawKey: z.string(),
  receipt: ReceiptSchema,
  suspendedAt: z.string(),
  /** A held follow-up (HeldMessage): the ticket it would have gone onto. Absent on other suspensions. */
  heldFor: z.string().optional(),
  /**
   * When it leaves the list for good (receipt + `suspendedExpiryDays`; domain/mail/suspension.ts).
   * Absent on items written before expiries existed. The item's TTL attribute is derived from it.
   */
  expiry: z.string().optional(),
  /** "Ignorer": who set it aside for good, and when (issue 13 §5). It stays until its expiry. */
  dismissedBy: z.string().optional(),
  dismissedAt: z.string().optional(),
  /** The ticket an agent made of it ("Créer un ticket"). */
  convertedTo: z.string().optional(),
});
export type SuspendedMessage = z.infer<typeof SuspendedMessageSchema>;

/**
 * conversation.md §1: an unverified sender's would-be follow-up of ticket `heldFor`. Kept with the
 * ticket (the agents see it there) and in the desk's suspended list until an agent accepts it onto
 * the ticket (then it is applied as a follow-up) or rejects it. It never changes the ticket.
 */
export const HeldMessageSchema = SuspendedMessageSchema.extend({
  heldFor: z.string(),
  status: z.enum(['held', 'accepted', 'rejected']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type HeldMessage = z.infer<typeof HeldMessageSchema>;

/** An agent accepts a held message: the follow-up commit, which also replaces its `held` record. */
export type HeldAcceptance = FollowUpCommit & { held: { id: string; by: string } };

/**
 * A message kept aside: virus, unparseable, or rejected (a store refused what the intake made of it:
 * an error no retry cures). `reprocess` runs it again.
 */
export const QuarantineRecordSchema = z.object({
  id: z.string(),
  channel: ChannelSchema,
  deliveryId: z.string(),
  reason: z.enum(['virus', 'unparseable', 'rejected']),
  errorCode: z.string().nullable(),
  error: z.string(),
  rawKey: z.string(),
  receipt: ReceiptSchema,
  quarantinedAt: z.string(),
  status: z.enum(['quarantined', 'released']),
  /** What reprocessing made of it. */
  releasedAt: z.string().nullable(),
  releasedOutcome: z.string().nullable(),
  releasedReference: z.string().nullable(),
});
export type QuarantineRecord = z.infer<typeof QuarantineRecordSchema>;

/** An address SES reported as a hard bounce or a complaint: acknowledgements skip it. */
export const SuppressedAddressSchema = z.object({
  address: z.string(),
  type: z.enum(['bounce', 'complaint']),
  detail: z.string(),
  at: z.string(),
  sesMessageId: z.string().nullable(),
});
export type SuppressedAddress = z.infer<typeof SuppressedAddressSchema>;

export type Duplicate = { status: 'duplicate'; record: MessageRecord };

/** The message a new ticket is made of, at a desk; `token` is the run's commit token. */
export type TicketCreation = { deskId: string; messageId: string; token: string };

/** Everything a new ticket commits at once, built once its reference is known. */
export type NewTicketCommit = {
  /**
   * With acknowledgement `sending` (attemptId = the commit token) when this run is to send it: the
   * lease is taken in the same atomic step, with `rate`.
   */
  ticket: Ticket;
  message: TicketMessage;
  record: MessageRecord;
  /** What operators see of the delivery; kept on the Message-ID record, not as an item of its own. */
  delivery: DeliveryRecord;
  events: AuditEvent[];
  /** The sender's new rate history, written only if nobody changed it since it was read. */
  rate?: RateUpdate;
  /**
   * An agent turns this suspended message into the ticket: its Message-ID record (still `suspended`)
   * is replaced instead of created, and it leaves the review list, in the same atomic step.
   */
  convertsSuspended?: { id: string; by: string };
};

/** Why `build` is called again: the reference was taken meanwhile, or the sender's rate history changed. */
export type NewTicketRound = { rateChanged: boolean };

export type FollowUpCommit = {
  /** The ticket as it must be after the message; written only if its version is still `expectedVersion`. */
  ticket: Ticket;
  expectedVersion: number;
  message: TicketMessage;
  record: MessageRecord;
  delivery: DeliveryRecord;
  events: AuditEvent[];
};

export type OutcomeCommit = {
  /** Absent for a message without a usable Message-ID (unparseable, virus). */
  record: MessageRecord | null;
  delivery: DeliveryRecord;
  suspended?: SuspendedMessage;
  /** A held follow-up: written with the ticket it waits on (which it does not change). */
  held?: HeldMessage;
  quarantine?: QuarantineRecord;
  /** Replace an existing quarantine record of the same delivery (a reprocess that fails again). */
  replaceQuarantine?: boolean;
};

/**
 * Move the acknowledgement from one state to another: one conditional write, which decides who wins
 * and carries the audit event (only the winner records one) and, for `sent`, the SES Message-ID the
 * client's reply will thread on. The sender's rate history, when given, is written just before it
 * (harmless if the change then loses: rate entries are per ticket).
 */
export type AcknowledgementTransition = {
  reference: string;
  from: { state: Acknowledgement['state'] | ReadonlyArray<Acknowledgement['state']>; attemptId?: string };
  to: Acknowledgement;
  event: AuditEvent | null;
  /** The sender's new rate history, written only if nobody changed it since it was read. */
  rate?: RateUpdate;
};

export type TransitionResult = 'applied' | 'ticket-changed' | 'rate-changed';

/**
 * The service desk's records. Every write that has an effect is one atomic, conditional step, so
 * that the same message processed twice (sequentially or concurrently) has its effect once.
 * Adapters throw TransientError for retryable failures (throttling, timeouts), ConflictError when
 * optimistic retries are exhausted.
 */
export interface TicketStore {
  getTicket(reference: string): Promise<Ticket | null>;
  getMessage(reference: string, ticketMessageId: string): Promise<TicketMessage | null>;
  listMessages(reference: string): Promise<TicketMessage[]>;
  listAuditEvents(reference: string): Promise<AuditEvent[]>;

  /** The record of a Message-ID at a desk (the duplicate guard). */
  findMessageRecord(deskId: string, messageId: string): Promise<MessageRecord | null>;
  /** The records of a Message-ID at every desk (a follow-up's record is kept under its ticket's desk). */
  findMessageRecords(messageId: string): Promise<MessageRecord[]>;
  /** Records of these Message-IDs at any desk that point to a ticket, in the order of `messageIds`. */
  findThreadRecords(messageIds: readonly string[]): Promise<MessageRecord[]>;

  /**
   * Creates a ticket with the next reference of `year`, exactly once per message and desk: the
   * reference, the Message-ID record (the duplicate guard), ticket, message and rate history are one
   * atomic, conditional step, so a reference is never given twice and never skipped, even by a run
   * that dies. A concurrent duplicate finds the commit (`duplicate`); this run's own commit whose
   * response was lost is recognised by its token (`created`). `build` is called again when the
   * reference was taken meanwhile or the rate history changed.
   */
  createTicket(
    year: number,
    build: (reference: string, round: NewTicketRound) => NewTicketCommit | Promise<NewTicketCommit>,
    creation: TicketCreation,
  ): Promise<{ status: 'created'; commit: NewTicketCommit } | Duplicate>;
  appendMessage(commit: FollowUpCommit): Promise<{ status: 'appended' } | { status: 'conflict' } | Duplicate>;
  /** A quarantine without Message-ID is a duplicate of an earlier quarantine of the same delivery. */
  recordOutcome(
    commit: OutcomeCommit,
  ): Promise<{ status: 'recorded' } | { status: 'duplicate'; record: MessageRecord | null }>;
  /** For a message whose attachments could not all be stored before its commit (a later run did). */
  markAttachmentsStored(reference: string, ticketMessageId: string): Promise<void>;

  transitionAcknowledgement(transition: AcknowledgementTransition): Promise<TransitionResult>;
  /** What acknowledging this address depends on: is it suppressed (bounce, complaint), what was sent to it lately. */
  getRecipient(address: string): Promise<{
    suppressed: SuppressedAddress | null;
    rate: { history: AckRateEntry[]; version: number };
  }>;

  /**
   * Counts `reference` against its desk's acknowledgements of one clock hour (`hour`, e.g.
   * `2026-11-30T06`), at most `cap` per desk and hour; the same reference counts once however often
   * it asks. False when the desk is at its cap.
   */
  claimDeskAcknowledgement(slot: {
    deskId: string;
    hour: string;
    reference: string;
    cap: number;
  }): Promise<boolean>;

  getDelivery(channel: Receipt['channel'], deliveryId: string): Promise<DeliveryRecord | null>;
  putDelivery(delivery: DeliveryRecord): Promise<void>;
  getQuarantine(channel: Receipt['channel'], deliveryId: string): Promise<QuarantineRecord | null>;
  listQuarantine(limit: number): Promise<QuarantineRecord[]>;
  releaseQuarantine(
    channel: Receipt['channel'],
    deliveryId: string,
    release: { at: string; outcome: string; reference: string | null },
  ): Promise<void>;
  getSuspended(id: string): Promise<SuspendedMessage | null>;

  getHeld(reference: string, id: string): Promise<HeldMessage | null>;
  /**
   * One atomic step: the ticket (only if still at `expectedVersion`), the message, the Message-ID
   * record replaced (only from `held`) and the held message marked accepted (only if still `held`).
   * `decided`: another agent accepted or rejected it first.
   */
  acceptHeld(commit: HeldAcceptance): Promise<'accepted' | 'conflict' | 'decided'>;
  /** Marks the held message rejected, only if still `held`; false when another agent decided first. */
  rejectHeld(reference: string, id: string, by: string, at: string): Promise<boolean>;

  getSuppressedAddress(address: string): Promise<SuppressedAddress | null>;
  putSuppressedAddress(entry: SuppressedAddress): Promise<void>;
  /**
   * A bounce or complaint of a reply or notification we sent (by SES's bare message id): marks that
   * message on its ticket. Null when none of our outbound messages has that id.
   */
  markOutboundFeedback(
    sesId: string,
    feedback: { state: 'bounced' | 'complained'; reason: string; at: string },
  ): Promise<{ reference: string; key: string } | null>;
}
