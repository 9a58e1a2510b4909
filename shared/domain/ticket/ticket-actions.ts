import type { Agent } from '../desk/agent';
import { deskById, type ServiceDeskConfig } from '../desk/service-desk-config';
import { ConflictError, ExodataError, InputError } from '../errors';
import { serviceCalendar } from '../sla/calendar';
import { recomputeAfterPriorityChange, resumeGtr } from '../sla/sla';
import { isOpen } from '../sla/sla-status';
import type { AuditEvent, AuditEventType, Ticket } from './ticket';
import type { TicketAction } from './ticket-action-schema';
import { type TicketWork, workOf } from './ticket-work';

/** The agent is signed in but not a member of a desk that may act on this ticket. */
export class ForbiddenError extends ExodataError {
  readonly code = 'FORBIDDEN';
}

// The API's request bodies (TicketActionSchema, NoteSchema) live in ticket-action-schema.ts: only the agent
// API parses them, and the intake, which imports this module for a client reply's effects, would build
// their ~50 zod schemas at every cold start for nothing.
export type { TicketAction } from './ticket-action-schema';

export type ActionContext = { now: Date; agent: Agent; config: ServiceDeskConfig };

/** The ticket as it must be written (version + 1) and the audit events that go with it. */
export type TicketChange = { ticket: Ticket; events: AuditEvent[] };

/** An agent acts on the tickets of their desks: the ticket's own desk or the desk now on duty for it. */
export function assertMayAct(ticket: Ticket, agent: Agent): void {
  if (agent.desks.includes(ticket.desk) || agent.desks.includes(ticket.deskOnDuty.deskId)) return;
  throw new ForbiddenError(
    `${agent.id} belongs to ${agent.desks.join(', ') || 'no desk'}; ticket ${ticket.reference} is handled by ${ticket.deskOnDuty.deskId}`,
    { hint: `an administrator adds the agent to the Cognito group "${ticket.deskOnDuty.deskId}"` },
  );
}

/**
 * Applies one action. Returns null when the ticket already is as asked (claiming one's own ticket):
 * nothing to write. Throws ConflictError when the ticket's state forbids the action (the API's 409),
 * InputError when the request itself is wrong (400).
 */
export function applyTicketAction(
  ticket: Ticket,
  action: TicketAction,
  ctx: ActionContext,
): TicketChange | null {
  assertMayAct(ticket, ctx.agent);
  switch (action.type) {
    case 'claim':
      return claim(ticket, ctx);
    case 'release':
      return release(ticket, ctx);
    case 'first-contact':
      return firstContact(ticket, action, ctx);
    case 'wait':
      return waitOnClient(ticket, action.reason ?? null, ctx);
    case 'resume':
      return resume(ticket, ctx);
    case 'resolve':
      return resolve(ticket, action.summary, ctx);
    case 'reopen':
      return reopen(ticket, action.reason, ctx);
    case 'priority':
      return changePriority(ticket, action.level, action.reason, ctx);
  }
}

function claim(ticket: Ticket, ctx: ActionContext): TicketChange | null {
  requireOpen(ticket, 'claim');
  const work = workOf(ticket);
  if (work.assignee?.agentId === ctx.agent.id) return null;
  if (work.assignee)
    throw new ConflictError(
      `ticket ${ticket.reference} is already claimed by ${work.assignee.name} since ${work.assignee.since}`,
      { hint: 'ask them to release it, or pick another ticket' },
    );
  return change(
    ticket,
    ctx,
    {
      work: { ...work, assignee: assigneeOf(ctx) },
      status: ticket.status === 'nouveau' ? 'en cours' : ticket.status,
    },
    [['ticket-claimed', { status: ticket.status }]],
  );
}

function release(ticket: Ticket, ctx: ActionContext): TicketChange {
  const work = workOf(ticket);
  if (work.assignee?.agentId !== ctx.agent.id)
    throw new ConflictError(
      work.assignee
        ? `ticket ${ticket.reference} is claimed by ${work.assignee.name}, not by you`
        : `ticket ${ticket.reference} is not claimed`,
      { hint: 'only the agent who claimed a ticket releases it' },
    );
  return change(ticket, ctx, { work: { ...work, assignee: null } }, [['ticket-released', {}]]);
}

function firstContact(
  ticket: Ticket,
  action: Extract<TicketAction, { type: 'first-contact' }>,
  ctx: ActionContext,
): TicketChange {
  requireOpen(ticket, 'record a first contact on');
  const work = workOf(ticket);
  if (work.firstContact)
    throw new ConflictError(
      `the first contact of ticket ${ticket.reference} was already recorded at ${work.firstContact.at}`,
      { hint: 'add an internal note for later contacts' },
    );
  const at = action.at ? new Date(action.at) : ctx.now;
  if (at.getTime() > ctx.now.getTime())
    throw new InputError(`the contact time ${action.at} is in the future`, { hint: 'omit "at" to mean now' });
  if (at.getTime() < Date.parse(ticket.receivedAt))
    throw new InputError(
      `the contact time ${action.at} is before the ticket was received (${ticket.receivedAt})`,
    );
  const gtiMet = at.getTime() <= Date.parse(ticket.gtiDueAt);
  return change(
    ticket,
    ctx,
    {
      work: {
        ...work,
        // Whoever contacts an unclaimed ticket takes it: the client now talks to them.
        assignee: work.assignee ?? assigneeOf(ctx),
        firstContact: {
          at: at.toISOString(),
          channel: action.channel,
          agentId: ctx.agent.id,
          gtiMet,
          implicit: false,
        },
      },
      // Stryker disable next-line ConditionalExpression: with no first contact yet the ticket cannot be `en attente client` (waitOnClient requires one, and nothing removes it), so the other open status is `en cours` already
      status: ticket.status === 'nouveau' ? 'en cours' : ticket.status,
    },
    [
      [
        'first-contact',
        {
          channel: action.channel,
          contactAt: at.toISOString(),
          gtiDueAt: ticket.gtiDueAt,
          gtiMet,
          note: action.note ?? null,
        },
      ],
    ],
  );
}

function waitOnClient(ticket: Ticket, reason: string | null, ctx: ActionContext): TicketChange {
  if (ticket.status === 'en attente client')
    throw new ConflictError(`ticket ${ticket.reference} is already waiting on the client`);
  requireOpen(ticket, 'put on hold');
  const work = workOf(ticket);
  if (!work.firstContact)
    throw new ConflictError(
      `ticket ${ticket.reference} has no first contact yet: the client was never asked`,
      {
        hint: 'record the first contact (POST …/first-contact) before waiting on the client',
      },
    );
  return change(
    ticket,
    ctx,
    {
      status: 'en attente client',
      work: {
        ...work,
        pause: { since: ctx.now.toISOString(), agentId: ctx.agent.id, messageCount: ticket.messageCount },
      },
    },
    [['waiting-on-client', { reason, gtrDueAt: ticket.gtrDueAt }]],
  );
}

function resume(ticket: Ticket, ctx: ActionContext): TicketChange {
  if (ticket.status !== 'en attente client')
    throw new ConflictError(`ticket ${ticket.reference} is ${ticket.status}, not waiting on the client`);
  const resumed = resumedClock(ticket, ctx);
  return change(ticket, ctx, { status: 'en cours', gtrDueAt: resumed.gtrDueAt, work: resumed.work }, [
    ['ticket-resumed', resumedDetail(ticket, resumed)],
  ]);
}

/** The `ticket-resumed` event's detail: how long the pause counted and where the GTR went. */
export function resumedDetail(
  ticket: Ticket,
  resumed: { gtrDueAt: string; pausedOpenMinutes: number },
): AuditEvent['detail'] {
  return {
    pausedSince: workOf(ticket).pause?.since ?? null,
    pausedOpenMinutes: round(resumed.pausedOpenMinutes),
    previousGtrDueAt: ticket.gtrDueAt,
    gtrDueAt: resumed.gtrDueAt,
  };
}

function resolve(ticket: Ticket, summary: string, ctx: ActionContext): TicketChange {
  requireOpen(ticket, 'resolve');
  // Stryker disable next-line ConditionalExpression: only waitOnClient sets a pause, with this status, and every way out of the status clears it; resumedClock of a ticket without a pause changes nothing
  const paused = ticket.status === 'en attente client';
  const { gtrDueAt, work } = paused
    ? resumedClock(ticket, ctx)
    : { gtrDueAt: ticket.gtrDueAt, work: workOf(ticket) };
  const now = ctx.now.toISOString();
  const gtrMet = ctx.now.getTime() <= Date.parse(gtrDueAt);
  // The resolution reaches the client: with no contact logged before, it is the first contact.
  const firstContact = work.firstContact ?? {
    at: now,
    channel: 'other' as const,
    agentId: ctx.agent.id,
    gtiMet: ctx.now.getTime() <= Date.parse(ticket.gtiDueAt),
    implicit: true,
  };
  return change(
    ticket,
    ctx,
    {
      status: 'résolu',
      resolvedAt: now,
      gtrDueAt,
      work: {
        ...work,
        assignee: work.assignee ?? assigneeOf(ctx),
        firstContact,
        resolution: { at: now, agentId: ctx.agent.id, gtrMet, summary },
      },
    },
    [['ticket-resolved', { gtrDueAt, gtrMet, summary, firstContactImplicit: work.firstContact === null }]],
  );
}

function reopen(ticket: Ticket, reason: string, ctx: ActionContext): TicketChange {
  if (ticket.status === 'fermé')
    throw new ConflictError(`ticket ${ticket.reference} is closed, and a closed ticket is final`, {
      hint: 'a new message from the client opens a new ticket linked to it',
    });
  if (ticket.status !== 'résolu')
    throw new ConflictError(`ticket ${ticket.reference} is ${ticket.status}: it is not resolved`);
  const work = workOf(ticket);
  // Deadlines are kept as they were (service-desk.md rule 8, as the intake does on a client's reopening).
  const reopenedAt = [...(ticket.reopenedAt ?? []), ctx.now.toISOString()];
  return change(
    ticket,
    ctx,
    { status: 'en cours', resolvedAt: null, reopenedAt, work: { ...work, resolution: null } },
    [['ticket-reopened', { reason, previousResolution: work.resolution?.at ?? ticket.resolvedAt }]],
  );
}

function changePriority(
  ticket: Ticket,
  level: Ticket['priority']['level'],
  reason: string,
  ctx: ActionContext,
): TicketChange {
  requireOpen(ticket, 'change the priority of');
  if (ticket.priority.level === level)
    throw new InputError(`ticket ${ticket.reference} already has priority ${level}`);
  const { gtiDueAt, gtrDueAt, work } = retargetedClocks(ticket, level, ctx.config);
  return change(
    ticket,
    ctx,
    {
      priority: { ...ticket.priority, level, source: 'agent' },
      gtiDueAt,
      gtrDueAt,
      work,
      // The agent decided: a client's pending request for another level is answered.
      ...(ticket.flags.priorityChangeRequested
        ? { flags: { ...ticket.flags, priorityChangeRequested: false } }
        : {}),
    },
    [
      [
        'priority-changed',
        {
          from: ticket.priority.level,
          to: level,
          reason,
          previousGtiDueAt: ticket.gtiDueAt,
          previousGtrDueAt: ticket.gtrDueAt,
          gtiDueAt,
          gtrDueAt,
        },
      ],
    ],
  );
}

/**
 * Both clocks re-targeted for a new level from the receipt (rule 8: never restarted); GTR time spent
 * paused still extends the GTR, and a first contact is judged again against the new GTI. Shared by
 * the agent's action and the client's correction in a reply (client-reply.ts).
 */
export function retargetedClocks(
  ticket: Ticket,
  level: Ticket['priority']['level'],
  config: ServiceDeskConfig,
): { gtiDueAt: string; gtrDueAt: string; work: TicketWork } {
  const desk = deskById(config, ticket.desk);
  if (!desk)
    throw new InputError(`ticket ${ticket.reference} is on desk "${ticket.desk}", which is not configured`);
  const work = workOf(ticket);
  const deadlines = recomputeAfterPriorityChange({
    receivedAt: new Date(ticket.receivedAt),
    desk,
    contract: ticket.contract,
    priority: level,
    gtrPausedOpenMinutes: work.gtrPausedOpenMinutes,
  });
  const firstContact = work.firstContact
    ? { ...work.firstContact, gtiMet: Date.parse(work.firstContact.at) <= deadlines.gtiDueAt.getTime() }
    : null;
  return {
    gtiDueAt: deadlines.gtiDueAt.toISOString(),
    gtrDueAt: deadlines.gtrDueAt.toISOString(),
    work: { ...work, firstContact },
  };
}

/**
 * The GTR deadline and work state once a pause ends now (rule 7: paused open time is added). Shared
 * by the agent's resume and the client's reply that resumes the ticket (client-reply.ts).
 */
export function resumedClock(
  ticket: Ticket,
  ctx: Pick<ActionContext, 'now' | 'config'>,
): { gtrDueAt: string; work: TicketWork; pausedOpenMinutes: number } {
  const work = workOf(ticket);
  const desk = deskById(ctx.config, ticket.desk);
  if (!work.pause || !desk)
    return { gtrDueAt: ticket.gtrDueAt, work: { ...work, pause: null }, pausedOpenMinutes: 0 };
  const pausedAt = new Date(work.pause.since);
  const gtrDueAt = resumeGtr({
    gtrDueAt: new Date(ticket.gtrDueAt),
    pausedAt,
    resumedAt: ctx.now,
    desk,
    contract: ticket.contract,
  });
  const pausedOpenMinutes = serviceCalendar(desk, ticket.contract).openMinutesBetween(pausedAt, ctx.now);
  const counted = gtrDueAt.getTime() === Date.parse(ticket.gtrDueAt) ? 0 : pausedOpenMinutes;
  return {
    gtrDueAt: gtrDueAt.toISOString(),
    work: { ...work, pause: null, gtrPausedOpenMinutes: work.gtrPausedOpenMinutes + counted },
    pausedOpenMinutes: counted,
  };
}

function requireOpen(ticket: Ticket, what: string): void {
  if (!isOpen(ticket))
    throw new ConflictError(`cannot ${what} ticket ${ticket.reference}: it is ${ticket.status}`, {
      hint: ticket.status === 'résolu' ? 'reopen it first' : undefined,
    });
}

function assigneeOf(ctx: ActionContext): NonNullable<TicketWork['assignee']> {
  return { agentId: ctx.agent.id, name: ctx.agent.name, since: ctx.now.toISOString() };
}

type EventSpec = [AuditEventType, AuditEvent['detail']];

function change(
  ticket: Ticket,
  ctx: ActionContext,
  patch: Partial<Ticket>,
  events: EventSpec[],
): TicketChange {
  return {
    ticket: { ...ticket, ...patch, updatedAt: ctx.now.toISOString(), version: ticket.version + 1 },
    events: events.map(([type, detail]) => agentEvent(ticket.reference, type, ctx.now, ctx.agent.id, detail)),
  };
}

export function agentEvent(
  reference: string,
  type: AuditEventType,
  at: Date,
  actor: string,
  detail: AuditEvent['detail'],
): AuditEvent {
  return { reference, at: at.toISOString(), type, actor, detail };
}

function round(minutes: number): number {
  return Math.round(minutes * 100) / 100;
}
