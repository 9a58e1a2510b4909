import type { ServiceDeskConfig } from '../desk/service-desk-config';
import { isOpen } from '../sla/sla-status';
import { levelsDisagree } from '../triage/priority';
import type { Declaration } from '../triage/priority-declared';
import type { AuditEvent, MessageKind, Ticket } from './ticket';
import { agentEvent, resumedClock, resumedDetail, retargetedClocks } from './ticket-actions';

/** What a person's message on a ticket may change, beyond being stored on it. */
export type ClientReply = {
  kind: MessageKind;
  /**
   * The sender, lower-case, when they may write into the ticket (its requester, a participant, its
   * client: mayFollowUpByReference, checked on the ticket as it was before this message); else null.
   */
  allowedSender: string | null;
  /** The level the reply declares (declaredInReply), or null. */
  declaration: Declaration | null;
};

const RESUMED_BY_CLIENT = 'resumed by client reply';
const DECLARED_IN_REPLY = 'declared by the client in a reply';

/**
 * The effects of a client's reply on the ticket it was stored on, applied to the ticket as the
 * follow-up leaves it (same version: one conditional write with the message):
 * - on `en attente client`, the client answered: the ticket resumes (rule 7, as an agent's resume);
 * - a declared level different from the ticket's re-targets both clocks from the receipt (as an
 *   agent's priority change), unless an agent set the level: then the request is recorded and flagged.
 * Automated mail, a sender who may not write into the ticket and inferred levels change nothing
 * (rule 8: a follow-up never resets the clocks).
 */
export function applyClientReply(
  ticket: Ticket,
  reply: ClientReply,
  ctx: { now: Date; config: ServiceDeskConfig },
): { ticket: Ticket; events: AuditEvent[] } {
  const actor = reply.allowedSender;
  if (reply.kind === 'automated' || actor === null) return { ticket, events: [] };
  let next = ticket;
  const events: AuditEvent[] = [];
  const event = (type: AuditEvent['type'], detail: AuditEvent['detail']) =>
    events.push(agentEvent(ticket.reference, type, ctx.now, actor, detail));

  if (next.status === 'en attente client') {
    const resumed = resumedClock(next, ctx);
    event('ticket-resumed', { reason: RESUMED_BY_CLIENT, ...resumedDetail(next, resumed) });
    next = { ...next, status: 'en cours', gtrDueAt: resumed.gtrDueAt, work: resumed.work };
  }

  const declared = reply.declaration;
  if (declared && declared.level !== next.priority.level && isOpen(next)) {
    if (next.priority.source === 'agent') {
      event('priority-change-requested', {
        reason: `client asked for ${declared.level}`,
        current: next.priority.level,
        requested: declared.level,
        evidence: declared.phrase,
      });
      next = { ...next, flags: { ...next.flags, priorityChangeRequested: true } };
    } else {
      const clocks = retargetedClocks(next, declared.level, ctx.config);
      event('priority-changed', {
        from: next.priority.level,
        to: declared.level,
        reason: DECLARED_IN_REPLY,
        evidence: declared.phrase,
        previousGtiDueAt: next.gtiDueAt,
        previousGtrDueAt: next.gtrDueAt,
        gtiDueAt: clocks.gtiDueAt,
        gtrDueAt: clocks.gtrDueAt,
      });
      next = {
        ...next,
        priority: {
          ...next.priority,
          level: declared.level,
          source: 'declared',
          evidence: [declared.phrase],
        },
        gtiDueAt: clocks.gtiDueAt,
        gtrDueAt: clocks.gtrDueAt,
        work: clocks.work,
        flags: {
          ...next.flags,
          priorityDisagreement: levelsDisagree(declared.level, next.priority.inferredLevel),
        },
      };
    }
  }
  return { ticket: next, events };
}
