import type { InboundEmail } from '../domain/mail/inbound-email';
import type { Receipt } from '../domain/mail/receipt';
import type { ClientReply } from '../domain/ticket/client-reply';
import {
  type Acknowledgement,
  type AuditEvent,
  type AuditEventType,
  type MessageKind,
  mayFollowUpByReference,
  mergeParticipants,
  type StoredAttachment,
  storedFacts,
  type Ticket,
  type TicketMessage,
} from '../domain/ticket/ticket';
import { readPriorityAnswer } from '../domain/triage/priority-answer';
import { declaredInReply } from '../domain/triage/priority-declared';
import { MAX_ANALYSED_CHARS } from '../domain/triage/priority-facts';
import { attachmentsSkipped, type ParsedMessage } from '../ports/mail-parser';
import type { DeliveryRecord, MessageRecord, StoredOutcome } from '../ports/ticket-store';
import type { TriageResult } from './triage-email';

/**
 * A DynamoDB item holds 400 KB: bodies are cut to these UTF-8 sizes (the raw mail keeps them whole),
 * lists to these lengths.
 */
const MAX_TEXT_BYTES = 96 * 1024;
const MAX_NEW_TEXT_BYTES = 32 * 1024;
const MAX_HTML_BYTES = 160 * 1024;
const MAX_LIST = 50;
const MAX_WARNINGS = 20;
const MAX_WARNING_CHARS = 500;
const MAX_EXCERPT_CHARS = 500;
/** Attachments listed on a ticket message; the raw message keeps the others (a warning says so). */
export const MAX_ATTACHMENTS = 100;
/**
 * What a ticket message item may weigh, measured as its JSON (which counts every attribute name and
 * escapes more than DynamoDB does): 50 KB of margin under DynamoDB's 400 KB for keys and index
 * attributes. The parser bounds each field (subject, names, ids, attachment metadata); the bodies
 * take what is left.
 */
export const MESSAGE_ITEM_BUDGET_BYTES = 350 * 1024;

/** Everything one intake run knows about the message, shared by the builders below. */
export type IntakeContext = {
  receipt: Receipt;
  parsed: ParsedMessage;
  /** The bytes `parsed` came from: a large message's attachment bodies are streamed from them. */
  raw: Uint8Array;
  triage: TriageResult;
  rawKey: string;
  commitToken: string;
  now: Date;
  ourAddresses: readonly string[];
  /** Where an attachment of this message is stored (content-addressed under its desk). */
  attachmentKey: (sha256: string, filename: string) => string;
};

function ticketMessageId(receipt: Pick<Receipt, 'receivedAt' | 'channel' | 'deliveryId'>): string {
  return `${new Date(receipt.receivedAt).toISOString()}#${receipt.channel}-${receipt.deliveryId}`;
}

export type NewTicketFacts = {
  acknowledgement: Pick<Acknowledgement, 'state' | 'reason'>;
  machineAlert: boolean;
  linkedTo: string | null;
  mentionedReference: string | null;
};

export function buildTicket(reference: string, ctx: IntakeContext, facts: NewTicketFacts): Ticket {
  const { triage, parsed, receipt } = ctx;
  const email = parsed.email;
  const now = ctx.now.toISOString();
  const requester = triage.requester
    ? { ...triage.requester, address: triage.requester.address.toLowerCase() }
    : null;
  return {
    reference,
    desk: triage.desk.deskId,
    deskOnDuty: { deskId: triage.duty.deskId, onCall: triage.duty.onCall },
    client: {
      clientId: triage.client.clientId,
      name: triage.client.name,
      matchedBy: triage.client.matchedBy,
    },
    contract: triage.contract,
    requester,
    participants: mergeParticipants([], participantsOf(email), ctx.ourAddresses),
    subject: email.subject,
    language: email.language,
    priority: {
      level: triage.priority.level,
      source: triage.priority.source,
      evidence: triage.priority.evidence.slice(0, MAX_LIST),
      inferredLevel: triage.priority.inferredLevel,
      confidence: triage.priority.confidence,
      uncertain: triage.priority.uncertain,
      facts: storedFacts(triage.priority.facts),
    },
    status: 'nouveau',
    receivedAt: new Date(receipt.receivedAt).toISOString(),
    gtiDueAt: triage.deadlines.gtiDueAt.toISOString(),
    gtrDueAt: triage.deadlines.gtrDueAt.toISOString(),
    flags: {
      unknownClient: triage.client.unknownClient,
      unverifiedSender: triage.sender.trust === 'unverified',
      senderNotChecked: triage.sender.trust === 'not-checked',
      priorityDisagreement: triage.priority.disagreement,
      attachmentsSkipped: attachmentsSkipped(parsed),
    },
    acknowledgement: {
      state: facts.acknowledgement.state,
      reason: facts.acknowledgement.reason,
      sesMessageId: null,
      attemptId: null,
      leaseUntil: null,
      updatedAt: now,
    },
    machineAlert: facts.machineAlert,
    linkedTo: facts.linkedTo,
    mentionedReference: facts.mentionedReference,
    resolvedAt: null,
    createdAt: now,
    updatedAt: now,
    messageCount: 1,
    version: 1,
  };
}

/** The ticket after a follow-up: participants and flags grow; status only changes on a reopening. */
export function ticketAfterMessage(ticket: Ticket, ctx: IntakeContext, kind: MessageKind): Ticket {
  const { parsed } = ctx;
  return {
    ...ticket,
    participants:
      kind === 'automated'
        ? ticket.participants
        : mergeParticipants(ticket.participants, participantsOf(parsed.email), ctx.ourAddresses),
    status: kind === 'reopening' ? 'en cours' : ticket.status,
    resolvedAt: kind === 'reopening' ? null : ticket.resolvedAt,
    ...(kind === 'reopening' ? { reopenedAt: [...(ticket.reopenedAt ?? []), ctx.now.toISOString()] } : {}),
    flags: {
      ...ticket.flags,
      attachmentsSkipped: ticket.flags.attachmentsSkipped || attachmentsSkipped(parsed),
    },
    updatedAt: ctx.now.toISOString(),
    messageCount: ticket.messageCount + 1,
    version: ticket.version + 1,
  };
}

/**
 * What a message stored on `ticket` (as read before it) says as the client's reply: who wrote, if
 * they may write into it (an unverified sender proves nothing; the intake holds its follow-ups, and
 * one an agent accepted comes here as verified), and the level it declares.
 */
export function clientReplyOf(ticket: Ticket, ctx: IntakeContext, kind: MessageKind): ClientReply {
  const { parsed, triage } = ctx;
  const sender = triage.sender.trust === 'unverified' ? null : (parsed.email.from?.address ?? null);
  const allowed = sender !== null && mayFollowUpByReference(ticket, sender, triage.client.clientId);
  return {
    kind,
    allowedSender: allowed ? sender.toLowerCase() : null,
    declaration:
      kind === 'automated'
        ? null
        : declaredInReply(
            { subject: parsed.email.subject, newText: parsed.email.newText.slice(0, MAX_ANALYSED_CHARS) },
            ticket.subject,
          ),
    // A plain answer to the acknowledgement's questions (issue 11): only on a level still to confirm.
    answer:
      kind === 'automated'
        ? null
        : readPriorityAnswer(
            parsed.email.newText.slice(0, MAX_ANALYSED_CHARS),
            ticket.priority.uncertain ?? [],
          ),
  };
}

/** The message's attachments and where their bodies go: known before the ticket (and its reference). */
export function attachmentsOf(ctx: IntakeContext): StoredAttachment[] {
  return ctx.parsed.email.attachments.slice(0, MAX_ATTACHMENTS).map((meta) => ({
    ...meta,
    key: ctx.attachmentKey(meta.sha256, meta.filename),
  }));
}

/** `attachmentsStored`: the bodies were written before the commit (store-attachments.ts). */
export function buildMessage(
  reference: string,
  ctx: IntakeContext,
  kind: MessageKind,
  attachmentsStored: boolean,
): TicketMessage {
  const { parsed, receipt, triage } = ctx;
  const email = parsed.email;
  const text = cutUtf8(email.text, MAX_TEXT_BYTES);
  const newText = cutUtf8(email.newText, MAX_NEW_TEXT_BYTES);
  const html = email.html === null ? null : cutUtf8(email.html, MAX_HTML_BYTES);
  const attachments = attachmentsOf(ctx);
  const warnings = [...email.warnings];
  if (email.attachments.length > MAX_ATTACHMENTS) {
    warnings.unshift(
      `${email.attachments.length} attachments: only the first ${MAX_ATTACHMENTS} are kept on the ticket; the raw message has them all`,
    );
  }
  return fitItemBudget({
    id: ticketMessageId(receipt),
    reference,
    messageId: email.messageId,
    kind,
    deskId: triage.desk.deskId,
    channel: receipt.channel,
    deliveryId: receipt.deliveryId,
    receivedAt: new Date(receipt.receivedAt).toISOString(),
    from: email.from,
    replyTo: email.replyTo.slice(0, MAX_LIST),
    to: email.to.slice(0, MAX_LIST),
    cc: email.cc.slice(0, MAX_LIST),
    subject: email.subject,
    date: email.date,
    inReplyTo: email.inReplyTo.slice(0, MAX_LIST),
    references: email.references.slice(-MAX_LIST),
    text: text.value,
    newText: newText.value,
    html: html?.value ?? null,
    bodyTruncated: text.cut || newText.cut || (html?.cut ?? false),
    language: email.language,
    automated: triage.automated.class
      ? { class: triage.automated.class, reasons: triage.automated.reasons.slice(0, MAX_LIST) }
      : null,
    verdicts: receipt.verdicts,
    dmarcPolicy: receipt.dmarcPolicy,
    attachments,
    attachmentsSkipped: attachmentsSkipped(parsed),
    attachmentsStored: attachments.length === 0 || attachmentsStored,
    rawKey: ctx.rawKey,
    sizeBytes: email.sizeBytes,
    warnings: warnings.slice(0, MAX_WARNINGS).map((w) => Array.from(w).slice(0, MAX_WARNING_CHARS).join('')),
  });
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Bodies cut so that the whole item stays within MESSAGE_ITEM_BUDGET_BYTES: the new text first (it
 * is what the agent reads), then the full text, then the HTML get what the other fields leave.
 */
export function fitItemBudget(message: TicketMessage): TicketMessage {
  if (jsonBytes(message) <= MESSAGE_ITEM_BUDGET_BYTES) return message;
  let left = MESSAGE_ITEM_BUDGET_BYTES - jsonBytes({ ...message, text: '', newText: '', html: null });
  const allot = (value: string): string => {
    const size = jsonBytes(value);
    if (size <= left) {
      left -= size;
      return value;
    }
    // JSON escapes some characters: cut the raw text in proportion to what its JSON weighs.
    const keep = Math.max(0, Math.floor((left * Buffer.byteLength(value, 'utf8')) / size) - 8);
    const cut = cutUtf8(value, keep).value;
    left -= jsonBytes(cut);
    return cut;
  };
  const newText = allot(message.newText);
  const text = allot(message.text);
  const html = message.html === null ? null : allot(message.html);
  return { ...message, newText, text, html, bodyTruncated: true };
}

export function buildRecord(
  ctx: IntakeContext,
  outcome: StoredOutcome,
  at: { deskId: string; reference: string | null; ticketMessageId: string | null },
): MessageRecord {
  return {
    messageId: ctx.parsed.email.messageId,
    deskId: at.deskId,
    kind: 'inbound',
    outcome,
    reference: at.reference,
    ticketMessageId: at.ticketMessageId,
    channel: ctx.receipt.channel,
    deliveryId: ctx.receipt.deliveryId,
    commitToken: ctx.commitToken,
    at: ctx.now.toISOString(),
  };
}

export function buildDelivery(
  receipt: Receipt,
  rawKey: string,
  now: Date,
  outcome: DeliveryRecord['outcome'],
  facts: { reference: string | null; deskId: string | null; messageId: string | null },
): DeliveryRecord {
  return {
    channel: receipt.channel,
    deliveryId: receipt.deliveryId,
    outcome,
    reference: facts.reference,
    deskId: facts.deskId,
    messageId: facts.messageId,
    rawKey,
    receipt,
    error: null,
    at: now.toISOString(),
  };
}

export function auditEvent(
  reference: string,
  type: AuditEventType,
  at: Date,
  detail: AuditEvent['detail'],
): AuditEvent {
  return { reference, at: at.toISOString(), type, actor: 'intake', detail };
}

export function excerpt(email: InboundEmail): string {
  const chars = Array.from(email.newText.trim() || email.text.trim());
  return chars.length > MAX_EXCERPT_CHARS
    ? `${chars.slice(0, MAX_EXCERPT_CHARS - 1).join('')}…`
    : chars.join('');
}

function participantsOf(email: InboundEmail): string[] {
  return [email.from, ...email.replyTo, ...email.to, ...email.cc]
    .filter((a) => a !== null)
    .map((a) => a.address);
}

/** Cuts a string so that its UTF-8 encoding fits `maxBytes`, on a code point boundary. */
export function cutUtf8(value: string, maxBytes: number): { value: string; cut: boolean } {
  if (Buffer.byteLength(value, 'utf8') <= maxBytes) return { value, cut: false };
  const bytes = Buffer.from(value, 'utf8').subarray(0, maxBytes);
  // A cut inside a multi-byte sequence decodes to U+FFFD: drop that partial character.
  return { value: bytes.toString('utf8').replace(/\uFFFD$/u, ''), cut: true };
}
