import * as z from 'zod';
import { ContractSchema, DeskIdSchema, PriorityLevelSchema } from '../desk/service-desk-config';
import {
  AttachmentMetaSchema,
  InboundEmailSchema,
  LanguageSchema,
  MailAddressSchema,
} from '../mail/inbound-email';
import { VerdictSchema } from '../mail/receipt';
import type { FactReadings } from '../triage/priority-facts';
import { TicketWorkSchema } from './ticket-work';

const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
const evidence = z.array(z.string());
export const UncertainFactSchema = z.enum(['blocked', 'workaround', 'severalUsers']);
export const StoredFactsSchema = z.object({
  blocked: z.object({ state: z.enum(['yes', 'no', 'unknown']), confidence: ConfidenceSchema, evidence }),
  workaround: z.object({
    state: z.enum(['exists', 'none', 'failed', 'not-mentioned']),
    confidence: ConfidenceSchema,
    evidence,
  }),
  severalUsers: z.object({ state: z.enum(['yes', 'no', 'unknown']), confidence: ConfidenceSchema, evidence }),
});
export type StoredFacts = z.infer<typeof StoredFactsSchema>;

/** service-desk.md: a ticket starts `nouveau`; agents move it on. `fermé` is final. */
export const TicketStatusSchema = z.enum(['nouveau', 'en cours', 'en attente client', 'résolu', 'fermé']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

const IsoInstant = z.iso.datetime({ offset: true });

/**
 * The acknowledgement's life: `pending` → `sending` (a lease: someone is calling SES) → `sent`.
 * `suppressed`: a rule said no. `failed`: SES refused it for good (nothing was sent).
 * `unconfirmed`: a sender lost its lease between "sending" and "sent"; the mail may or may not have
 * left, and the spec says at most once, so it is never sent again (an agent checks).
 */
export const AcknowledgementStateSchema = z.enum([
  'pending',
  'sending',
  'sent',
  'suppressed',
  'failed',
  'unconfirmed',
]);
export type AcknowledgementStateName = z.infer<typeof AcknowledgementStateSchema>;

export const AcknowledgementSchema = z.object({
  state: AcknowledgementStateSchema,
  reason: z.string().nullable(),
  /** `<MessageId@REGION.amazonses.com>`: what the client's reply will carry in In-Reply-To. */
  sesMessageId: z.string().nullable(),
  /** Set while `sending`: who holds the lease and until when. */
  attemptId: z.string().nullable(),
  leaseUntil: IsoInstant.nullable(),
  updatedAt: IsoInstant,
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

export const TicketFlagsSchema = z.object({
  unknownClient: z.boolean(),
  /**
   * The message that opened the ticket came from an unverified sender (conversation.md §1: DMARC
   * FAIL, or no DMARC policy and no aligned SPF/DKIM pass): `expéditeur non vérifié`, not acknowledged.
   */
  unverifiedSender: z.boolean(),
  /** No verdicts were available (local delivery): treated as verified, shown as `non contrôlé`. */
  senderNotChecked: z.boolean().optional(),
  /** Declared and inferred priority are two or more levels apart. */
  priorityDisagreement: z.boolean(),
  /** A message was over the size limit: its attachments are only in the raw mail. */
  attachmentsSkipped: z.boolean(),
  /**
   * The client asked for another level in a reply after an agent had set it: an agent decides
   * (their next priority change clears it). Absent on tickets written before it existed.
   */
  priorityChangeRequested: z.boolean().optional(),
});

export const TicketSchema = z.object({
  reference: z.string().regex(/^EXO-\d{4}-\d{6}$/),
  desk: DeskIdSchema,
  deskOnDuty: z.object({ deskId: DeskIdSchema, onCall: z.boolean() }),
  client: z.object({
    clientId: z.string().nullable(),
    name: z.string().nullable(),
    matchedBy: z.enum(['address', 'domain']).nullable(),
  }),
  contract: ContractSchema,
  /** Reply-To of the first message, else From; null only for a message that had neither. */
  requester: MailAddressSchema.nullable(),
  /** Every address that wrote on or was copied on the ticket (lower-case, our desks excluded). */
  participants: z.array(z.string()),
  subject: z.string(),
  language: LanguageSchema,
  priority: z.object({
    level: PriorityLevelSchema,
    /** `agent`: changed by an agent (the reason is in the audit trail). */
    source: z.enum(['declared', 'inferred', 'default', 'agent']),
    evidence: z.array(z.string()),
    inferredLevel: PriorityLevelSchema,
    /**
     * Issue 11: `low` when the triage left the level open (agents see "priorité à confirmer", the
     * acknowledgement asks the client). Absent on tickets written before it existed: high.
     */
    confidence: z.enum(['high', 'low']).optional(),
    /** The facts the client was asked about (triagePriority's `uncertain`). */
    uncertain: z.array(UncertainFactSchema).optional(),
    /** The three facts as read, so that a plain answer can settle the open one. */
    facts: StoredFactsSchema.optional(),
  }),
  status: TicketStatusSchema,
  receivedAt: IsoInstant,
  gtiDueAt: IsoInstant,
  gtrDueAt: IsoInstant,
  flags: TicketFlagsSchema,
  acknowledgement: AcknowledgementSchema,
  /** A monitoring alert from a known client (Auto-Submitted: auto-generated only): never acknowledged. */
  machineAlert: z.boolean(),
  /** The earlier ticket this one continues (a follow-up more than 7 days after it was resolved). */
  linkedTo: z.string().nullable(),
  /** A reference quoted by a sender who may not write into that ticket (triage.md, "Follow-ups"). */
  mentionedReference: z.string().nullable(),
  resolvedAt: IsoInstant.nullable(),
  /** When the ticket became `fermé` (the client confirmed the resolution); its portal link works 30 days more. */
  closedAt: IsoInstant.optional(),
  /**
   * The generation of the client's portal links (docs/client-portal.md): "nouveau lien" bumps it and
   * every link minted before stops working. Absent: 1.
   */
  linkGeneration: z.number().int().positive().optional(),
  /**
   * When the ticket was reopened (by an agent, or by a client's reply within 7 days), oldest first.
   * Reports count a reopened ticket once and show its reopenings. Absent on a ticket never reopened
   * (and on those reopened before it existed: their reopenings are only in the audit trail).
   */
  reopenedAt: z.array(IsoInstant).optional(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  messageCount: z.number().int().positive(),
  /** Optimistic-locking counter: every update is conditional on it. */
  version: z.number().int().positive(),
  /** Agents' and the SLA watcher's state (assignee, contact, pause, resolution): ticket-work.ts. */
  work: TicketWorkSchema.optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;

/** The level still needs confirming: an inferred level the client has not settled, no agent's choice. */
export function priorityToConfirm(ticket: Pick<Ticket, 'priority'>): boolean {
  return ticket.priority.confidence === 'low' && ticket.priority.source !== 'agent';
}

/** The facts as stored on a ticket: a few short phrases each, never a wall of the client's mail. */
export function storedFacts(readings: FactReadings): StoredFacts {
  const short = (evidence: readonly string[]) => evidence.slice(0, 3).map((e) => e.slice(0, 200));
  return {
    blocked: { ...readings.blocked, evidence: short(readings.blocked.evidence) },
    workaround: { ...readings.workaround, evidence: short(readings.workaround.evidence) },
    severalUsers: { ...readings.severalUsers, evidence: short(readings.severalUsers.evidence) },
  };
}

export const MessageKindSchema = z.enum(['initial', 'follow-up', 'reopening', 'automated']);
export type MessageKind = z.infer<typeof MessageKindSchema>;

export const StoredAttachmentSchema = AttachmentMetaSchema.extend({
  /** Object key in the attachments bucket (content-addressed under the ticket). */
  key: z.string().min(1),
});
export type StoredAttachment = z.infer<typeof StoredAttachmentSchema>;

export const VerdictsSchema = z.object({
  spam: VerdictSchema,
  virus: VerdictSchema,
  spf: VerdictSchema,
  dkim: VerdictSchema,
  dmarc: VerdictSchema,
});

/** One inbound message stored on a ticket; the raw mail stays in the raw-mail store. */
export const TicketMessageSchema = z.object({
  /** `<receivedAt>#<channel>-<deliveryId>`: unique, and sorts a ticket's messages by arrival. */
  id: z.string(),
  reference: z.string(),
  messageId: z.string(),
  kind: MessageKindSchema,
  /** The desk address it was sent to (may differ from the ticket's desk). */
  deskId: DeskIdSchema,
  channel: z.enum(['ses', 'smtp', 'cli', 'portal']),
  deliveryId: z.string(),
  receivedAt: IsoInstant,
  // The parsed message's own fields, so a change to InboundEmail cannot drift from what is stored.
  ...InboundEmailSchema.pick({
    from: true,
    replyTo: true,
    to: true,
    cc: true,
    subject: true,
    date: true,
    inReplyTo: true,
    references: true,
    /** Bodies are cut to fit a DynamoDB item; `bodyTruncated` says so and the raw mail has the rest. */
    text: true,
    newText: true,
    html: true,
    language: true,
    sizeBytes: true,
    warnings: true,
  }).shape,
  bodyTruncated: z.boolean(),
  automated: z.object({ class: z.string(), reasons: z.array(z.string()) }).nullable(),
  verdicts: VerdictsSchema,
  dmarcPolicy: z.string().nullable(),
  attachments: z.array(StoredAttachmentSchema),
  attachmentsSkipped: z.boolean(),
  /**
   * The attachment bodies are in the attachment store (written after the ticket commit). Stays false
   * when `attachmentsSkipped`: the keys say where they would be, the bodies are only in the raw mail.
   */
  attachmentsStored: z.boolean(),
  rawKey: z.string(),
});
export type TicketMessage = z.infer<typeof TicketMessageSchema>;

export const AuditEventTypeSchema = z.enum([
  'ticket-created',
  'follow-up-added',
  'automated-message-added',
  'ticket-reopened',
  'acknowledgement-sent',
  'acknowledgement-suppressed',
  'acknowledgement-failed',
  'acknowledgement-unconfirmed',
  // Agents (work-ticket use case) and the SLA watcher:
  'ticket-claimed',
  'ticket-released',
  'first-contact',
  'waiting-on-client',
  'ticket-resumed',
  'ticket-resolved',
  'priority-changed',
  /** A client's reply declared another level than the one an agent set: not applied, flagged. */
  'priority-change-requested',
  /**
   * A client answered a priority question on the portal and the level stayed (confirmed, or a question
   * still open): the portal leaves no message, so this is the agents' only trace of the answer.
   */
  'priority-answered',
  'note-added',
  /** An agent's reply to the client (outbound-message.ts), and what became of our outbound mail. */
  'reply-written',
  'outbound-sent',
  'outbound-unconfirmed',
  'outbound-rejected',
  'outbound-resent',
  'outbound-bounced',
  'desk-on-duty-changed',
  'sla-warning',
  'sla-breached',
  /** Client portal (docs/client-portal.md): "nouveau lien", and the client's "C'est résolu, merci". */
  'client-link-rotated',
  'ticket-closed',
]);
export type AuditEventType = z.infer<typeof AuditEventTypeSchema>;

export const AuditEventSchema = z.object({
  reference: z.string(),
  at: IsoInstant,
  type: AuditEventTypeSchema,
  actor: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** triage.md: resolved tickets reopen on a follow-up within this many days of resolution. */
export const REOPEN_WINDOW_DAYS = 7;

export type FollowUpDisposition = 'append' | 'reopen' | 'new-linked';

/**
 * What a person's follow-up does to ticket T: stored on it; on a resolved ticket, reopens it when it
 * arrives within 7 days of resolution, else opens a new linked ticket. A closed (`fermé`) ticket is
 * final and is never reopened *(decision, as Zendesk)*: the follow-up opens a new linked ticket.
 */
export function followUpDisposition(
  ticket: Pick<Ticket, 'status' | 'resolvedAt'>,
  receivedAt: Date,
): FollowUpDisposition {
  if (ticket.status === 'fermé') return 'new-linked';
  if (ticket.status !== 'résolu') return 'append';
  const resolvedAt = ticket.resolvedAt ? Date.parse(ticket.resolvedAt) : Number.NaN;
  if (Number.isNaN(resolvedAt)) return 'reopen';
  const windowMs = REOPEN_WINDOW_DAYS * 24 * 60 * 60 * 1000;
  return receivedAt.getTime() - resolvedAt <= windowMs ? 'reopen' : 'new-linked';
}

/**
 * Public mailbox providers: "same domain" means nothing there (two strangers on gmail.com are not the
 * same client), so a subject reference from such a domain needs the exact address.
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.fr',
  'hotmail.com',
  'hotmail.fr',
  'live.com',
  'live.fr',
  'msn.com',
  'yahoo.com',
  'yahoo.fr',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.com',
  'gmx.fr',
  'proton.me',
  'protonmail.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'bbox.fr',
  'lagoon.nc',
  'canl.nc',
  'mls.nc',
]);

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  // No "@", or nothing before it ("@client.fr" is not a mailbox): no domain to share.
  // Stryker disable next-line StringLiteral: '' means no domain and only meets a sender's domain, which is lower-cased: the mutant's capitalised text never equals one
  return at <= 0 ? '' : address.slice(at + 1).toLowerCase();
}

/**
 * triage.md, "Follow-ups" rule 2: a subject reference threads only when the sender is T's requester,
 * a participant of T, or an address of T's client (same directory entry, or same non-public domain
 * as the requester). Nobody can write into another client's ticket by quoting its reference.
 */
export function mayFollowUpByReference(
  ticket: Pick<Ticket, 'requester' | 'participants' | 'client'>,
  sender: string | null | undefined,
  senderClientId: string | null,
): boolean {
  // Stryker disable next-line StringLiteral: no sender; any text without "@" is refused on the next line
  const address = (sender ?? '').trim().toLowerCase();
  if (!address.includes('@')) return false;
  if (ticket.requester?.address.toLowerCase() === address) return true;
  if (ticket.participants.includes(address)) return true;
  if (ticket.client.clientId !== null && senderClientId === ticket.client.clientId) return true;
  const domain = domainOf(address);
  // Stryker disable next-line StringLiteral: no requester, no domain to share; a sender's domain is lower-cased and never equals the placeholder
  const requesterDomain = ticket.requester ? domainOf(ticket.requester.address) : '';
  return domain !== '' && domain === requesterDomain && !PUBLIC_MAIL_DOMAINS.has(domain);
}

/** Participants after a message: previous ones plus its From, Reply-To and Cc, our desks excluded. */
export function mergeParticipants(
  previous: readonly string[],
  addresses: ReadonlyArray<string | null | undefined>,
  ourAddresses: readonly string[],
  max = 50,
): string[] {
  const out = [...previous];
  for (const raw of addresses) {
    // Stryker disable next-line StringLiteral: a missing address; any text without "@" is skipped on the next line
    const address = (raw ?? '').trim().toLowerCase();
    if (!address.includes('@') || ourAddresses.includes(address) || out.includes(address)) continue;
    if (out.length >= max) break;
    out.push(address);
  }
  return out;
}
