import { createHash } from 'node:crypto';
import type { Agent } from '../domain/desk/agent';
import { deskById, type ServiceDeskConfig } from '../domain/desk/service-desk-config';
import {
  ConflictError,
  InputError,
  NotFoundError,
  ReplyNotSentError,
  TransientError,
} from '../domain/errors';
import type { MailAddress } from '../domain/mail/inbound-email';
import type { OutboundMail } from '../domain/mail/outbound-mail';
import type { OutboundKind, OutboundMessage, OutboundState } from '../domain/ticket/outbound-message';
import { type ReplyRequest, replyEffects } from '../domain/ticket/reply-effects';
import { replyMail } from '../domain/ticket/reply-mail';
import type { AuditEvent, Ticket, TicketMessage } from '../domain/ticket/ticket';
import { agentEvent, assertMayAct } from '../domain/ticket/ticket-actions';
import type { AgentTicketStore, TicketView } from '../ports/agent-ticket-store';
import type { Clock } from '../ports/clock';
import type { MailSender, SentMail } from '../ports/mail-sender';
import { sendFailureOf } from '../ports/mail-sender-errors';
import type { TicketStore } from '../ports/ticket-store';
import type { LinkMinter } from './client-links';

export type OutboundDeps = {
  config: ServiceDeskConfig;
  clock: Clock;
  store: AgentTicketStore;
  mailSender: MailSender;
  /** The portal link secret of each mail (docs/client-portal.md): minted per mail, never stored raw. */
  mintLink: LinkMinter;
  /** Suppressed addresses (bounces, complaints): nothing is mailed to them. */
  recipients: Pick<TicketStore, 'getSuppressedAddress'>;
  newId: () => string;
  sleep: (ms: number) => Promise<void>;
  /**
   * How long a request may hold the `sending` lease. Must exceed the API function's timeout: a lease
   * that expires while its holder still runs would let a retried request call it unconfirmed.
   */
  leaseMs: number;
  /** How long a duplicate request waits for the first one's send before answering 503 (retry). */
  waitMs: number;
  /** Told of every outcome this run decided (the unconfirmed metric and alarm). */
  onOutcome?: (outcome: { kind: OutboundKind; state: OutboundState; reference: string }) => void;
};

/** The answer of a reply: `messageId` is SES's (null when unconfirmed or rejected). */
export type OutboundAnswer = {
  key: string;
  messageId: string | null;
  state: OutboundState;
  sentAt: string | null;
  reason: string | null;
};

const SEND_ATTEMPTS = 3;
const POLL_MS = 200;
const MAX_ROUNDS = 10;

/**
 * An agent's reply to the client (conversation.md §3), sent at most once per idempotency key:
 * claim (the reply `sending` under a lease, written with what it does to the ticket, in one
 * transaction on the ticket's version) → SES → `sent` with SES's Message-ID. The same key again
 * returns the recorded answer and sends nothing; a request that finds another's lease waits for it,
 * then answers as it did; an expired lease means the outcome is unknown: `unconfirmed`, never resent.
 */
export async function replyToClient(
  reference: string,
  request: ReplyRequest,
  agent: Agent,
  deps: OutboundDeps,
): Promise<OutboundAnswer> {
  const key = request.idempotencyKey;
  const digest = requestDigest(agent.id, request);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const existing = await deps.store.getOutbound(reference, key);
    if (existing) {
      if (existing.requestDigest !== digest)
        throw new ConflictError(
          `the idempotency key ${key} was already used for another reply on ${reference}`,
          {
            hint: 'use a new idempotency key for each reply you compose',
          },
        );
      return settle(existing, deps);
    }
    const view = await deps.store.getTicketView(reference);
    if (!view) throw new NotFoundError(`ticket ${reference} does not exist`);
    const { ticket } = view;
    assertMayAct(ticket, agent);
    const now = deps.clock.now();
    const change = replyEffects(ticket, request.then ?? null, request.summary ?? null, {
      now,
      agent,
      config: deps.config,
    });
    const to = await requesterOf(ticket, deps);
    const cc = await ccOf(view, request.cc, to, deps);
    const summary = request.then === 'resolve' ? (request.summary ?? null) : null;
    const prepared = await prepare(view, {
      kind: 'reply',
      key,
      author: agent.id,
      authorName: agent.name,
      signer: agent.name,
      text: summary ? `${request.text}\n\n${resolutionParagraph(ticket, summary)}` : request.text,
      agentText: request.text,
      afterwards: request.then ?? null,
      to,
      cc,
      digest,
      personal: true,
      now,
      deps,
    });
    const claimed = await deps.store.claimOutbound({
      message: prepared.message,
      ticketUpdate: change
        ? {
            ticket: change.ticket,
            expectedVersion: ticket.version,
            events: [...change.events, sendingEvent(prepared.message, now)],
          }
        : null,
    });
    if (claimed === 'no-ticket') throw new NotFoundError(`ticket ${reference} does not exist`);
    if (claimed !== 'claimed') continue;
    return sendClaimed(prepared.message, prepared.mail, deps);
  }
  throw new ConflictError(`ticket ${reference} kept changing while the reply was being sent`, {
    hint: 'reload the ticket and send again with the same idempotency key',
  });
}

/**
 * A message left `unconfirmed`, sent again on an agent's explicit request after the portal warned
 * them that the client may receive it twice. Only `unconfirmed` can be resent; its key stays.
 */
export async function resendOutbound(
  reference: string,
  key: string,
  agent: Agent,
  deps: OutboundDeps,
): Promise<OutboundAnswer> {
  const view = await deps.store.getTicketView(reference);
  if (!view) throw new NotFoundError(`ticket ${reference} does not exist`);
  assertMayAct(view.ticket, agent);
  let message = view.outbound.find((m) => m.key === key);
  if (!message) throw new NotFoundError(`ticket ${reference} has no outbound message ${key}`);
  message = await expireLease(message, deps);
  if (message.state !== 'unconfirmed')
    throw new ConflictError(`the message is ${message.state}: only an unconfirmed message is resent`, {
      hint: message.state === 'sending' ? 'it is being sent: wait a minute' : undefined,
    });
  const now = deps.clock.now();
  const attemptId = deps.newId();
  const leased = {
    state: 'sending' as const,
    attemptId,
    leaseUntil: new Date(now.getTime() + deps.leaseMs).toISOString(),
    resends: message.resends + 1,
    updatedAt: now.toISOString(),
  };
  const taken = await deps.store.transitionOutbound({
    reference,
    key,
    from: { states: ['unconfirmed'], attemptId: message.attemptId },
    to: leased,
    event: agentEvent(reference, 'outbound-resent', now, agent.id, { key, kind: message.kind }),
  });
  if (!taken) throw new ConflictError('someone else resent it meanwhile', { hint: 'reload the ticket' });
  const { mail } = await prepare(view, {
    kind: message.kind,
    key,
    author: message.author,
    authorName: message.authorName,
    signer: message.kind === 'reply' ? message.authorName : null,
    text: bodyOf(message),
    agentText: message.text,
    afterwards: message.afterwards,
    to: message.to,
    cc: message.cc,
    digest: message.requestDigest,
    personal: message.kind === 'reply',
    now,
    deps,
    body: message.body,
  });
  return sendClaimed({ ...message, ...leased }, mail, deps);
}

/** A notification to the client (conversation.md §4), once per key, to no suppressed or automated address. */
export async function notifyClient(
  reference: string,
  input: { kind: Exclude<OutboundKind, 'reply'>; key: string; text: string; actor: string },
  deps: OutboundDeps,
): Promise<OutboundAnswer | { skipped: string }> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const existing = await deps.store.getOutbound(reference, input.key);
    if (existing) return settle(existing, deps);
    const view = await deps.store.getTicketView(reference);
    if (!view) throw new NotFoundError(`ticket ${reference} does not exist`);
    const skip = notificationSkip(view);
    if (skip) return { skipped: skip };
    const requester = view.ticket.requester!;
    const suppressed = await deps.recipients.getSuppressedAddress(requester.address.toLowerCase());
    if (suppressed) return { skipped: `the address is suppressed (${suppressed.type})` };
    const now = deps.clock.now();
    const prepared = await prepare(view, {
      kind: input.kind,
      key: input.key,
      author: input.actor,
      authorName: 'service',
      signer: null,
      text: input.text,
      agentText: input.text,
      afterwards: null,
      to: requester,
      cc: [],
      digest: input.key,
      personal: false,
      now,
      deps,
    });
    const claimed = await deps.store.claimOutbound({ message: prepared.message, ticketUpdate: null });
    if (claimed === 'no-ticket') throw new NotFoundError(`ticket ${reference} does not exist`);
    if (claimed !== 'claimed') continue;
    return sendClaimed(prepared.message, prepared.mail, deps);
  }
  throw new TransientError(`the notification ${input.key} of ${reference} kept changing under this run`);
}

/** Why a ticket's client gets no notification: no requester, a machine alert, automated mail only. */
function notificationSkip(view: TicketView): string | null {
  if (!view.ticket.requester) return 'no requester address';
  if (view.ticket.machineAlert) return 'a machine alert: nobody to tell';
  const person = view.messages.some((m) => m.kind !== 'automated' && m.automated === null);
  return person ? null : 'only automated messages: nobody to tell';
}

/** The resolution notice's words, in the ticket's language (also appended to "Envoyer et résoudre"). */
export function resolutionParagraph(ticket: Pick<Ticket, 'language'>, summary: string): string {
  return ticket.language === 'en'
    ? `We consider your request resolved: ${summary}\nIf it is not, simply reply within 7 days and it will be reopened.`
    : `Nous considérons votre demande comme résolue : ${summary}\nSi ce n'est pas le cas, répondez simplement à ce message dans les 7 jours : elle sera rouverte.`;
}

export function priorityParagraph(
  ticket: Pick<Ticket, 'language'>,
  change: { from: string; to: string; reason: string },
): string {
  return ticket.language === 'en'
    ? `The priority of your request was changed from ${change.from} to ${change.to} by our team.\nReason: ${change.reason}`
    : `La priorité de votre demande est passée de ${change.from} à ${change.to}, décision de notre équipe.\nMotif : ${change.reason}`;
}

type PrepareInput = {
  kind: OutboundKind;
  key: string;
  author: string;
  authorName: string;
  signer: string | null;
  /** What the mail says between greeting and signature. */
  text: string;
  /** What is shown as "written" on the ticket. */
  agentText: string;
  afterwards: OutboundMessage['afterwards'];
  to: MailAddress;
  cc: readonly MailAddress[];
  digest: string;
  personal: boolean;
  now: Date;
  deps: OutboundDeps;
  /** On a resend: the body as first mailed. */
  body?: string;
};

async function prepare(
  view: TicketView,
  input: PrepareInput,
): Promise<{ message: OutboundMessage; mail: OutboundMail }> {
  const { ticket } = view;
  const desk = deskById(input.deps.config, ticket.desk);
  if (!desk)
    throw new ConflictError(`desk ${ticket.desk} of ticket ${ticket.reference} is no longer configured`);
  const linkSecret = await input.deps.mintLink(ticket, [input.to.address, ...input.cc.map((c) => c.address)]);
  const { mail, body } = replyMail({
    ticket,
    desk,
    portalBaseUrl: input.deps.config.contact.portalBaseUrl,
    linkSecret,
    signer: input.signer,
    text: input.text,
    to: input.to,
    cc: input.cc,
    thread: latestClientMessage(view.messages),
    key: `${ticket.reference}:${input.kind}:${input.key}`,
    personal: input.personal,
  });
  const at = input.now.toISOString();
  return {
    mail,
    message: {
      reference: ticket.reference,
      key: input.key,
      kind: input.kind,
      author: input.author,
      authorName: input.authorName,
      createdAt: at,
      state: 'sending',
      attemptId: input.deps.newId(),
      leaseUntil: new Date(input.now.getTime() + input.deps.leaseMs).toISOString(),
      messageId: null,
      sentAt: null,
      reason: null,
      to: input.to,
      cc: [...input.cc],
      subject: mail.subject,
      text: input.agentText,
      body: input.body ?? body,
      afterwards: input.afterwards,
      requestDigest: input.digest,
      resends: 0,
      updatedAt: at,
    },
  };
}

/** The text between greeting and signature of a stored message (for a resend: the same mail again). */
function bodyOf(message: OutboundMessage): string {
  const parts = message.body.split('\n\n');
  // greeting, words…, signature, footer: the words are everything between the first and the last two.
  return parts.slice(1, -2).join('\n\n');
}

/** This run holds the lease: SES, then one write to `sent` with SES's Message-ID. */
async function sendClaimed(
  message: OutboundMessage,
  mail: OutboundMail,
  deps: OutboundDeps,
): Promise<OutboundAnswer> {
  const { reference, key, attemptId } = message;
  let sent: SentMail;
  try {
    sent = await sendWithRetries(() => deps.mailSender.send(mail), deps);
  } catch (err) {
    return recordFailure(message, err, deps);
  }
  const at = deps.clock.now().toISOString();
  const to = {
    state: 'sent' as const,
    messageId: sent.messageId,
    sentAt: at,
    attemptId: null,
    leaseUntil: null,
    reason: null,
    updatedAt: at,
  };
  const applied = await deps.store.transitionOutbound({
    reference,
    key,
    // `unconfirmed` too: a slow run whose lease was given up on still records what it knows.
    from: { states: ['sending', 'unconfirmed'], attemptId },
    to,
    event: agentEvent(reference, 'outbound-sent', deps.clock.now(), message.author, {
      key,
      kind: message.kind,
      messageId: sent.messageId,
    }),
  });
  if (!applied) throw new TransientError(`the ${message.kind} ${key} was sent but could not be recorded`);
  deps.onOutcome?.({ kind: message.kind, state: 'sent', reference });
  return answer({ ...message, ...to });
}

async function sendWithRetries(send: () => Promise<SentMail>, deps: OutboundDeps): Promise<SentMail> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (sendFailureOf(err) !== 'not-taken' || attempt >= SEND_ATTEMPTS) throw err;
      await deps.sleep(100 * 4 ** attempt);
    }
  }
}

/**
 * The mail-sender port's contract (sendFailureOf): only MailRejectedError (refused for good) and
 * TransientError (not taken, still so after the retries) mean "not sent": `rejected`, nothing left.
 * Anything else may have left: `unconfirmed`, never resent without an agent's explicit request.
 */
async function recordFailure(
  message: OutboundMessage,
  err: unknown,
  deps: OutboundDeps,
): Promise<OutboundAnswer> {
  const now = deps.clock.now();
  const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
  const state: OutboundState = sendFailureOf(err) === 'unknown' ? 'unconfirmed' : 'rejected';
  const to = { state, reason, leaseUntil: null, updatedAt: now.toISOString() };
  await deps.store.transitionOutbound({
    reference: message.reference,
    key: message.key,
    from: { states: ['sending'], attemptId: message.attemptId },
    to,
    event: agentEvent(
      message.reference,
      state === 'rejected' ? 'outbound-rejected' : 'outbound-unconfirmed',
      now,
      message.author,
      {
        key: message.key,
        kind: message.kind,
        error: reason,
      },
    ),
  });
  deps.onOutcome?.({ kind: message.kind, state, reference: message.reference });
  return answer({ ...message, ...to });
}

/** What a request that finds the message already claimed answers: wait for a live lease, else as recorded. */
async function settle(message: OutboundMessage, deps: OutboundDeps): Promise<OutboundAnswer> {
  let current = message;
  for (let polls = 0; current.state === 'sending'; polls++) {
    const expired = await expireLease(current, deps);
    if (expired.state !== 'sending') return answer(expired);
    if (polls * POLL_MS >= deps.waitMs)
      throw new TransientError(`the message ${message.key} is being sent by another request`, {
        hint: 'send the same request again in a few seconds: it answers what happened',
      });
    await deps.sleep(POLL_MS);
    current = (await deps.store.getOutbound(message.reference, message.key)) ?? current;
  }
  return answer(current);
}

/** A `sending` lease past its time: the holder died or hung; it may have sent. Recorded `unconfirmed`. */
async function expireLease(message: OutboundMessage, deps: OutboundDeps): Promise<OutboundMessage> {
  if (message.state !== 'sending') return message;
  const now = deps.clock.now();
  if (message.leaseUntil !== null && Date.parse(message.leaseUntil) > now.getTime()) return message;
  const to = {
    state: 'unconfirmed' as const,
    reason: 'the request sending it stopped before recording the outcome: the mail may have left',
    updatedAt: now.toISOString(),
  };
  const applied = await deps.store.transitionOutbound({
    reference: message.reference,
    key: message.key,
    from: { states: ['sending'], attemptId: message.attemptId },
    to,
    event: agentEvent(message.reference, 'outbound-unconfirmed', now, 'service', {
      key: message.key,
      kind: message.kind,
    }),
  });
  if (applied) {
    deps.onOutcome?.({ kind: message.kind, state: 'unconfirmed', reference: message.reference });
    return { ...message, ...to };
  }
  return (await deps.store.getOutbound(message.reference, message.key)) ?? message;
}

function answer(message: OutboundMessage): OutboundAnswer {
  if (message.state === 'rejected')
    throw new ReplyNotSentError(`the mail was not sent: ${message.reason ?? 'refused'}`, {
      hint: 'nothing reached the client; fix the cause, then compose the reply again',
    });
  return {
    key: message.key,
    messageId: message.messageId,
    state: message.state,
    sentAt: message.sentAt,
    reason: message.reason,
  };
}

function sendingEvent(message: OutboundMessage, at: Date): AuditEvent {
  return agentEvent(message.reference, 'reply-written', at, message.author, {
    key: message.key,
    afterwards: message.afterwards,
    to: message.to.address,
    cc: message.cc.map((c) => c.address).join(', '),
  });
}

async function requesterOf(ticket: Ticket, deps: OutboundDeps): Promise<MailAddress> {
  if (!ticket.requester)
    throw new ConflictError(`ticket ${ticket.reference} has no requester address to answer`, {
      hint: 'call the client, and record the contact (first-contact, channel phone)',
    });
  const suppressed = await deps.recipients.getSuppressedAddress(ticket.requester.address.toLowerCase());
  if (suppressed)
    throw new ConflictError(
      `${ticket.requester.address} is on the suppression list (${suppressed.type}: ${suppressed.detail}): mail to it is not sent`,
      { hint: 'call the client; an administrator removes the address from the list once it works again' },
    );
  return ticket.requester;
}

/**
 * The Cc of the client's first message (conversation.md §3), minus what the agent removed: `wanted`
 * may only keep addresses of the ticket (participants), never add a stranger. Suppressed addresses
 * and our own desks are left out.
 */
async function ccOf(
  view: TicketView,
  wanted: readonly string[] | undefined,
  to: MailAddress,
  deps: OutboundDeps,
): Promise<MailAddress[]> {
  const first = [...view.messages].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))[0];
  const ours = new Set(deps.config.desks.map((d) => d.address.toLowerCase()));
  const known = new Map<string, MailAddress>();
  for (const a of first?.cc ?? []) known.set(a.address.toLowerCase(), a);
  if (wanted) {
    for (const address of wanted) {
      if (!view.ticket.participants.includes(address) && !known.has(address))
        throw new InputError(`cc: ${address} is not an address of this ticket`, {
          hint: 'a reply goes to the requester and the people already on the ticket; remove Cc, never add',
        });
    }
  }
  const chosen = (wanted ?? [...known.keys()])
    .filter((a) => a !== to.address.toLowerCase() && !ours.has(a))
    .filter((a, i, all) => all.indexOf(a) === i);
  const kept: MailAddress[] = [];
  for (const address of chosen) {
    if (await deps.recipients.getSuppressedAddress(address)) continue;
    kept.push(known.get(address) ?? { address, name: '' });
  }
  return kept;
}

/** The client's latest message: the reply is threaded on it (In-Reply-To, References). */
function latestClientMessage(
  messages: readonly TicketMessage[],
): { messageId: string; references: string[] } | null {
  const person = messages.filter((m) => m.kind !== 'automated');
  const latest = [...(person.length > 0 ? person : messages)]
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    .at(-1);
  return latest ? { messageId: latest.messageId, references: latest.references } : null;
}

function requestDigest(agentId: string, r: ReplyRequest): string {
  const canonical = JSON.stringify([
    agentId,
    r.text,
    r.then ?? null,
    r.summary ?? null,
    r.cc ? [...r.cc].sort() : null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * conversation.md §4: after an agent resolved the ticket or changed its priority, the client is told,
 * once (the key is the change's own instant), in the ticket's language. A failure to tell is logged
 * by the caller, never undoes the action.
 */
export async function notifyAfterAction(
  ticket: Ticket,
  action: { type: string; reason?: string; summary?: string },
  previous: Pick<Ticket, 'priority'>,
  actor: string,
  deps: OutboundDeps,
): Promise<OutboundAnswer | { skipped: string } | null> {
  if (action.type === 'resolve' && ticket.resolvedAt)
    return notifyClient(
      ticket.reference,
      {
        kind: 'resolution-notice',
        key: `resolution-${Date.parse(ticket.resolvedAt)}`,
        text: resolutionParagraph(ticket, action.summary ?? ticket.work?.resolution?.summary ?? ''),
        actor,
      },
      deps,
    );
  if (action.type === 'priority' && previous.priority.level !== ticket.priority.level)
    return notifyClient(
      ticket.reference,
      {
        kind: 'priority-notice',
        key: `priority-${Date.parse(ticket.updatedAt)}`,
        text: priorityParagraph(ticket, {
          from: previous.priority.level,
          to: ticket.priority.level,
          reason: action.reason ?? '',
        }),
        actor,
      },
      deps,
    );
  return null;
}
