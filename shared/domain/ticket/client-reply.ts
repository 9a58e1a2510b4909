import type { ServiceDeskConfig } from '../desk/service-desk-config';
import { isOpen } from '../sla/sla-status';
import { levelsDisagree } from '../triage/priority';
import { levelAfterAnswer, type PriorityAnswer } from '../triage/priority-answer';
import type { Declaration } from '../triage/priority-declared';
import type { FactReadings } from '../triage/priority-facts';
import { type AuditEvent, type MessageKind, priorityToConfirm, storedFacts, type Ticket } from './ticket';
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
  /**
   * A plain answer to the acknowledgement's questions on a level still to confirm
   * (readPriorityAnswer: `oui nous sommes 5 bloqués`), or null. A declaration wins over it.
   */
  answer?: PriorityAnswer | null;
};

const RESUMED_BY_CLIENT = 'resumed by client reply';
const DECLARED_IN_REPLY = 'declared by the client in a reply';
export const ANSWERED_IN_REPLY = 'answered by the client in a reply';

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
        // A declared level is the client's own: nothing is left to confirm (no question, no badge).
        priority: {
          ...next.priority,
          level: declared.level,
          source: 'declared',
          evidence: [declared.phrase],
          confidence: 'high',
          uncertain: [],
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
  if (!declared && reply.answer && isOpen(next) && priorityToConfirm(next) && next.priority.facts) {
    next = applyAnswer(next, reply.answer, next.priority.facts, event, ctx);
  }
  return { ticket: next, events };
}

/**
 * The client answered the questions of a level left open: the level is recomputed from the stored
 * facts and the answers; a change re-targets the clocks as a declared level does.
 */
function applyAnswer(
  ticket: Ticket,
  answer: PriorityAnswer,
  facts: FactReadings,
  event: (type: AuditEvent['type'], detail: AuditEvent['detail']) => void,
  ctx: { now: Date; config: ServiceDeskConfig },
): Ticket {
  const after = levelAfterAnswer(facts, answer);
  const priority: Ticket['priority'] = {
    ...ticket.priority,
    confidence: after.uncertain.length > 0 ? 'low' : 'high',
    uncertain: after.uncertain,
    facts: storedFacts(after.readings),
  };
  if (after.level === ticket.priority.level) return { ...ticket, priority };
  const clocks = retargetedClocks(ticket, after.level, ctx.config);
  event('priority-changed', {
    from: ticket.priority.level,
    to: after.level,
    reason: ANSWERED_IN_REPLY,
    evidence: answer.evidence.join(' | '),
    previousGtiDueAt: ticket.gtiDueAt,
    previousGtrDueAt: ticket.gtrDueAt,
    gtiDueAt: clocks.gtiDueAt,
    gtrDueAt: clocks.gtrDueAt,
  });
  return {
    ...ticket,
    priority: {
      ...priority,
      level: after.level,
      inferredLevel: after.level,
      evidence: answer.evidence.slice(0, 5),
    },
    gtiDueAt: clocks.gtiDueAt,
    gtrDueAt: clocks.gtrDueAt,
    work: clocks.work,
  };
}
