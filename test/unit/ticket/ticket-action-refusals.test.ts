import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../shared/domain/desk/agent';
import { ConflictError, type ExodataError, InputError } from '../../../shared/domain/errors';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import {
  type ActionContext,
  applyTicketAction,
  ForbiddenError,
  type TicketAction,
} from '../../../shared/domain/ticket/ticket-actions';
import { alice, aTicket, bob, config, mona, reunionAt } from './fixtures';

const at = (wallClock: string, agent: Agent = alice): ActionContext => ({
  now: reunionAt(wallClock),
  agent,
  config,
});

/** The error an action throws: the API shows its class (status), code and one line (what, then what to do). */
function refusal(ticket: Ticket, action: TicketAction, ctx: ActionContext): ExodataError {
  try {
    applyTicketAction(ticket, action, ctx);
  } catch (error) {
    return error as ExodataError;
  }
  throw new Error(`expected ${action.type} to be refused`);
}

function ticketAfter(ticket: Ticket, steps: Array<[string, TicketAction, Agent?]>): Ticket {
  return steps.reduce((t, [wallClock, action, agent]) => {
    const change = applyTicketAction(t, action, at(wallClock, agent));
    if (!change) throw new Error('expected a change');
    return change.ticket;
  }, ticket);
}

const ref = 'EXO-2026-000042';
const iso = (wallClock: string) => reunionAt(wallClock).toISOString();

describe('Refusals of applyTicketAction: each says what was wrong and what to do', () => {
  it('403: an agent of another desk is told their desks and who to ask', () => {
    const error = refusal(aTicket(), { type: 'claim' }, at('2026-11-30T09:05', mona));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.toUserMessage()).toBe(
      `mona@exodata.fr belongs to martinique; ticket ${ref} is handled by reunion (an administrator adds the agent to the Cognito group "reunion")`,
    );
  });

  it('403: lists every desk of an agent of several, and says "no desk" for an agent of none', () => {
    const twoDesks = { ...mona, desks: ['martinique', 'guadeloupe'] };
    expect(refusal(aTicket(), { type: 'claim' }, at('2026-11-30T09:05', twoDesks)).message).toBe(
      `mona@exodata.fr belongs to martinique, guadeloupe; ticket ${ref} is handled by reunion`,
    );
    const noDesk = { ...mona, desks: [] };
    expect(refusal(aTicket(), { type: 'claim' }, at('2026-11-30T09:05', noDesk)).message).toBe(
      `mona@exodata.fr belongs to no desk; ticket ${ref} is handled by reunion`,
    );
  });

  it('409: a ticket held by someone else, or released by someone who does not hold it', () => {
    const claimed = ticketAfter(aTicket(), [['2026-11-30T09:05', { type: 'claim' }]]);
    const taken = refusal(claimed, { type: 'claim' }, at('2026-11-30T09:06', bob));
    expect(taken).toBeInstanceOf(ConflictError);
    expect(taken.toUserMessage()).toBe(
      `ticket ${ref} is already claimed by Alice Payet since ${iso('2026-11-30T09:05')} (ask them to release it, or pick another ticket)`,
    );
    expect(refusal(claimed, { type: 'release' }, at('2026-11-30T09:06', bob)).toUserMessage()).toBe(
      `ticket ${ref} is claimed by Alice Payet, not by you (only the agent who claimed a ticket releases it)`,
    );
    const unclaimed = refusal(aTicket(), { type: 'release' }, at('2026-11-30T09:06'));
    expect(unclaimed).toBeInstanceOf(ConflictError);
    expect(unclaimed.toUserMessage()).toBe(
      `ticket ${ref} is not claimed (only the agent who claimed a ticket releases it)`,
    );
  });

  it('409: a resolved ticket names the action and says to reopen it first; a closed one has no way out', () => {
    const resolved = aTicket({ status: 'résolu', resolvedAt: iso('2026-11-30T10:00') });
    const closed = aTicket({ status: 'fermé', resolvedAt: iso('2026-11-30T10:00') });
    const cases: Array<[TicketAction, string]> = [
      [{ type: 'claim' }, 'claim'],
      [{ type: 'first-contact', channel: 'phone' }, 'record a first contact on'],
      [{ type: 'wait' }, 'put on hold'],
      [{ type: 'resolve', summary: 'fait' }, 'resolve'],
      [{ type: 'priority', level: 'critique', reason: 'urgent' }, 'change the priority of'],
    ];
    for (const [action, what] of cases) {
      const onResolved = refusal(resolved, action, at('2026-11-30T11:00'));
      expect(onResolved).toBeInstanceOf(ConflictError);
      expect(onResolved.toUserMessage()).toBe(`cannot ${what} ticket ${ref}: it is résolu (reopen it first)`);
      const onClosed = refusal(closed, action, at('2026-11-30T11:00'));
      expect(onClosed).toBeInstanceOf(ConflictError);
      expect(onClosed.toUserMessage()).toBe(`cannot ${what} ticket ${ref}: it is fermé`);
    }
  });

  it('409: a first contact recorded twice points to internal notes', () => {
    const contacted = ticketAfter(aTicket(), [
      ['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }],
    ]);
    const error = refusal(contacted, { type: 'first-contact', channel: 'email' }, at('2026-11-30T09:20'));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.toUserMessage()).toBe(
      `the first contact of ticket ${ref} was already recorded at ${iso('2026-11-30T09:10')} (add an internal note for later contacts)`,
    );
  });

  it('400: a contact time in the future says to omit it; one before the receipt names the receipt', () => {
    const future = { type: 'first-contact', channel: 'phone', at: iso('2026-11-30T10:00') } as const;
    const early = refusal(aTicket(), future, at('2026-11-30T09:45'));
    expect(early).toBeInstanceOf(InputError);
    expect(early.toUserMessage()).toBe(
      `the contact time ${iso('2026-11-30T10:00')} is in the future (omit "at" to mean now)`,
    );
    const before = refusal(aTicket(), { ...future, at: iso('2026-11-30T08:59') }, at('2026-11-30T09:45'));
    expect(before).toBeInstanceOf(InputError);
    expect(before.toUserMessage()).toBe(
      `the contact time ${iso('2026-11-30T08:59')} is before the ticket was received (${iso('2026-11-30T09:00')})`,
    );
  });

  it('409: waiting twice, waiting on a client never contacted, resuming a ticket that does not wait', () => {
    const waiting = ticketAfter(aTicket(), [
      ['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }],
      ['2026-11-30T10:00', { type: 'wait' }],
    ]);
    const twice = refusal(waiting, { type: 'wait' }, at('2026-11-30T10:05'));
    expect(twice).toBeInstanceOf(ConflictError);
    expect(twice.toUserMessage()).toBe(`ticket ${ref} is already waiting on the client`);
    expect(refusal(aTicket(), { type: 'wait' }, at('2026-11-30T09:10')).toUserMessage()).toBe(
      `ticket ${ref} has no first contact yet: the client was never asked (record the first contact (POST …/first-contact) before waiting on the client)`,
    );
    expect(refusal(aTicket(), { type: 'resume' }, at('2026-11-30T09:10')).toUserMessage()).toBe(
      `ticket ${ref} is nouveau, not waiting on the client`,
    );
  });

  it('409: reopening a closed ticket points to the new linked ticket; an open one is not resolved', () => {
    const closed = refusal(
      aTicket({ status: 'fermé' }),
      { type: 'reopen', reason: 'x' },
      at('2026-11-30T11:00'),
    );
    expect(closed).toBeInstanceOf(ConflictError);
    expect(closed.toUserMessage()).toBe(
      `ticket ${ref} is closed, and a closed ticket is final (a new message from the client opens a new ticket linked to it)`,
    );
    const open = refusal(
      aTicket({ status: 'en cours' }),
      { type: 'reopen', reason: 'x' },
      at('2026-11-30T11:00'),
    );
    expect(open).toBeInstanceOf(ConflictError);
    expect(open.toUserMessage()).toBe(`ticket ${ref} is en cours: it is not resolved`);
  });

  it('400: the level the ticket already has; a ticket on a desk the configuration lacks', () => {
    const same = refusal(
      aTicket(),
      { type: 'priority', level: 'haute', reason: 'x' },
      at('2026-11-30T09:05'),
    );
    expect(same).toBeInstanceOf(InputError);
    expect(same.toUserMessage()).toBe(`ticket ${ref} already has priority haute`);
    const lost = aTicket({ desk: 'atlantide', deskOnDuty: { deskId: 'atlantide', onCall: false } });
    const agent = { ...alice, desks: ['atlantide'] };
    const unknown = refusal(
      lost,
      { type: 'priority', level: 'critique', reason: 'x' },
      at('2026-11-30T09:05', agent),
    );
    expect(unknown).toBeInstanceOf(InputError);
    expect(unknown.toUserMessage()).toBe(`ticket ${ref} is on desk "atlantide", which is not configured`);
  });
});
