import * as z from 'zod';
import type { AckRateEntry } from '../domain/acknowledgement-rate';
import type { ClientEntry } from '../domain/client-directory';
import { MailAddressSchema } from '../domain/inbound-email';
import { type Receipt, ReceiptSchema } from '../domain/receipt';
import type { Acknowledgement, AuditEvent, Ticket, TicketMessage } from '../domain/ticket';

/** What became of one inbound message; `duplicate` is only ever a result, never stored. */
export const StoredOutcomeSchema = z.enum([
  'ticket-created',
  'follow-up',
  'reopened',
  'suspended',
  'quarantined',
  'loop-ignored',
]);
export type StoredOutcome = z.infer<typeof StoredOutcomeSchema>;

const ChannelSchema = ReceiptSchema.shape.channel;

/**
 * Message-ID → what it became at a desk. Written once, in the same atomic step as its effect, so it is
 * both the duplicate guard (same Message-ID at the same desk = same message) and the thread index
 * (a reply's In-Reply-To/References find the ticket). Our acknowledgements' SES Message-IDs are
 * recorded too (`kind: 'acknowledgement'`).
 */
export const MessageRecordSchema = z.object({
  messageId: z.string(),
  deskId: z.string(),
  kind: z.enum(['inbound', 'acknowledgement']),
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
});
export type SuspendedMessage = z.infer<typeof SuspendedMessageSchema>;

/** A message kept aside: virus, or unparseable. `reprocess` runs it again. */
export const QuarantineRecordSchema = z.object({
  id: z.string(),
  channel: ChannelSchema,
  deliveryId: z.string(),
  reason: z.enum(['virus', 'unparseable']),
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

/** Who creates the ticket of a message at a desk: `token` is the run's commit token. */
export type TicketClaim = { deskId: string; messageId: string; token: string; now: Date };

/** Everything a new ticket commits at once, built once its reference is known. */
export type NewTicketCommit = {
  ticket: Ticket;
  message: TicketMessage;
  record: MessageRecord;
  delivery: DeliveryRecord;
  events: AuditEvent[];
  /**
   * An agent turns this suspended message into the ticket: its Message-ID record (still `suspended`)
   * is replaced instead of created, and it leaves the review list, in the same atomic step.
   */
  convertsSuspended?: { id: string; by: string };
};

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
  quarantine?: QuarantineRecord;
  /** Replace an existing quarantine record of the same delivery (a reprocess that fails again). */
  replaceQuarantine?: boolean;
};

/**
 * Move the acknowledgement from one state to another. The state change is one conditional write (it
 * decides who wins); the sender's rate history and the SES Message-ID index are written before it
 * (both harmless if the change then loses: rate entries are per ticket, the index is the truth about a
 * sent mail), the audit event after it (only the winner records one).
 */
export type AcknowledgementTransition = {
  reference: string;
  from: { state: Acknowledgement['state'] | ReadonlyArray<Acknowledgement['state']>; attemptId?: string };
  to: Acknowledgement;
  event: AuditEvent | null;
  /** The SES Message-ID of the sent acknowledgement, indexed for threading. */
  record?: MessageRecord;
  /** The sender's new rate history, written only if nobody changed it since it was read. */
  rate?: { address: string; history: AckRateEntry[]; expectedVersion: number };
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
  /** Records of these Message-IDs at any desk that point to a ticket, in the order of `messageIds`. */
  findThreadRecords(messageIds: readonly string[]): Promise<MessageRecord[]>;

  /**
   * Creates a ticket with the next reference of `year`, exactly once per message and desk: the run
   * that holds the creation claim (a lease) allocates the reference, keeps it on the claim, and
   * commits ticket, message, Message-ID record, delivery and events in one atomic step. A retry or a
   * concurrent duplicate reuses that reference or finds the commit (`duplicate`), so a reference is
   * never given twice nor burnt by a retry. `build` may be called more than once.
   */
  createTicket(
    year: number,
    build: (reference: string) => NewTicketCommit,
    claim: TicketClaim,
  ): Promise<{ status: 'created'; commit: NewTicketCommit } | Duplicate>;
  appendMessage(commit: FollowUpCommit): Promise<{ status: 'appended' } | { status: 'conflict' } | Duplicate>;
  /** A quarantine without Message-ID is a duplicate of an earlier quarantine of the same delivery. */
  recordOutcome(
    commit: OutcomeCommit,
  ): Promise<{ status: 'recorded' } | { status: 'duplicate'; record: MessageRecord | null }>;
  markAttachmentsStored(reference: string, ticketMessageId: string): Promise<void>;

  transitionAcknowledgement(transition: AcknowledgementTransition): Promise<TransitionResult>;
  /** What acknowledging this address depends on: is it suppressed (bounce, complaint), what was sent to it lately. */
  getRecipient(address: string): Promise<{
    suppressed: SuppressedAddress | null;
    rate: { history: AckRateEntry[]; version: number };
  }>;

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

  getSuppressedAddress(address: string): Promise<SuppressedAddress | null>;
  putSuppressedAddress(entry: SuppressedAddress): Promise<void>;
}

/** The client directory (on AWS it lives in the table, managed by the CLI). */
export interface ClientDirectoryStore {
  listClients(): Promise<ClientEntry[]>;
  putClient(entry: ClientEntry): Promise<void>;
}
