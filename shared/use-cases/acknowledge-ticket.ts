import { DESK_CAP_REASON, planAcknowledgement } from '../domain/acknowledgement/acknowledge-decision';
import { buildAcknowledgement } from '../domain/acknowledgement/acknowledgement';
import { acknowledgementMail } from '../domain/acknowledgement/acknowledgement-mail';
import { ackCapPerDeskHour, deskById, type ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { ConflictError, NotFoundError, TransientError } from '../domain/errors';
import type { InboundEmail } from '../domain/mail/inbound-email';
import type { Acknowledgement, AcknowledgementStateName, Ticket } from '../domain/ticket/ticket';
import type { Clock } from '../ports/clock';
import type { MailSender, SentMail } from '../ports/mail-sender';
import { sendFailureOf } from '../ports/mail-sender-errors';
import type { TicketStore } from '../ports/ticket-store';
import type { LinkMinter } from './client-links';
import { auditEvent } from './intake-records';

export type AcknowledgeDependencies = {
  config: ServiceDeskConfig;
  tickets: TicketStore;
  mailSender: MailSender;
  /** The portal link secret of the mail (docs/client-portal.md): minted per mail, stored hashed. */
  mintLink: LinkMinter;
  clock: Clock;
  newId: () => string;
  sleep: (ms: number) => Promise<void>;
  /**
   * How long a run may hold the "sending" state. Must exceed the intake's own time limit (Lambda
   * timeout): a lease that expires while its holder still runs would let another run give up on it.
   */
  ackLeaseMs: number;
  /** How long a duplicate run waits for another run's send to finish before asking to be retried. */
  ackWaitMs: number;
  /**
   * When this run must be done (the Lambda's remaining time, as an instant of `clock`); null when
   * it has no limit (CLI, SMTP listener). A send is only started with `minSendMs` left before it.
   */
  deadline: Date | null;
  /** Time a send and the write of its outcome need: the SES client's timeouts and a margin. */
  minSendMs: number;
};

export type AcknowledgeResult = {
  state: AcknowledgementStateName;
  reason: string | null;
  sesMessageId: string | null;
  /** The state this run moved the acknowledgement to (for metrics), or null when it changed nothing. */
  changed: AcknowledgementStateName | null;
};

/** Throttled sends are retried in the run (SES said no: nothing left); then the intake is retried. */
const SEND_ATTEMPTS = 3;
const POLL_MS = 200;
const MAX_ROUNDS = 20;

/**
 * Sends a ticket's acknowledgement at most once, whatever the number of runs and their timing:
 * `pending` → `sending` (conditional, with a lease and the sender's rate history) → SES → `sent`
 * with its Message-ID. A new ticket is usually created already `sending`, leased to the run that
 * creates it (`ownLease`): that run goes straight to SES. A run that finds an expired `sending` lease cannot know whether the mail left:
 * the spec says at most once, so it records `unconfirmed` and never sends again (docs/operations.md).
 */
export async function acknowledgeTicket(
  reference: string,
  inbound: Pick<InboundEmail, 'messageId' | 'references'>,
  deps: AcknowledgeDependencies,
  /** The ticket as this run just committed it: saves the first read. */
  known?: Ticket,
  /** The lease this run took when it created the ticket (its commit token): it sends without waiting. */
  ownLease?: string,
): Promise<AcknowledgeResult> {
  let fresh: Ticket | null | undefined = known;
  // Polls are counted rather than timed on the clock: the clock is the intake's, tests pin it.
  let polls = 0;
  for (let round = 0; round < MAX_ROUNDS; ) {
    const ticket = fresh ?? (await deps.tickets.getTicket(reference));
    fresh = undefined;
    if (!ticket) throw new TransientError(`ticket ${reference} is not readable yet`, {});
    const ack = ticket.acknowledgement;
    const now = deps.clock.now();
    switch (ack.state) {
      case 'sent':
      case 'suppressed':
      case 'failed':
      case 'unconfirmed':
        return settled(ack, null);
      case 'sending': {
        if (ownLease !== undefined && ack.attemptId === ownLease) {
          return sendLeased(ticket, ownLease, inbound, deps);
        }
        if (ack.leaseUntil !== null && Date.parse(ack.leaseUntil) > now.getTime()) {
          if (++polls * POLL_MS > deps.ackWaitMs) {
            throw new TransientError(`the acknowledgement of ${reference} is being sent by another run`, {
              hint: 'retried later: by then it is sent, or its lease has expired and it is marked unconfirmed',
            });
          }
          await deps.sleep(POLL_MS);
          continue;
        }
        const to = state(now, 'unconfirmed', 'a run lost its lease while sending: the mail may have left', {
          attemptId: ack.attemptId,
        });
        const applied = await deps.tickets.transitionAcknowledgement({
          reference,
          from: { state: 'sending', ...(ack.attemptId ? { attemptId: ack.attemptId } : {}) },
          to,
          event: auditEvent(reference, 'acknowledgement-unconfirmed', now, { attemptId: ack.attemptId }),
        });
        if (applied === 'applied') return settled(to, 'unconfirmed');
        round++;
        continue;
      }
      case 'pending': {
        const outcome = await trySending(ticket, inbound, deps);
        if (outcome) return outcome;
        round++;
      }
    }
  }
  throw new TransientError(`the acknowledgement of ${reference} kept changing under this run`, {});
}

/** The acknowledgement as `sending`, leased to `attemptId` for `leaseMs` from `now`. */
export function leasedAcknowledgement(now: Date, attemptId: string, leaseMs: number): Acknowledgement {
  return state(now, 'sending', null, {
    attemptId,
    leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
  });
}

/**
 * An acknowledgement left `unconfirmed`, sent again only on an agent's explicit request, after the
 * portal warned that the client may receive it twice (conversation.md §3): `unconfirmed` → `sending`
 * under a new lease → the usual send. Any other state is refused: nothing is ever resent on its own.
 */
export async function resendAcknowledgement(
  reference: string,
  agentId: string,
  deps: AcknowledgeDependencies,
): Promise<AcknowledgeResult> {
  const ticket = await deps.tickets.getTicket(reference);
  if (!ticket) throw new NotFoundError(`ticket ${reference} does not exist`);
  const ack = ticket.acknowledgement;
  if (ack.state !== 'unconfirmed')
    throw new ConflictError(
      `the acknowledgement of ${reference} is ${ack.state}: only an unconfirmed one is resent`,
    );
  const [first] = (await deps.tickets.listMessages(reference)).sort((a, b) =>
    a.receivedAt.localeCompare(b.receivedAt),
  );
  if (!first) throw new ConflictError(`ticket ${reference} has no message to acknowledge`);
  const now = deps.clock.now();
  const attemptId = deps.newId();
  const applied = await deps.tickets.transitionAcknowledgement({
    reference,
    from: { state: 'unconfirmed', ...(ack.attemptId ? { attemptId: ack.attemptId } : {}) },
    to: leasedAcknowledgement(now, attemptId, deps.ackLeaseMs),
    event: { ...auditEvent(reference, 'outbound-resent', now, { kind: 'acknowledgement' }), actor: agentId },
  });
  if (applied !== 'applied')
    throw new ConflictError('someone else resent it meanwhile', { hint: 'reload the ticket' });
  return sendLeased(ticket, attemptId, { messageId: first.messageId, references: first.references }, deps);
}

/** One attempt from `pending`; null when the ticket or the rate history changed under us (go round). */
async function trySending(
  ticket: Ticket,
  inbound: Pick<InboundEmail, 'messageId' | 'references'>,
  deps: AcknowledgeDependencies,
): Promise<AcknowledgeResult | null> {
  const now = deps.clock.now();
  const recipient = ticket.requester
    ? await deps.tickets.getRecipient(ticket.requester.address.toLowerCase())
    : null;
  const plan = planAcknowledgement(ticket, recipient, now, deps.config);
  if (!plan.send) return suppress(ticket, plan.reason, deps);
  if (tooLate(deps)) throw tooLateError(ticket.reference, deps);
  const attemptId = deps.newId();
  const claimed = await deps.tickets.transitionAcknowledgement({
    reference: ticket.reference,
    from: { state: 'pending' },
    to: leasedAcknowledgement(now, attemptId, deps.ackLeaseMs),
    event: null,
    rate: plan.rate,
  });
  if (claimed !== 'applied') return null;
  return sendLeased(ticket, attemptId, inbound, deps);
}

/** The run holds the `sending` lease (`attemptId`): SES, then one write to `sent` with the SES Message-ID. */
async function sendLeased(
  ticket: Ticket,
  attemptId: string,
  inbound: Pick<InboundEmail, 'messageId' | 'references'>,
  deps: AcknowledgeDependencies,
): Promise<AcknowledgeResult> {
  const { reference } = ticket;
  const desk = deskById(deps.config, ticket.desk);
  if (!ticket.requester || !desk) {
    // Planned with both: only a configuration change under a running lease gets here. SES was not called.
    return recordOutcome(
      reference,
      attemptId,
      'failed',
      `desk ${ticket.desk} or the requester is gone`,
      deps,
    );
  }
  if (tooLate(deps)) {
    // Not enough time left to send and record: the lease goes back, the retry sends it. Taking the
    // chance would leave the lease to expire into `unconfirmed` without SES ever being called.
    await deps.tickets.transitionAcknowledgement({
      reference,
      from: { state: 'sending', attemptId },
      to: state(deps.clock.now(), 'pending', 'handed back: the run had too little time left to send', {}),
      event: null,
    });
    throw tooLateError(reference, deps);
  }
  const address = ticket.requester.address.toLowerCase();
  // conversation.md §2: one desk never sends more than its hourly cap (counted once per ticket).
  const now = deps.clock.now();
  const cap = ackCapPerDeskHour(deps.config);
  const slot = { deskId: ticket.desk, hour: now.toISOString().slice(0, 13), reference, cap };
  if (!(await deps.tickets.claimDeskAcknowledgement(slot))) {
    const reason = `${DESK_CAP_REASON}: ${cap} acknowledgements of desk ${ticket.desk} in the hour ${slot.hour}h UTC`;
    const to = state(now, 'suppressed', reason, {});
    const applied = await deps.tickets.transitionAcknowledgement({
      reference,
      from: { state: 'sending', attemptId },
      to,
      event: auditEvent(reference, 'acknowledgement-suppressed', now, { reason }),
    });
    if (applied !== 'applied')
      throw new TransientError(`the acknowledgement of ${reference} changed meanwhile`, {});
    return settled(to, 'suppressed');
  }
  // A write before SES: a mail whose send fails leaves an unused secret behind, never a link that fails.
  const linkSecret = await deps.mintLink(ticket, [address, ...ticket.participants]);
  const mail = acknowledgementMail({
    reference,
    desk,
    requester: ticket.requester,
    inbound,
    content: buildAcknowledgement({
      reference,
      desk,
      contact: deps.config.contact,
      language: ticket.language,
      contract: ticket.contract,
      // Acknowledgements go out at creation, before any agent could change the level.
      priority: {
        ...ticket.priority,
        source: ticket.priority.source === 'agent' ? 'declared' : ticket.priority.source,
      },
      gtiDueAt: new Date(ticket.gtiDueAt),
      gtrDueAt: new Date(ticket.gtrDueAt),
      originalSubject: ticket.subject,
      attachmentsSkipped: ticket.flags.attachmentsSkipped,
      linkSecret,
    }),
  });
  let sent: SentMail;
  try {
    sent = await sendWithRetries(() => deps.mailSender.send(mail), deps);
  } catch (err) {
    return recordFailure(reference, attemptId, err, deps);
  }
  const at = deps.clock.now();
  const to = state(at, 'sent', null, { sesMessageId: sent.messageId });
  const applied = await deps.tickets.transitionAcknowledgement({
    reference,
    // `unconfirmed` too: a slow run whose lease was given up on still records what it knows.
    from: { state: ['sending', 'unconfirmed'], attemptId },
    to,
    event: auditEvent(reference, 'acknowledgement-sent', at, { sesMessageId: sent.messageId, to: address }),
  });
  if (applied !== 'applied') {
    throw new TransientError(`the acknowledgement of ${reference} was sent but could not be recorded`, {});
  }
  return settled(to, 'sent');
}

function tooLate(deps: AcknowledgeDependencies): boolean {
  return deps.deadline !== null && deps.deadline.getTime() - deps.clock.now().getTime() < deps.minSendMs;
}

function tooLateError(reference: string, deps: AcknowledgeDependencies): TransientError {
  return new TransientError(
    `the acknowledgement of ${reference} was not sent: less than ${deps.minSendMs} ms left in this run`,
    { hint: 'the event is retried and the retry sends it' },
  );
}

/** TransientError from the sender means SES did not take the mail (the port's contract): safe to try again. */
async function sendWithRetries(
  send: () => Promise<SentMail>,
  deps: AcknowledgeDependencies,
): Promise<SentMail> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (sendFailureOf(err) !== 'not-taken' || attempt >= SEND_ATTEMPTS) throw err;
      await deps.sleep(100 * 4 ** attempt);
      // A retry is a send like the first: it needs its time too (recordFailure hands the lease back).
      if (tooLate(deps)) throw err;
    }
  }
}

/**
 * What the sender's failure says about the mail (the MailSender port's contract, sendFailureOf):
 * - not taken (TransientError): SES did not take it → back to `pending`, and the intake is retried;
 * - rejected (MailRejectedError): refused for good → `failed`, not retried;
 * - anything else (timeout, 5xx, connection reset, an unexpected error): the mail may have left →
 *   `unconfirmed`, never resent automatically.
 */
async function recordFailure(
  reference: string,
  attemptId: string,
  err: unknown,
  deps: AcknowledgeDependencies,
): Promise<AcknowledgeResult> {
  const message = err instanceof Error ? err.message : String(err);
  const failure = sendFailureOf(err);
  if (failure === 'not-taken') {
    await deps.tickets.transitionAcknowledgement({
      reference,
      from: { state: 'sending', attemptId },
      to: state(deps.clock.now(), 'pending', `last attempt failed: ${message}`, {}),
      event: null,
    });
    throw err;
  }
  return recordOutcome(
    reference,
    attemptId,
    failure === 'rejected' ? 'failed' : 'unconfirmed',
    message,
    deps,
  );
}

async function recordOutcome(
  reference: string,
  attemptId: string,
  final: 'failed' | 'unconfirmed',
  message: string,
  deps: AcknowledgeDependencies,
): Promise<AcknowledgeResult> {
  const now = deps.clock.now();
  const to = state(now, final, message, { attemptId });
  await deps.tickets.transitionAcknowledgement({
    reference,
    from: { state: 'sending', attemptId },
    to,
    event: auditEvent(
      reference,
      final === 'failed' ? 'acknowledgement-failed' : 'acknowledgement-unconfirmed',
      now,
      { error: message.slice(0, 500) },
    ),
  });
  return settled(to, final);
}

async function suppress(
  ticket: Ticket,
  reason: string,
  deps: AcknowledgeDependencies,
): Promise<AcknowledgeResult | null> {
  const now = deps.clock.now();
  const to = state(now, 'suppressed', reason, {});
  const applied = await deps.tickets.transitionAcknowledgement({
    reference: ticket.reference,
    from: { state: 'pending' },
    to,
    event: auditEvent(ticket.reference, 'acknowledgement-suppressed', now, { reason }),
  });
  return applied === 'applied' ? settled(to, 'suppressed') : null;
}

function state(
  at: Date,
  name: AcknowledgementStateName,
  reason: string | null,
  extra: Partial<Pick<Acknowledgement, 'sesMessageId' | 'attemptId' | 'leaseUntil'>>,
): Acknowledgement {
  return {
    state: name,
    reason,
    sesMessageId: extra.sesMessageId ?? null,
    attemptId: extra.attemptId ?? null,
    leaseUntil: extra.leaseUntil ?? null,
    updatedAt: at.toISOString(),
  };
}

function settled(ack: Acknowledgement, changed: AcknowledgementStateName | null): AcknowledgeResult {
  return { state: ack.state, reason: ack.reason, sesMessageId: ack.sesMessageId, changed };
}
