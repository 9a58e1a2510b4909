import {
  intakeAcknowledgement,
  planAcknowledgement,
  type RateUpdate,
} from '../domain/acknowledgement/acknowledge-decision';
import type { ClientEntry } from '../domain/desk/client-directory';
import type { Contract, PriorityLevel, ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { ConflictError, IntakeError, RejectedError } from '../domain/errors';
import type { InboundEmail } from '../domain/mail/inbound-email';
import type { Receipt } from '../domain/mail/receipt';
import { applyClientReply } from '../domain/ticket/client-reply';
import {
  type AcknowledgementStateName,
  type AuditEventType,
  followUpDisposition,
  type MessageKind,
  mayFollowUpByReference,
  type Ticket,
  type TicketMessage,
} from '../domain/ticket/ticket';
import type { AttachmentStore } from '../ports/attachment-store';
import type { Clock } from '../ports/clock';
import { attachmentsSkipped, type MailParser, type ParsedMessage } from '../ports/mail-parser';
import type { MailSender } from '../ports/mail-sender';
import type { RawMailStore } from '../ports/raw-mail-store';
import type {
  MessageRecord,
  QuarantineRecord,
  StoredOutcome,
  SuspendedMessage,
  TicketStore,
} from '../ports/ticket-store';
import { type AcknowledgeResult, acknowledgeTicket, leasedAcknowledgement } from './acknowledge-ticket';
import type { LinkMinter } from './client-links';
import {
  attachmentsOf,
  auditEvent,
  buildDelivery,
  buildMessage,
  buildRecord,
  buildTicket,
  clientReplyOf,
  excerpt,
  type IntakeContext,
  type NewTicketFacts,
  ticketAfterMessage,
} from './intake-records';
import { putAttachments, storeAttachments } from './store-attachments';
import { triageEmail } from './triage-email';

type IntakeOutcome = StoredOutcome | 'duplicate';

/** One line for the caller's log and metrics: what became of the message. */
export type IntakeResult = {
  outcome: IntakeOutcome;
  /** For a duplicate: what the first run made of the message. */
  originalOutcome: StoredOutcome | null;
  channel: Receipt['channel'];
  deliveryId: string;
  messageId: string | null;
  deskId: string | null;
  reference: string | null;
  linkedTo: string | null;
  priority: PriorityLevel | null;
  gtiDueAt: string | null;
  gtrDueAt: string | null;
  acknowledgement: {
    state: AcknowledgementStateName;
    reason: string | null;
    sesMessageId: string | null;
  } | null;
  /** The acknowledgement state this run moved to (sent, suppressed...): count it once. */
  acknowledgementChanged: AcknowledgementStateName | null;
  /** Why a message was suspended, quarantined or ignored. */
  reason: string | null;
  attachments: number;
  attachmentsSkipped: boolean;
};

export type IntakeDependencies = {
  config: ServiceDeskConfig;
  /** The client directory (read for every message; adapters cache it). */
  clients: () => Promise<readonly ClientEntry[]>;
  parser: MailParser;
  tickets: TicketStore;
  rawMail: RawMailStore;
  attachments: AttachmentStore;
  mailSender: MailSender;
  /** Mints the portal link secret each acknowledgement carries (docs/client-portal.md). */
  mintLink: LinkMinter;
  clock: Clock;
  newId: () => string;
  sleep?: (ms: number) => Promise<void>;
  /**
   * When this run must be done, on `clock` (the Lambda's remaining time, set per invocation by the
   * handler); unset for the CLI and the SMTP listener. The acknowledgement is not sent too close to it.
   */
  deadline?: Date;
  limits: {
    /** Over this raw size, attachments are not extracted (the acknowledgement says so). */
    maxAttachmentBytes: number;
    /** Over this raw size, attachment bodies are streamed to the store, not held (the parser's default if unset). */
    streamAttachmentsOverBytes?: number;
    parseTimeoutMs?: number;
    ackLeaseMs?: number;
    ackWaitMs?: number;
    /** Time left before the deadline under which an acknowledgement is not sent (handed back). */
    ackMinSendMs?: number;
  };
};

export type IntakeOptions = {
  /** Run a quarantined or failed message again (`exo-intake reprocess`). */
  reprocess?: boolean;
  /** Overrides the directory's contract (CLI `ingest --contract`). */
  contractOverride?: Contract;
};

/** Longer than the intake Lambda's timeout (2 min): a lease never runs out under a run still alive. */
const DEFAULT_ACK_LEASE_MS = 150_000;
const DEFAULT_ACK_WAIT_MS = 10_000;
/** The SES client's connection (3 s) and request (10 s) timeouts, the outcome's write and a margin. */
const DEFAULT_ACK_MIN_SEND_MS = 20_000;
const MAX_FOLLOW_UP_ROUNDS = 10;
const MAX_THREAD_IDS = 30;

/**
 * One inbound message, from raw bytes to its effect, exactly once however often it is delivered:
 * parse → triage → follow-up? → attachments (content-addressed, before the commit) → one atomic,
 * conditional commit (ticket + reference + acknowledgement lease, follow-up, suspension or
 * quarantine) → acknowledgement (at most once). A run that meets an
 * earlier run's commit completes what that run may have left (attachments, acknowledgement).
 * Serves the Lambda, the SMTP listener and the CLI: ports only.
 */
export async function intakeEmail(
  raw: Uint8Array,
  receipt: Receipt,
  deps: IntakeDependencies,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  const rawKey = deps.rawMail.keyFor(receipt);
  // SES wrote the raw mail before invoking us; the other channels keep it here, first of all.
  if (receipt.channel !== 'ses') await deps.rawMail.put(rawKey, raw);
  const commitToken = deps.newId();

  if (receipt.verdicts.virus === 'FAIL') {
    return quarantine(receipt, rawKey, deps, options, {
      reason: 'virus',
      code: null,
      error: 'SES virus verdict FAIL',
    });
  }
  let parsed: ParsedMessage;
  try {
    parsed = await deps.parser.parse(raw, {
      maxAttachmentBytes: deps.limits.maxAttachmentBytes,
      ...(deps.limits.streamAttachmentsOverBytes
        ? { streamAttachmentsOverBytes: deps.limits.streamAttachmentsOverBytes }
        : {}),
      ...(deps.limits.parseTimeoutMs ? { timeoutMs: deps.limits.parseTimeoutMs } : {}),
    });
  } catch (err) {
    if (!(err instanceof IntakeError)) throw err;
    return quarantine(receipt, rawKey, deps, options, {
      reason: 'unparseable',
      code: err.code,
      error: err.toUserMessage(),
    });
  }
  const clients = await deps.clients();
  const triage = triageEmail(parsed.email, receipt, {
    config: deps.config,
    clients,
    ...(options.contractOverride ? { contractOverride: options.contractOverride } : {}),
  });
  const ctx: IntakeContext = {
    receipt,
    parsed,
    raw,
    triage,
    rawKey,
    commitToken,
    now: deps.clock.now(),
    ourAddresses: deps.config.desks.map((d) => d.address),
    attachmentKey: (sha256, filename) => deps.attachments.keyFor(triage.desk.deskId, sha256, filename),
  };

  let result: IntakeResult;
  try {
    result = await route(ctx, deps);
  } catch (err) {
    // No retry cures it (an item or key the table refuses): kept aside with its reason, not retried.
    if (!(err instanceof RejectedError)) throw err;
    return quarantine(receipt, rawKey, deps, options, {
      reason: 'rejected',
      code: err.code,
      error: err.toUserMessage(),
    });
  }
  if (options.reprocess && result.outcome !== 'quarantined') {
    await deps.tickets.releaseQuarantine(receipt.channel, receipt.deliveryId, {
      at: deps.clock.now().toISOString(),
      outcome: result.outcome === 'duplicate' ? (result.originalOutcome ?? 'duplicate') : result.outcome,
      reference: result.reference,
    });
  }
  return result;
}

/** triage.md, "Automated mail" and "Follow-ups", in the order the rules apply. */
async function route(ctx: IntakeContext, deps: IntakeDependencies): Promise<IntakeResult> {
  const { triage, receipt } = ctx;

  // Cheap guard before any work: the same Message-ID already handled at this desk.
  const seen = await alreadySeen(ctx, deps);
  if (seen) return resume(seen, ctx, deps);

  if (receipt.verdicts.spam === 'FAIL') return suspend(ctx, deps, 'spam: SES spam verdict FAIL');
  if (triage.automated.class === 'loop') {
    return recordOnly(ctx, deps, 'loop-ignored', `loop: ${triage.automated.reasons.join('; ')}`);
  }

  const thread = await findThread(ctx, deps);
  // conversation.md §1: an unverified sender never writes into a ticket; an agent decides.
  if (thread.ticket && triage.sender.trust === 'unverified') return hold(thread.ticket, ctx, deps);
  if (triage.automated.class !== null && !triage.automated.machineAlert) {
    if (thread.ticket) return appendToTicket(thread.ticket, true, ctx, deps);
    return suspend(
      ctx,
      deps,
      `automated (${triage.automated.class}): ${triage.automated.reasons.join('; ')}`,
    );
  }
  if (triage.automated.machineAlert) {
    if (thread.ticket) return appendToTicket(thread.ticket, true, ctx, deps);
    if (triage.client.unknownClient) {
      return suspend(ctx, deps, 'machine alert (Auto-Submitted: auto-generated) from an unknown sender');
    }
    return createTicket(ctx, deps, {
      ...newTicketAck(ctx),
      machineAlert: true,
      linkedTo: null,
      mentionedReference: thread.mentioned,
    });
  }
  if (thread.ticket) return appendToTicket(thread.ticket, false, ctx, deps);
  return createTicket(ctx, deps, {
    ...newTicketAck(ctx),
    machineAlert: false,
    linkedTo: null,
    mentionedReference: thread.mentioned,
  });
}

/**
 * The record of this Message-ID as delivered to this desk: kept under this desk, or, for a follow-up
 * sent here about another desk's ticket, under the ticket's desk (its message says where it came in).
 * Without the second look, a late redelivery of such a follow-up, once its ticket is resolved for
 * good, would open a new ticket (issue 13, item 9).
 */
async function alreadySeen(ctx: IntakeContext, deps: IntakeDependencies): Promise<MessageRecord | null> {
  const deskId = ctx.triage.desk.deskId;
  const here = await deps.tickets.findMessageRecord(deskId, ctx.parsed.email.messageId);
  if (here) return here;
  const records = await deps.tickets.findMessageRecords(ctx.parsed.email.messageId);
  for (const record of records) {
    if (record.deskId === deskId) return record;
    if (record.kind !== 'inbound' || !record.reference || !record.ticketMessageId) continue;
    if (record.outcome !== 'follow-up' && record.outcome !== 'reopened') continue;
    const message = await deps.tickets.getMessage(record.reference, record.ticketMessageId);
    if (message?.deskId === deskId) return record;
  }
  return null;
}

function newTicketAck(ctx: IntakeContext): Pick<NewTicketFacts, 'acknowledgement'> {
  const { acknowledge, requester, automated } = ctx.triage;
  return {
    acknowledgement: intakeAcknowledgement({ acknowledge, requester, machineAlert: automated.machineAlert }),
  };
}

type Thread = { ticket: Ticket | null; mentioned: string | null };

/**
 * triage.md, "Follow-ups": a stored Message-ID in In-Reply-To/References first (this desk's record
 * preferred), then a subject reference, which only threads for T's requester, participants or client.
 */
async function findThread(ctx: IntakeContext, deps: IntakeDependencies): Promise<Thread> {
  const { triage, parsed } = ctx;
  const ids = triage.followUp.messageIds
    .filter((id) => id !== parsed.email.messageId)
    .slice(0, MAX_THREAD_IDS);
  if (ids.length > 0) {
    const records = await deps.tickets.findThreadRecords(ids);
    const ordered = ids.flatMap((id) => {
      const mine = records.filter((r) => r.messageId === id);
      return [
        ...mine.filter((r) => r.deskId === triage.desk.deskId),
        ...mine.filter((r) => r.deskId !== triage.desk.deskId),
      ];
    });
    for (const record of ordered) {
      const ticket = record.reference ? await deps.tickets.getTicket(record.reference) : null;
      if (ticket) return { ticket, mentioned: null };
    }
  }
  const reference = triage.followUp.reference;
  if (!reference) return { ticket: null, mentioned: null };
  const ticket = await deps.tickets.getTicket(reference);
  // Who From says: an unverified sender that would thread here is held by route(), not applied.
  const sender = parsed.email.from?.address;
  if (ticket && mayFollowUpByReference(ticket, sender, triage.client.clientId))
    return { ticket, mentioned: null };
  return { ticket: null, mentioned: reference };
}

/**
 * One atomic step makes the ticket: its reference, Message-ID record, message and, when the
 * acknowledgement is to be sent, the `sending` lease (this run's commit token) with the sender's rate
 * history; events ride on the ticket. Attachment bodies are written before it, so after it there is
 * only the acknowledgement: SES, then one write to `sent`.
 */
async function createTicket(
  ctx: IntakeContext,
  deps: IntakeDependencies,
  facts: NewTicketFacts,
): Promise<IntakeResult> {
  const { receipt, triage } = ctx;
  const year = new Date(receipt.receivedAt).getUTCFullYear();
  const attachmentsStored = await attachmentsWritten(ctx, deps);
  const ackLeaseMs = deps.limits.ackLeaseMs ?? DEFAULT_ACK_LEASE_MS;
  let recipient: Awaited<ReturnType<TicketStore['getRecipient']>> | null = null;
  const created = await deps.tickets.createTicket(
    year,
    async (reference, round) => {
      const built = buildTicket(reference, ctx, facts);
      let acknowledgement = built.acknowledgement;
      let rate: RateUpdate | undefined;
      if (acknowledgement.state === 'pending' && built.requester) {
        if (recipient === null || round.rateChanged) {
          recipient = await deps.tickets.getRecipient(built.requester.address);
        }
        const now = deps.clock.now();
        const plan = planAcknowledgement(built, recipient, now, deps.config);
        if (plan.send) {
          acknowledgement = leasedAcknowledgement(now, ctx.commitToken, ackLeaseMs);
          rate = plan.rate;
        } else {
          acknowledgement = { ...acknowledgement, state: 'suppressed', reason: plan.reason };
        }
      }
      const ticket = { ...built, acknowledgement };
      const message = buildMessage(reference, ctx, 'initial', attachmentsStored);
      const events = [
        auditEvent(reference, 'ticket-created', ctx.now, {
          deliveryId: receipt.deliveryId,
          priority: ticket.priority.level,
          linkedTo: facts.linkedTo,
          mentionedReference: facts.mentionedReference,
        }),
      ];
      if (ticket.acknowledgement.state === 'suppressed') {
        events.push(
          auditEvent(reference, 'acknowledgement-suppressed', ctx.now, {
            reason: ticket.acknowledgement.reason,
          }),
        );
      }
      return {
        ticket,
        message,
        record: buildRecord(ctx, 'ticket-created', {
          deskId: triage.desk.deskId,
          reference,
          ticketMessageId: message.id,
        }),
        delivery: buildDelivery(receipt, ctx.rawKey, ctx.now, 'ticket-created', {
          reference,
          deskId: triage.desk.deskId,
          messageId: ctx.parsed.email.messageId,
        }),
        events,
        ...(rate ? { rate } : {}),
      };
    },
    { deskId: triage.desk.deskId, messageId: ctx.parsed.email.messageId, token: ctx.commitToken },
  );
  if (created.status === 'duplicate') return resume(created.record, ctx, deps);
  const { ticket, message } = created.commit;
  // Bodies that could not all be written before the commit: tried again, then the message is marked.
  await storeAttachments(message, ctx, deps);
  const leased = ticket.acknowledgement.state === 'sending';
  const ack = leased
    ? await acknowledge(ticket.reference, ctx.parsed.email, deps, ticket, ctx.commitToken)
    : null;
  return {
    ...base(ctx, 'ticket-created'),
    reference: ticket.reference,
    linkedTo: ticket.linkedTo,
    priority: ticket.priority.level,
    gtiDueAt: ticket.gtiDueAt,
    gtrDueAt: ticket.gtrDueAt,
    acknowledgement: ack ?? ackOf(ticket),
    acknowledgementChanged: ack
      ? ack.changed
      : ticket.acknowledgement.state === 'suppressed'
        ? 'suppressed'
        : null,
  };
}

/** Writes the message's attachment bodies once per run (a follow-up may turn into a new ticket). */
const written = new WeakMap<IntakeContext, Promise<boolean>>();
function attachmentsWritten(ctx: IntakeContext, deps: IntakeDependencies): Promise<boolean> {
  let pending = written.get(ctx);
  if (!pending) {
    pending = putAttachments(attachmentsOf(ctx), ctx, deps);
    written.set(ctx, pending);
  }
  return pending;
}

async function appendToTicket(
  found: Ticket,
  automated: boolean,
  ctx: IntakeContext,
  deps: IntakeDependencies,
): Promise<IntakeResult> {
  const { receipt } = ctx;
  const receivedAt = new Date(receipt.receivedAt);
  const attachmentsStored = await attachmentsWritten(ctx, deps);
  let ticket: Ticket | null = found;
  for (let round = 0; round < MAX_FOLLOW_UP_ROUNDS && ticket; round++) {
    // Decided on each round: an agent may have resolved or closed the ticket since it was read.
    const disposition = automated ? 'append' : followUpDisposition(ticket, receivedAt);
    if (disposition === 'new-linked') {
      return createTicket(ctx, deps, {
        ...newTicketAck(ctx),
        machineAlert: false,
        linkedTo: ticket.reference,
        mentionedReference: null,
      });
    }
    const kind: MessageKind = automated ? 'automated' : disposition === 'reopen' ? 'reopening' : 'follow-up';
    const outcome: StoredOutcome = kind === 'reopening' ? 'reopened' : 'follow-up';
    const message = buildMessage(ticket.reference, ctx, kind, attachmentsStored);
    // The client's reply may resume the ticket or correct its priority: in the same conditional write.
    const reply = applyClientReply(ticketAfterMessage(ticket, ctx, kind), clientReplyOf(ticket, ctx, kind), {
      now: ctx.now,
      config: deps.config,
    });
    const next = reply.ticket;
    const committed = await deps.tickets.appendMessage({
      ticket: next,
      expectedVersion: ticket.version,
      message,
      record: buildRecord(ctx, outcome, {
        deskId: ticket.desk,
        reference: ticket.reference,
        ticketMessageId: message.id,
      }),
      delivery: buildDelivery(receipt, ctx.rawKey, ctx.now, outcome, {
        reference: ticket.reference,
        deskId: ticket.desk,
        messageId: ctx.parsed.email.messageId,
      }),
      events: [
        auditEvent(ticket.reference, APPEND_EVENT[kind], ctx.now, {
          deliveryId: receipt.deliveryId,
          messageId: message.messageId,
        }),
        ...reply.events,
      ],
    });
    if (committed.status === 'duplicate') return resume(committed.record, ctx, deps);
    if (committed.status === 'appended') {
      await storeAttachments(message, ctx, deps);
      return {
        ...base(ctx, outcome),
        deskId: ticket.desk,
        reference: ticket.reference,
        priority: next.priority.level,
        gtiDueAt: next.gtiDueAt,
        gtrDueAt: next.gtrDueAt,
        acknowledgement: ackOf(next),
      };
    }
    ticket = await deps.tickets.getTicket(ticket.reference);
  }
  throw new ConflictError(`ticket ${found.reference} kept changing while a message was being added to it`, {
    hint: 'the event is retried; the message is not lost',
  });
}

const APPEND_EVENT = {
  'follow-up': 'follow-up-added',
  reopening: 'ticket-reopened',
  automated: 'automated-message-added',
  initial: 'follow-up-added',
} as const satisfies Record<MessageKind, AuditEventType>;

/** What the desk's suspended list shows of this message: the same for a suspension and a held follow-up. */
function suspendedEntry(ctx: IntakeContext, reason: string): SuspendedMessage {
  const { receipt, parsed, triage } = ctx;
  const email = parsed.email;
  return {
    id: `${receipt.channel}-${receipt.deliveryId}`,
    deskId: triage.desk.deskId,
    messageId: email.messageId,
    reason,
    automatedClass: triage.automated.class,
    receivedAt: new Date(receipt.receivedAt).toISOString(),
    from: email.from,
    subject: email.subject,
    excerpt: excerpt(email),
    rawKey: ctx.rawKey,
    receipt,
    suspendedAt: ctx.now.toISOString(),
  };
}

async function suspend(ctx: IntakeContext, deps: IntakeDependencies, reason: string): Promise<IntakeResult> {
  const { receipt, parsed, triage } = ctx;
  const email = parsed.email;
  const deskId = triage.desk.deskId;
  const recorded = await deps.tickets.recordOutcome({
    record: buildRecord(ctx, 'suspended', { deskId, reference: null, ticketMessageId: null }),
    delivery: buildDelivery(receipt, ctx.rawKey, ctx.now, 'suspended', {
      reference: null,
      deskId,
      messageId: email.messageId,
    }),
    suspended: suspendedEntry(ctx, reason),
  });
  if (recorded.status === 'duplicate') return duplicateOf(recorded.record, ctx, deps);
  return { ...base(ctx, 'suspended'), reason };
}

/**
 * An unverified sender's would-be follow-up of `ticket`: kept with the ticket and in the desk's
 * suspended list for an agent to accept or reject (accept-held.ts). The ticket is not written: no
 * priority change, no resume or reopening, no link sent.
 */
async function hold(ticket: Ticket, ctx: IntakeContext, deps: IntakeDependencies): Promise<IntakeResult> {
  const { receipt, parsed, triage } = ctx;
  const email = parsed.email;
  const deskId = triage.desk.deskId;
  const reason = `unverified sender (${triage.sender.reason}): held for an agent`;
  const recorded = await deps.tickets.recordOutcome({
    // Not a thread record (no reference): a reply to a held message threads nowhere by it.
    record: buildRecord(ctx, 'held', { deskId, reference: null, ticketMessageId: null }),
    delivery: buildDelivery(receipt, ctx.rawKey, ctx.now, 'held', {
      reference: ticket.reference,
      deskId,
      messageId: email.messageId,
    }),
    held: {
      ...suspendedEntry(ctx, reason),
      heldFor: ticket.reference,
      status: 'held',
      decidedBy: null,
      decidedAt: null,
    },
  });
  if (recorded.status === 'duplicate') return duplicateOf(recorded.record, ctx, deps);
  return { ...base(ctx, 'held'), linkedTo: ticket.reference, reason };
}

async function recordOnly(
  ctx: IntakeContext,
  deps: IntakeDependencies,
  outcome: 'loop-ignored',
  reason: string,
): Promise<IntakeResult> {
  const { receipt, parsed, triage } = ctx;
  const deskId = triage.desk.deskId;
  const recorded = await deps.tickets.recordOutcome({
    record: buildRecord(ctx, outcome, { deskId, reference: null, ticketMessageId: null }),
    delivery: buildDelivery(receipt, ctx.rawKey, ctx.now, outcome, {
      reference: null,
      deskId,
      messageId: parsed.email.messageId,
    }),
  });
  if (recorded.status === 'duplicate') return duplicateOf(recorded.record, ctx, deps);
  return { ...base(ctx, outcome), reason };
}

async function quarantine(
  receipt: Receipt,
  rawKey: string,
  deps: IntakeDependencies,
  options: IntakeOptions,
  why: { reason: QuarantineRecord['reason']; code: string | null; error: string },
): Promise<IntakeResult> {
  const now = deps.clock.now();
  const recorded = await deps.tickets.recordOutcome({
    record: null,
    delivery: buildDelivery(receipt, rawKey, now, 'quarantined', {
      reference: null,
      deskId: null,
      messageId: null,
    }),
    quarantine: {
      id: `${receipt.channel}-${receipt.deliveryId}`,
      channel: receipt.channel,
      deliveryId: receipt.deliveryId,
      reason: why.reason,
      errorCode: why.code,
      error: why.error.slice(0, 2000),
      rawKey,
      receipt,
      quarantinedAt: now.toISOString(),
      status: 'quarantined',
      releasedAt: null,
      releasedOutcome: null,
      releasedReference: null,
    },
    replaceQuarantine: options.reprocess === true,
  });
  return {
    ...blankResult(receipt, recorded.status === 'duplicate' ? 'duplicate' : 'quarantined'),
    originalOutcome: recorded.status === 'duplicate' ? 'quarantined' : null,
    reason: `${why.reason}: ${why.error}`,
  };
}

/**
 * The message was already committed (by an earlier delivery, a concurrent one, or this very run
 * whose response was lost): finish what that run may not have finished, and report.
 */
async function resume(
  record: MessageRecord,
  ctx: IntakeContext,
  deps: IntakeDependencies,
): Promise<IntakeResult> {
  if (!record.reference) return duplicateOf(record, ctx, deps);
  let message: TicketMessage | null = null;
  if (record.ticketMessageId) {
    message = await deps.tickets.getMessage(record.reference, record.ticketMessageId);
    if (message) await storeAttachments(message, ctx, deps);
  }
  const ack =
    record.outcome === 'ticket-created' ? await acknowledge(record.reference, ctx.parsed.email, deps) : null;
  const ticket = await deps.tickets.getTicket(record.reference);
  const result = await duplicateOf(record, ctx, deps);
  return {
    ...result,
    linkedTo: ticket?.linkedTo ?? null,
    priority: ticket?.priority.level ?? null,
    gtiDueAt: ticket?.gtiDueAt ?? null,
    gtrDueAt: ticket?.gtrDueAt ?? null,
    acknowledgement: ack ?? (ticket ? ackOf(ticket) : null),
    acknowledgementChanged: ack?.changed ?? null,
  };
}

async function duplicateOf(
  record: MessageRecord | null,
  ctx: IntakeContext,
  deps: IntakeDependencies,
): Promise<IntakeResult> {
  const ours = record !== null && record.commitToken === ctx.commitToken;
  if (record && !ours) {
    // Keeps the delivery record right: this delivery's own outcome (a failed run that is retried),
    // or `duplicate` for another delivery of the same message.
    const outcome = record.deliveryId === ctx.receipt.deliveryId ? record.outcome : 'duplicate';
    await deps.tickets.putDelivery(
      buildDelivery(ctx.receipt, ctx.rawKey, ctx.now, outcome, {
        reference: record.reference,
        deskId: record.deskId,
        messageId: record.messageId,
      }),
    );
  }
  return {
    ...base(ctx, ours && record ? record.outcome : 'duplicate'),
    originalOutcome: record?.outcome ?? null,
    deskId: record?.deskId ?? ctx.triage.desk.deskId,
    reference: record?.reference ?? null,
  };
}

async function acknowledge(
  reference: string,
  email: InboundEmail,
  deps: IntakeDependencies,
  known?: Ticket,
  ownLease?: string,
): Promise<AcknowledgeResult> {
  return acknowledgeTicket(
    reference,
    email,
    {
      config: deps.config,
      tickets: deps.tickets,
      mailSender: deps.mailSender,
      mintLink: deps.mintLink,
      clock: deps.clock,
      newId: deps.newId,
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      ackLeaseMs: deps.limits.ackLeaseMs ?? DEFAULT_ACK_LEASE_MS,
      ackWaitMs: deps.limits.ackWaitMs ?? DEFAULT_ACK_WAIT_MS,
      deadline: deps.deadline ?? null,
      minSendMs: deps.limits.ackMinSendMs ?? DEFAULT_ACK_MIN_SEND_MS,
    },
    known,
    ownLease,
  );
}

/** A result that knows only its delivery: what a message that could not be parsed gets. */
function blankResult(receipt: Receipt, outcome: IntakeOutcome): IntakeResult {
  return {
    outcome,
    originalOutcome: null,
    channel: receipt.channel,
    deliveryId: receipt.deliveryId,
    messageId: null,
    deskId: null,
    reference: null,
    linkedTo: null,
    priority: null,
    gtiDueAt: null,
    gtrDueAt: null,
    acknowledgement: null,
    acknowledgementChanged: null,
    reason: null,
    attachments: 0,
    attachmentsSkipped: false,
  };
}

function base(ctx: IntakeContext, outcome: IntakeOutcome): IntakeResult {
  const { receipt, parsed, triage } = ctx;
  return {
    ...blankResult(receipt, outcome),
    messageId: parsed.email.messageId,
    deskId: triage.desk.deskId,
    attachments: parsed.email.attachments.length,
    attachmentsSkipped: attachmentsSkipped(parsed),
  };
}

function ackOf(ticket: Ticket): IntakeResult['acknowledgement'] {
  const { state, reason, sesMessageId } = ticket.acknowledgement;
  return { state, reason, sesMessageId };
}
