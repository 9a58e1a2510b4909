import type { Agent } from '../domain/desk/agent';
import type { ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { ConflictError, NotFoundError } from '../domain/errors';
import { isSuspensionExpired } from '../domain/mail/suspension';
import { type TicketSla, ticketSla } from '../domain/sla/sla-status';
import type { Ticket } from '../domain/ticket/ticket';
import {
  agentEvent,
  applyTicketAction,
  assertMayAct,
  type TicketAction,
  type TicketChange,
} from '../domain/ticket/ticket-actions';
import type { AgentTicketStore, TicketView } from '../ports/agent-ticket-store';
import type { AttachmentLinks } from '../ports/attachment-links';
import type { Clock } from '../ports/clock';

export type WorkTicketDeps = {
  config: ServiceDeskConfig;
  clock: Clock;
  store: AgentTicketStore;
  /** Optimistic rounds when someone else (intake, watcher) changed the ticket meanwhile. */
  maxAttempts?: number;
};

const DEFAULT_ATTEMPTS = 5;

/**
 * One agent action, as one conditional write on the version read. When the write loses a race the
 * ticket is read again and the rule decided again: if the other writer was the SLA watcher or a
 * client's follow-up, the action still applies; if it was another agent (a second claim), the rule
 * now refuses with ConflictError (409). Nothing is ever written over someone else's change.
 */
export async function actOnTicket(
  reference: string,
  action: TicketAction,
  agent: Agent,
  deps: WorkTicketDeps,
): Promise<{ ticket: Ticket; sla: TicketSla; changed: boolean }> {
  const attempts = deps.maxAttempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const ticket = await requireTicket(reference, deps.store);
    const now = deps.clock.now();
    const change: TicketChange | null = applyTicketAction(ticket, action, {
      now,
      agent,
      config: deps.config,
    });
    if (!change) return { ticket, sla: ticketSla(ticket, now, deps.config), changed: false };
    const written = await deps.store.updateTicket({
      ticket: change.ticket,
      expectedVersion: ticket.version,
      events: change.events,
    });
    if (written === 'updated')
      return { ticket: change.ticket, sla: ticketSla(change.ticket, now, deps.config), changed: true };
  }
  throw new ConflictError(`ticket ${reference} kept changing while ${agent.id} tried to ${action.type} it`, {
    hint: 'reload the ticket and try again',
  });
}

/** An internal note: an audit event only, the ticket itself is not rewritten (no race to lose). */
export async function addNote(
  reference: string,
  text: string,
  agent: Agent,
  deps: WorkTicketDeps,
): Promise<void> {
  const ticket = await requireTicket(reference, deps.store);
  assertMayAct(ticket, agent);
  const added = await deps.store.appendEvent(
    agentEvent(reference, 'note-added', deps.clock.now(), agent.id, { text }),
  );
  if (!added) throw new NotFoundError(`ticket ${reference} does not exist`);
}

export type TicketDetails = TicketView & { sla: TicketSla };

export async function getTicketDetails(reference: string, deps: WorkTicketDeps): Promise<TicketDetails> {
  const view = await deps.store.getTicketView(reference);
  if (!view) throw notFound(reference);
  const events = [...view.events].sort((a, b) => a.at.localeCompare(b.at));
  const now = deps.clock.now();
  // A held message past its expiry is gone (issue 13 §5), even before the table's TTL deletes it.
  const held = view.held.filter((h) => h.status !== 'held' || !isSuspensionExpired(h, now));
  return { ...view, events, held, sla: ticketSla(view.ticket, now, deps.config) };
}

/**
 * A short-lived link to one attachment of a ticket's message. Only an attachment the ticket holds
 * can be linked (no arbitrary key from the client), and only once its body is stored.
 */
export async function attachmentLink(
  input: { reference: string; messageId: string; sha256: string },
  deps: WorkTicketDeps & { links: AttachmentLinks },
): Promise<{ url: string; expiresAt: string; filename: string }> {
  const view = await deps.store.getTicketView(input.reference);
  if (!view) throw notFound(input.reference);
  const message = view.messages.find((m) => m.id === input.messageId);
  const attachment = message?.attachments.find((a) => a.sha256 === input.sha256);
  if (!message || !attachment)
    throw new NotFoundError(`ticket ${input.reference} has no such attachment`, {
      hint: 'take the message id and sha256 from GET /api/tickets/{ref}',
    });
  if (!message.attachmentsStored)
    throw new ConflictError(`the attachments of this message are not stored yet`, {
      hint: message.attachmentsSkipped
        ? 'the message was over the size limit: its attachments are only in the raw mail'
        : 'the intake is still storing them: try again in a minute',
    });
  const link = await deps.links.link({
    key: attachment.key,
    filename: attachment.filename,
    contentType: attachment.contentType,
  });
  return { ...link, filename: attachment.filename };
}

async function requireTicket(reference: string, store: AgentTicketStore): Promise<Ticket> {
  const ticket = await store.getTicket(reference);
  if (!ticket) throw notFound(reference);
  return ticket;
}

function notFound(reference: string): NotFoundError {
  return new NotFoundError(`ticket ${reference} does not exist`, {
    hint: 'check the reference (EXO-YYYY-NNNNNN)',
  });
}
