import type { Agent } from '../domain/desk/agent';
import { ConflictError, NotFoundError } from '../domain/errors';
import { isSuspensionExpired } from '../domain/mail/suspension';
import type { Ticket, TicketMessage } from '../domain/ticket/ticket';
import { agentEvent, ForbiddenError } from '../domain/ticket/ticket-actions';
import { NO_WORK } from '../domain/ticket/ticket-work';
import { attachmentsOf, buildDelivery, buildMessage, buildRecord, buildTicket } from './intake-records';
import { replayStoredMail, type StoredMailDeps } from './replay-stored-mail';
import { putAttachments, storeAttachments } from './store-attachments';
import { alreadyHandled } from './suspended-messages';

export type ConvertSuspendedDeps = StoredMailDeps;

/**
 * An agent turns a suspended message (automated mail, spam verdict) into a ticket. The raw mail is
 * parsed and triaged again and the ticket is built by the intake's own builders and committed by the
 * intake's `createTicket` (same reference counter, same atomic step), which also moves the
 * message's Message-ID record from `suspended` to the new ticket: a second conversion, or a later
 * redelivery of the message, finds it already done (409 / duplicate). The clocks start at the
 * original receipt (service-desk.md rule 1). No acknowledgement is sent: the message came from a
 * robot or looked like spam, and answering robots loops mail; the agent contacts the client.
 */
export async function convertSuspended(
  id: string,
  agent: Agent,
  deps: ConvertSuspendedDeps,
): Promise<{ ticket: Ticket; message: TicketMessage }> {
  const suspended = await deps.tickets.getSuspended(id);
  // Past its expiry it is gone (issue 13 §5), even before the table's TTL deletes it.
  if (!suspended || isSuspensionExpired(suspended, deps.clock.now()))
    throw new NotFoundError(`no suspended message "${id}"`, { hint: 'take the id from GET /api/suspended' });
  if (!agent.desks.includes(suspended.deskId))
    throw new ForbiddenError(
      `the suspended message ${id} is at desk ${suspended.deskId}, not one of ${agent.id}'s`,
    );
  // Dismissed ("Ignorer"): the store's condition refuses it too, when the two race.
  if (suspended.dismissedAt !== undefined) throw alreadyHandled(id, suspended);
  const ctx = await replayStoredMail(suspended, deps);
  const { parsed, now } = ctx;
  // Before the commit, as the intake does: the message is committed with its bodies stored.
  const attachmentsStored = await putAttachments(attachmentsOf(ctx), ctx, deps);
  const year = new Date(suspended.receipt.receivedAt).getUTCFullYear();
  const created = await deps.tickets.createTicket(
    year,
    (reference) => {
      const built = buildTicket(reference, ctx, {
        acknowledgement: { state: 'suppressed', reason: `converted from a suspended message by ${agent.id}` },
        machineAlert: false,
        linkedTo: null,
        mentionedReference: null,
      });
      // The agent who converts it owns it; the desk is the one the message was suspended at.
      const ticket: Ticket = {
        ...built,
        desk: suspended.deskId,
        work: { ...NO_WORK, assignee: { agentId: agent.id, name: agent.name, since: now.toISOString() } },
      };
      const message = {
        ...buildMessage(reference, ctx, 'initial', attachmentsStored),
        deskId: suspended.deskId,
      };
      return {
        ticket,
        message,
        record: buildRecord(ctx, 'ticket-created', {
          deskId: suspended.deskId,
          reference,
          ticketMessageId: message.id,
        }),
        delivery: buildDelivery(suspended.receipt, suspended.rawKey, now, 'ticket-created', {
          reference,
          deskId: suspended.deskId,
          messageId: parsed.email.messageId,
        }),
        events: [
          agentEvent(reference, 'ticket-created', now, agent.id, {
            convertedFrom: suspended.id,
            suspendedReason: suspended.reason,
            priority: ticket.priority.level,
          }),
          agentEvent(reference, 'acknowledgement-suppressed', now, agent.id, {
            reason: ticket.acknowledgement.reason,
          }),
        ],
        convertsSuspended: { id: suspended.id, by: agent.id },
      };
    },
    { deskId: suspended.deskId, messageId: parsed.email.messageId, token: ctx.commitToken },
  );
  if (created.status === 'duplicate')
    throw new ConflictError(
      created.record.reference
        ? `the suspended message ${id} is already ticket ${created.record.reference}`
        : `the suspended message ${id} was handled meanwhile (${created.record.outcome})`,
      { hint: 'reload the list of suspended messages' },
    );
  // A body missing before the commit: tried again, then the message is marked stored.
  await storeAttachments(created.commit.message, ctx, deps);
  return { ticket: created.commit.ticket, message: created.commit.message };
}
