import type { Agent } from '../domain/desk/agent';
import { ConflictError, NotFoundError } from '../domain/errors';
import { isSuspensionExpired } from '../domain/mail/suspension';
import { applyClientReply } from '../domain/ticket/client-reply';
import {
  followUpDisposition,
  type MessageKind,
  type Ticket,
  type TicketMessage,
} from '../domain/ticket/ticket';
import { agentEvent, ForbiddenError } from '../domain/ticket/ticket-actions';
import type { HeldMessage } from '../ports/ticket-store';
import {
  attachmentsOf,
  buildDelivery,
  buildMessage,
  buildRecord,
  clientReplyOf,
  ticketAfterMessage,
} from './intake-records';
import { replayStoredMail, type StoredMailDeps } from './replay-stored-mail';
import { putAttachments, storeAttachments } from './store-attachments';

export type DecideHeldDeps = StoredMailDeps;

const MAX_ROUNDS = 10;

/**
 * conversation.md §1: an agent accepts an unverified sender's held message onto its ticket. It is then
 * applied as the client's follow-up would have been (stored on the ticket, a declared priority or a
 * resume applied, a resolved ticket reopened within 7 days; on a closed ticket, or one resolved longer
 * ago, it is only stored): the agent vouches for the sender. One atomic step with the ticket's version,
 * the held message still `held` and its Message-ID record still `held`: of two agents deciding at once,
 * one wins, the other gets a ConflictError (409).
 */
export async function acceptHeld(
  reference: string,
  id: string,
  agent: Agent,
  deps: DecideHeldDeps,
): Promise<{ ticket: Ticket; message: TicketMessage }> {
  const { held, ticket: first } = await heldFor(reference, id, agent, deps);
  const ctx = await replayStoredMail(held, deps, { trust: 'verified', reason: `accepted by ${agent.id}` });
  const { parsed, now } = ctx;
  const attachmentsStored = await putAttachments(attachmentsOf(ctx), ctx, deps);
  const receivedAt = new Date(held.receipt.receivedAt);
  let ticket: Ticket | null = first;
  for (let round = 0; round < MAX_ROUNDS && ticket; round++) {
    const disposition = followUpDisposition(ticket, receivedAt);
    const kind: MessageKind = disposition === 'reopen' ? 'reopening' : 'follow-up';
    const message = { ...buildMessage(reference, ctx, kind, attachmentsStored), deskId: held.deskId };
    const after = ticketAfterMessage(ticket, ctx, kind);
    // Past the reopening window the message is kept on the ticket, and changes nothing else.
    const reply =
      disposition === 'new-linked'
        ? { ticket: { ...after, status: ticket.status, resolvedAt: ticket.resolvedAt }, events: [] }
        : applyClientReply(after, clientReplyOf(ticket, ctx, kind), { now, config: deps.config });
    const outcome = kind === 'reopening' ? 'reopened' : 'follow-up';
    const committed = await deps.tickets.acceptHeld({
      ticket: reply.ticket,
      expectedVersion: ticket.version,
      message,
      record: buildRecord(ctx, outcome, { deskId: held.deskId, reference, ticketMessageId: message.id }),
      delivery: buildDelivery(held.receipt, held.rawKey, now, outcome, {
        reference,
        deskId: held.deskId,
        messageId: parsed.email.messageId,
      }),
      events: [
        agentEvent(reference, kind === 'reopening' ? 'ticket-reopened' : 'follow-up-added', now, agent.id, {
          acceptedHeld: held.id,
          messageId: parsed.email.messageId,
          heldReason: held.reason,
        }),
        ...reply.events,
      ],
      held: { id: held.id, by: agent.id },
    });
    if (committed === 'decided') throw alreadyDecided(reference, id);
    if (committed === 'accepted') {
      await storeAttachments(message, ctx, deps);
      return { ticket: reply.ticket, message };
    }
    ticket = await deps.tickets.getTicket(reference);
  }
  throw new ConflictError(`ticket ${reference} kept changing while a held message was being accepted`, {
    hint: 'try again',
  });
}

/** The agent rejects the held message: it stays in the raw-mail store and on the ticket as rejected. */
export async function rejectHeld(
  reference: string,
  id: string,
  agent: Agent,
  deps: Pick<DecideHeldDeps, 'tickets' | 'clock'>,
): Promise<HeldMessage> {
  const { held } = await heldFor(reference, id, agent, deps);
  const at = deps.clock.now().toISOString();
  if (!(await deps.tickets.rejectHeld(reference, id, agent.id, at))) throw alreadyDecided(reference, id);
  return { ...held, status: 'rejected', decidedBy: agent.id, decidedAt: at };
}

async function heldFor(
  reference: string,
  id: string,
  agent: Agent,
  deps: Pick<DecideHeldDeps, 'tickets' | 'clock'>,
): Promise<{ held: HeldMessage; ticket: Ticket }> {
  const [held, ticket] = await Promise.all([
    deps.tickets.getHeld(reference, id),
    deps.tickets.getTicket(reference),
  ]);
  // A waiting held message past its expiry is gone (issue 13 §5), even before the TTL deletes it.
  const expired = held?.status === 'held' && isSuspensionExpired(held, deps.clock.now());
  if (!held || !ticket || expired) {
    throw new NotFoundError(`no held message "${id}" on ticket ${reference}`, {
      hint: 'take the id from the ticket view (held) or GET /api/suspended',
    });
  }
  if (!agent.desks.includes(ticket.desk) && !agent.desks.includes(held.deskId)) {
    throw new ForbiddenError(`ticket ${reference} is at desk ${ticket.desk}, not one of ${agent.id}'s`);
  }
  if (held.status !== 'held') throw alreadyDecided(reference, id, held);
  return { held, ticket };
}

function alreadyDecided(reference: string, id: string, held?: HeldMessage): ConflictError {
  const how = held ? ` (${held.status === 'accepted' ? 'accepted' : 'rejected'} by ${held.decidedBy})` : '';
  return new ConflictError(`the held message ${id} of ${reference} was already decided${how}`, {
    hint: 'reload the ticket',
  });
}
