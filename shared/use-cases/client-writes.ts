import { createHash } from 'node:crypto';
import { clientActions, openPriorityQuestions, portalAnswerEvidence } from '../domain/client/client-view';
import type { PriorityLevel } from '../domain/desk/service-desk-config';
import { deskById } from '../domain/desk/service-desk-config';
import { ConflictError, TransientError } from '../domain/errors';
import { NOT_CHECKED_VERDICTS, type Receipt } from '../domain/mail/receipt';
import { applyClientReply } from '../domain/ticket/client-reply';
import { normaliseReplyText } from '../domain/ticket/reply-mail';
import type { AuditEvent, Ticket } from '../domain/ticket/ticket';
import { agentEvent } from '../domain/ticket/ticket-actions';
import type { UncertainFact } from '../domain/triage/priority';
import type { ClientSession } from '../ports/client-access-store';
import type { ComposePortalMail } from '../ports/mail-composer';
import { type ClientPortalDeps, ticketOfSession } from './client-portal';
import { type ClientUploadDeps, loadClientUploads } from './client-uploads';
import { type IntakeDependencies, intakeEmail } from './intake-email';

/**
 * The client portal's writes (docs/client-portal.md, "Writing"), each on a ticket the session may see:
 * - a message takes the e-mail follow-up's own path: it is composed as the mail the client would have
 *   sent and handed to the intake (resumes a ticket waiting on the client, reopens within 7 days, a
 *   `Priorité :` line applies, audited; the idempotency key makes its Message-ID: a retry is a duplicate);
 * - a declared level goes through the same rule as a `Priorité :` line (never over an agent's choice);
 * - « Oui » / « Non » to one of the acknowledgement's priority questions is applied as the same answer
 *   in a reply would be (issue 11);
 * - "C'est résolu, merci" closes a resolved ticket.
 */
export type ClientWriteDeps = ClientPortalDeps & {
  intake: IntakeDependencies;
  composeMail: ComposePortalMail;
  files: ClientUploadDeps;
};

const MAX_ROUNDS = 5;

/** Who writes: the session's address (an address session) or the ticket's requester (a ticket's link). */
function writerOf(session: ClientSession, ticket: Ticket): { name: string; address: string } {
  if (session.kind === 'address') {
    const isRequester = ticket.requester?.address.toLowerCase() === session.email;
    return { name: isRequester ? (ticket.requester?.name ?? '') : '', address: session.email };
  }
  if (!ticket.requester) throw new ConflictError('Cette demande ne peut pas recevoir de message du portail.');
  return ticket.requester;
}

export async function addClientMessage(
  session: ClientSession,
  reference: string,
  input: { text: string; idempotencyKey: string; uploads?: readonly string[] },
  deps: ClientWriteDeps,
): Promise<{ id: string; at: string }> {
  const { ticket } = await ticketOfSession(session, reference, deps);
  if (!clientActions(ticket).reply)
    throw new ConflictError(
      'Cette demande est fermée : écrivez-nous par e-mail pour en ouvrir une nouvelle.',
    );
  const desk = deskById(deps.config, ticket.desk);
  if (!desk) throw new ConflictError('Cette demande ne peut pas recevoir de message pour le moment.');
  const text = normaliseReplyText(input.text);
  if (text === '') throw new ConflictError('Le message est vide.');
  const digest = createHash('sha256')
    .update(`${reference}\0${input.idempotencyKey}`)
    .digest('hex')
    .slice(0, 40);
  const messageId = `<portal-${digest}@portal.exodata.invalid>`;
  // Verified before anything is recorded: a refused file is deleted and the message is not taken.
  const files = await loadClientUploads(ticket.reference, input.uploads ?? [], deps.files);
  const now = deps.clock.now();
  const raw = await deps.composeMail({
    from: writerOf(session, ticket),
    to: desk.address,
    subject: `[${ticket.reference}] ${ticket.subject}`,
    text,
    messageId,
    date: now,
    attachments: files.files,
  });
  const receipt: Receipt = {
    receivedAt: now.toISOString(),
    recipients: [desk.address],
    envelopeFrom: writerOf(session, ticket).address,
    // The session proved the sender (the ticket's link or the mailbox): no SES verdicts here.
    verdicts: NOT_CHECKED_VERDICTS,
    dmarcPolicy: null,
    channel: 'portal',
    deliveryId: digest,
  };
  const result = await intakeEmail(raw, receipt, deps.intake);
  const where = result.reference ?? reference;
  const view = await deps.tickets.getTicketView(where);
  const stored = view?.messages.find((m) => m.messageId === messageId);
  if (!stored) throw new TransientError(`the portal message on ${reference} is not readable yet`);
  // The files now live as the message's attachments (attachments/…): the uploads are no longer needed.
  await Promise.all(files.keys.map((key) => deps.files.uploads.delete(key)));
  return { id: stored.id, at: stored.receivedAt };
}

/** The `Priorité :` rule from the portal: applied like a declared level in a reply; an agent's choice stands (409). */
export async function declareClientPriority(
  session: ClientSession,
  reference: string,
  level: PriorityLevel,
  deps: ClientWriteDeps,
): Promise<Ticket> {
  return writeTicket(session, reference, deps, (ticket, now) => {
    if (ticket.priority.source === 'agent')
      throw new ConflictError(
        'Notre équipe a fixé la priorité de cette demande : écrivez-nous un message si elle ne convient pas.',
      );
    if (!clientActions(ticket).declarePriority)
      throw new ConflictError('La priorité ne peut plus être modifiée sur cette demande.');
    if (ticket.priority.level === level) return null;
    return applyClientReply(
      ticket,
      {
        kind: 'follow-up',
        allowedSender: writerOf(session, ticket).address,
        declaration: { level, phrase: `Priorité : ${level} (portail client)`, where: 'body' },
      },
      { now, config: deps.config },
    );
  });
}

/**
 * One click on « Oui » / « Non » under an open priority question (issue 11): applied as a plain answer in a
 * reply is (applyClientReply: the level recomputed from the stored facts, clocks re-targeted and a
 * `priority-changed` event when it moves; a `priority-answered` event when it stays). A question that is
 * not open — already answered (a double click, a second tab), the level fixed by an agent or declared,
 * the ticket resolved or closed — is a 409 and changes nothing: an answer is applied at most once.
 */
export async function answerClientPriorityQuestion(
  session: ClientSession,
  reference: string,
  input: { fact: UncertainFact; answer: boolean },
  deps: ClientWriteDeps,
): Promise<Ticket> {
  return writeTicket(session, reference, deps, (ticket, now) => {
    if (!openPriorityQuestions(ticket).includes(input.fact)) throw new ConflictError(notOpen(ticket));
    const actor = writerOf(session, ticket).address;
    const evidence = portalAnswerEvidence(ticket.language, input.fact, input.answer);
    const change = applyClientReply(
      ticket,
      {
        kind: 'follow-up',
        allowedSender: actor,
        declaration: null,
        answer: { answers: { [input.fact]: input.answer }, evidence: [evidence] },
      },
      { now, config: deps.config },
    );
    // A level that moved is audited by applyClientReply (`priority-changed`, with the evidence); one that
    // stayed still needs a trace: a mailed answer is a stored message, a click is nothing else.
    if (change.events.some((e) => e.type === 'priority-changed')) return change;
    const answered = agentEvent(ticket.reference, 'priority-answered', now, actor, {
      fact: input.fact,
      answer: input.answer,
      evidence,
      level: change.ticket.priority.level,
      settled: change.ticket.priority.confidence !== 'low',
      channel: 'portal',
    });
    return { ticket: change.ticket, events: [...change.events, answered] };
  });
}

/** Why a question cannot be answered any more, in the words the page shows. */
function notOpen(ticket: Ticket): string {
  if (ticket.priority.source === 'agent')
    return 'Notre équipe a fixé la priorité de cette demande : écrivez-nous un message si elle ne convient pas.';
  if (ticket.status === 'résolu' || ticket.status === 'fermé')
    return 'Cette demande est résolue : sa priorité ne peut plus être modifiée.';
  return "Cette question n'est plus ouverte : la priorité de cette demande est déjà à jour.";
}

/** "C'est résolu, merci": a resolved ticket becomes closed (its link works 30 more days); else 409. */
export async function confirmResolved(
  session: ClientSession,
  reference: string,
  deps: ClientWriteDeps,
): Promise<Ticket> {
  return writeTicket(session, reference, deps, (ticket, now) => {
    if (ticket.status === 'fermé') return null;
    if (ticket.status !== 'résolu')
      throw new ConflictError("Cette demande n'est pas résolue : elle ne peut pas être fermée.");
    const actor = writerOf(session, ticket).address;
    return {
      ticket: { ...ticket, status: 'fermé', closedAt: now.toISOString() },
      events: [agentEvent(reference, 'ticket-closed', now, actor, { by: 'client', channel: 'portal' })],
    };
  });
}

/**
 * A client's write on a ticket the session may see, under optimistic concurrency: `change` reads the
 * ticket as it is now and returns what to write (null: nothing to change, the ticket is answered as it
 * is; a ConflictError refuses). Another write in between makes it read the ticket again and decide anew,
 * at most MAX_ROUNDS times, so a change is never applied over one it did not see.
 */
async function writeTicket(
  session: ClientSession,
  reference: string,
  deps: ClientWriteDeps,
  change: (ticket: Ticket, now: Date) => { ticket: Ticket; events: AuditEvent[] } | null,
): Promise<Ticket> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { ticket } = await ticketOfSession(session, reference, deps);
    const now = deps.clock.now();
    const decided = change(ticket, now);
    if (decided === null) return ticket;
    const next = { ...decided.ticket, updatedAt: now.toISOString(), version: ticket.version + 1 };
    const written = await deps.tickets.updateTicket({
      ticket: next,
      expectedVersion: ticket.version,
      events: decided.events,
    });
    if (written === 'updated') return next;
  }
  throw new TransientError(`ticket ${reference} kept changing`);
}
