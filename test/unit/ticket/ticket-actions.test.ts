import { describe, expect, it } from 'vitest';
import { ConflictError, InputError } from '../../../shared/domain/errors';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { TicketActionSchema } from '../../../shared/domain/ticket/ticket-action-schema';
import {
  type ActionContext,
  applyTicketAction,
  ForbiddenError,
  type TicketAction,
  type TicketChange,
} from '../../../shared/domain/ticket/ticket-actions';
import { workOf } from '../../../shared/domain/ticket/ticket-work';
import { alice, aTicket, bob, config, inReunion, mona, reunionAt } from './fixtures';

const at = (wallClock: string, agent = alice): ActionContext => ({
  now: reunionAt(wallClock),
  agent,
  config,
});

function apply(ticket: Ticket, action: TicketAction, ctx: ActionContext): TicketChange {
  const change = applyTicketAction(ticket, action, ctx);
  if (!change) throw new Error('expected a change');
  return change;
}

/** Runs actions one after the other, each at its own Réunion wall-clock time. */
function run(ticket: Ticket, steps: Array<[string, TicketAction, ActionContext['agent']?]>): Ticket {
  return steps.reduce(
    (t, [wallClock, action, agent]) => apply(t, action, at(wallClock, agent)).ticket,
    ticket,
  );
}

describe('Function: applyTicketAction', () => {
  describe('claim', () => {
    it('assigns the ticket to the agent, moves it to "en cours" and bumps the version', () => {
      const { ticket, events } = apply(aTicket(), { type: 'claim' }, at('2026-11-30T09:05'));
      expect(workOf(ticket).assignee).toEqual({
        agentId: alice.id,
        name: alice.name,
        since: reunionAt('2026-11-30T09:05').toISOString(),
      });
      expect(ticket.status).toBe('en cours');
      expect(ticket.version).toBe(2);
      expect(events).toEqual([
        expect.objectContaining({ type: 'ticket-claimed', actor: alice.id, reference: 'EXO-2026-000042' }),
      ]);
    });

    it('refuses with a conflict when another agent holds the ticket', () => {
      const claimed = run(aTicket(), [['2026-11-30T09:05', { type: 'claim' }]]);
      expect(() => applyTicketAction(claimed, { type: 'claim' }, at('2026-11-30T09:06', bob))).toThrow(
        /already claimed by Alice Payet/,
      );
    });

    it('changes nothing when the agent claims a ticket they already hold', () => {
      const claimed = run(aTicket(), [['2026-11-30T09:05', { type: 'claim' }]]);
      expect(applyTicketAction(claimed, { type: 'claim' }, at('2026-11-30T09:06'))).toBeNull();
    });

    it('refuses a resolved ticket until it is reopened', () => {
      const resolved = aTicket({ status: 'résolu', resolvedAt: reunionAt('2026-11-30T10:00').toISOString() });
      expect(() => applyTicketAction(resolved, { type: 'claim' }, at('2026-11-30T11:00'))).toThrow(
        ConflictError,
      );
    });

    it('refuses an agent of another desk, but lets the desk on duty act on a relayed ticket', () => {
      expect(() => applyTicketAction(aTicket(), { type: 'claim' }, at('2026-11-30T09:05', mona))).toThrow(
        ForbiddenError,
      );
      const relayed = aTicket({ deskOnDuty: { deskId: 'martinique', onCall: false } });
      expect(
        apply(relayed, { type: 'claim' }, at('2026-11-30T09:05', mona)).ticket.work?.assignee?.agentId,
      ).toBe(mona.id);
    });

    it('moves only a new ticket to "en cours": a ticket waiting on its client keeps waiting', () => {
      const waiting = run(aTicket(), [
        ['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }],
        ['2026-11-30T09:20', { type: 'wait' }],
        ['2026-11-30T09:25', { type: 'release' }],
      ]);
      const { ticket, events } = apply(waiting, { type: 'claim' }, at('2026-11-30T09:30', bob));
      expect(ticket.status).toBe('en attente client');
      // The audit log keeps the status the ticket had when it was taken.
      expect(events[0]?.detail).toEqual({ status: 'en attente client' });
    });
  });

  describe('release', () => {
    it('lets only the holder release a ticket', () => {
      const claimed = run(aTicket(), [['2026-11-30T09:05', { type: 'claim' }]]);
      expect(() => applyTicketAction(claimed, { type: 'release' }, at('2026-11-30T09:06', bob))).toThrow(
        ConflictError,
      );
      expect(workOf(apply(claimed, { type: 'release' }, at('2026-11-30T09:06')).ticket).assignee).toBeNull();
      expect(apply(claimed, { type: 'release' }, at('2026-11-30T09:06')).events).toEqual([
        expect.objectContaining({ type: 'ticket-released', actor: alice.id, detail: {} }),
      ]);
    });
  });

  describe('first contact', () => {
    it('meets the GTI when the contact is at or before the deadline (haute, 09:00 → GTI 09:30)', () => {
      const { ticket, events } = apply(
        aTicket(),
        { type: 'first-contact', channel: 'phone' },
        at('2026-11-30T09:30'),
      );
      expect(workOf(ticket).firstContact).toMatchObject({ channel: 'phone', gtiMet: true, implicit: false });
      expect(workOf(ticket).assignee?.agentId).toBe(alice.id);
      expect(events[0]).toMatchObject({ type: 'first-contact', detail: { gtiMet: true } });
    });

    it('breaches the GTI when the contact comes after the deadline', () => {
      const { ticket } = apply(
        aTicket(),
        { type: 'first-contact', channel: 'email' },
        at('2026-11-30T09:31'),
      );
      expect(workOf(ticket).firstContact?.gtiMet).toBe(false);
    });

    it('takes a call logged afterwards at the time it happened', () => {
      const { ticket } = apply(
        aTicket(),
        { type: 'first-contact', channel: 'phone', at: reunionAt('2026-11-30T09:20').toISOString() },
        at('2026-11-30T09:45'),
      );
      expect(workOf(ticket).firstContact).toMatchObject({
        at: reunionAt('2026-11-30T09:20').toISOString(),
        gtiMet: true,
      });
    });

    it('refuses a contact time in the future or before the receipt', () => {
      const future = {
        type: 'first-contact',
        channel: 'phone',
        at: reunionAt('2026-11-30T10:00').toISOString(),
      } as const;
      expect(() => applyTicketAction(aTicket(), future, at('2026-11-30T09:45'))).toThrow(InputError);
      const before = { ...future, at: reunionAt('2026-11-30T08:59').toISOString() };
      expect(() => applyTicketAction(aTicket(), before, at('2026-11-30T09:45'))).toThrow(
        /before the ticket was received/,
      );
    });

    it('accepts a contact logged at the very instant the mail was received', () => {
      const { ticket } = apply(
        aTicket(),
        { type: 'first-contact', channel: 'phone', at: reunionAt('2026-11-30T09:00').toISOString() },
        at('2026-11-30T09:45'),
      );
      expect(workOf(ticket).firstContact?.at).toBe(reunionAt('2026-11-30T09:00').toISOString());
    });

    it('records the first contact only once', () => {
      const contacted = run(aTicket(), [['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }]]);
      expect(() =>
        applyTicketAction(contacted, { type: 'first-contact', channel: 'email' }, at('2026-11-30T09:20')),
      ).toThrow(/already recorded/);
    });
  });

  describe('wait on client and resume (standard calendar, Réunion: Monday–Friday 08:00–24:00)', () => {
    // haute received Monday 09:00: GTR = 16 open hours = Tuesday 09:00.
    const contacted = () =>
      run(aTicket(), [['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }]]);

    it('starts from a GTR of Tuesday 09:00', () => {
      expect(inReunion(contacted().gtrDueAt)).toBe('2026-12-01T09:00');
    });

    it('moves the GTR by the open time spent waiting: Monday 10:00 → Tuesday 10:00 is 16 open hours', () => {
      const resumed = run(contacted(), [
        ['2026-11-30T10:00', { type: 'wait', reason: 'version du logiciel ?' }],
        ['2026-12-01T10:00', { type: 'resume' }],
      ]);
      expect(resumed.status).toBe('en cours');
      // Tuesday 09:00 + 16 open hours = Tuesday 24:00 (15 h) + Wednesday 08:00–09:00.
      expect(inReunion(resumed.gtrDueAt)).toBe('2026-12-02T09:00');
      expect(workOf(resumed).gtrPausedOpenMinutes).toBe(16 * 60);
      expect(workOf(resumed).pause).toBeNull();
    });

    it('records why and against which GTR the ticket waits', () => {
      const ticket = contacted();
      const { events } = apply(
        ticket,
        { type: 'wait', reason: 'version du logiciel ?' },
        at('2026-11-30T10:00'),
      );
      expect(events).toEqual([
        expect.objectContaining({
          type: 'waiting-on-client',
          detail: { reason: 'version du logiciel ?', gtrDueAt: ticket.gtrDueAt },
        }),
      ]);
    });

    it('counts only open time over a weekend: Friday 23:00 → Monday 09:00 is 2 open hours', () => {
      // normale received Friday 22:00: GTR = 7 service days of 16 h.
      const friday = aTicket({
        receivedWallClock: '2026-11-27T22:00',
        priority: { level: 'normale', source: 'default', evidence: [], inferredLevel: 'normale' },
      });
      const waiting = run(friday, [
        ['2026-11-27T22:10', { type: 'first-contact', channel: 'email' }],
        ['2026-11-27T23:00', { type: 'wait' }],
      ]);
      const resumed = apply(waiting, { type: 'resume' }, at('2026-11-30T09:00'));
      expect(Date.parse(resumed.ticket.gtrDueAt) - Date.parse(waiting.gtrDueAt)).toBe(2 * 60 * 60 * 1000);
      expect(resumed.events[0]).toMatchObject({ type: 'ticket-resumed', detail: { pausedOpenMinutes: 120 } });
    });

    it('keeps a GTR that was already breached when the wait began', () => {
      const late = run(contacted(), [['2026-12-01T09:30', { type: 'wait' }]]);
      const resumed = apply(late, { type: 'resume' }, at('2026-12-01T11:00')).ticket;
      expect(resumed.gtrDueAt).toBe(late.gtrDueAt);
      // A pause that moved nothing counts for nothing, now and for a later priority change.
      expect(workOf(resumed).gtrPausedOpenMinutes).toBe(0);
      const { events } = apply(late, { type: 'resume' }, at('2026-12-01T11:00'));
      expect(events[0]?.detail).toMatchObject({ pausedOpenMinutes: 0 });
    });

    it('refuses to wait on a client who was never contacted, and to resume a ticket that is not waiting', () => {
      expect(() => applyTicketAction(aTicket(), { type: 'wait' }, at('2026-11-30T09:10'))).toThrow(
        /no first contact/,
      );
      expect(() => applyTicketAction(contacted(), { type: 'resume' }, at('2026-11-30T09:20'))).toThrow(
        ConflictError,
      );
    });
  });

  describe('resolve and reopen', () => {
    it('meets the GTR when resolved before the deadline and records the resolution', () => {
      const resolved = run(aTicket(), [
        ['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }],
        ['2026-11-30T15:00', { type: 'resolve', summary: 'imprimante réinstallée' }],
      ]);
      expect(resolved.status).toBe('résolu');
      expect(resolved.resolvedAt).toBe(reunionAt('2026-11-30T15:00').toISOString());
      expect(workOf(resolved).resolution).toMatchObject({ gtrMet: true, summary: 'imprimante réinstallée' });
    });

    it('breaches the GTR when resolved after the deadline', () => {
      const late = run(aTicket(), [
        ['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }],
        ['2026-12-01T09:01', { type: 'resolve', summary: 'fait' }],
      ]);
      expect(workOf(late).resolution?.gtrMet).toBe(false);
    });

    it('meets the GTR when resolved at the very minute of the deadline', () => {
      const onTime = run(aTicket(), [
        ['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }],
        ['2026-12-01T09:00', { type: 'resolve', summary: 'fait' }],
      ]);
      expect(workOf(onTime).resolution?.gtrMet).toBe(true);
    });

    it('keeps the agent who holds the ticket, and gives an unclaimed one to the agent who resolves it', () => {
      const heldByBob = run(aTicket(), [['2026-11-30T09:05', { type: 'claim' }, bob]]);
      const byAlice = apply(heldByBob, { type: 'resolve', summary: 'fait' }, at('2026-11-30T09:20')).ticket;
      expect(workOf(byAlice).assignee?.agentId).toBe(bob.id);
      expect(workOf(byAlice).resolution?.agentId).toBe(alice.id);
      const unclaimed = apply(aTicket(), { type: 'resolve', summary: 'fait' }, at('2026-11-30T09:20')).ticket;
      expect(workOf(unclaimed).assignee?.agentId).toBe(alice.id);
    });

    it('records the GTR, whether it was met, the summary and whether the contact was implicit', () => {
      const gtr = aTicket().gtrDueAt;
      const implicit = apply(aTicket(), { type: 'resolve', summary: 'doublon' }, at('2026-11-30T09:20'));
      expect(implicit.events).toEqual([
        expect.objectContaining({
          type: 'ticket-resolved',
          detail: { gtrDueAt: gtr, gtrMet: true, summary: 'doublon', firstContactImplicit: true },
        }),
      ]);
      const contacted = run(aTicket(), [['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }]]);
      const explicit = apply(contacted, { type: 'resolve', summary: 'fait' }, at('2026-11-30T09:20'));
      expect(explicit.events[0]?.detail).toMatchObject({ firstContactImplicit: false });
    });

    it('ends a wait when resolving: the waiting time does not count against the GTR', () => {
      const resolved = run(aTicket(), [
        ['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }],
        ['2026-11-30T10:00', { type: 'wait' }],
        // Without the pause the GTR (Tuesday 09:00) would be breached; paused 10:00 → Tuesday 10:00 it is Wednesday 09:00.
        ['2026-12-01T10:00', { type: 'resolve', summary: 'le client a confirmé' }],
      ]);
      expect(workOf(resolved).resolution?.gtrMet).toBe(true);
      expect(inReunion(resolved.gtrDueAt)).toBe('2026-12-02T09:00');
    });

    it('counts the resolution as the first contact when none was logged', () => {
      const resolved = run(aTicket(), [['2026-11-30T09:20', { type: 'resolve', summary: 'doublon' }]]);
      expect(workOf(resolved).firstContact).toMatchObject({ implicit: true, gtiMet: true });
    });

    it('judges an implicit first contact against the GTI: met at 09:30 exactly, missed at 09:31', () => {
      const atDeadline = run(aTicket(), [['2026-11-30T09:30', { type: 'resolve', summary: 'fait' }]]);
      expect(workOf(atDeadline).firstContact).toMatchObject({ implicit: true, gtiMet: true });
      const late = run(aTicket(), [['2026-11-30T09:31', { type: 'resolve', summary: 'fait' }]]);
      expect(workOf(late).firstContact).toMatchObject({ implicit: true, gtiMet: false });
    });

    it('reopens a resolved ticket with a reason, keeping its deadlines', () => {
      const resolved = run(aTicket(), [['2026-11-30T09:20', { type: 'resolve', summary: 'fait' }]]);
      const { ticket, events } = apply(
        resolved,
        { type: 'reopen', reason: 'le problème est revenu' },
        at('2026-11-30T11:00'),
      );
      expect(ticket.status).toBe('en cours');
      expect(ticket.resolvedAt).toBeNull();
      expect(ticket.gtrDueAt).toBe(resolved.gtrDueAt);
      // Reports count the ticket once and show the reopening (docs/reports.md).
      expect(ticket.reopenedAt).toEqual([reunionAt('2026-11-30T11:00').toISOString()]);
      expect(events[0]).toMatchObject({ type: 'ticket-reopened', actor: alice.id });
      expect(events[0]?.detail).toEqual({
        reason: 'le problème est revenu',
        previousResolution: reunionAt('2026-11-30T09:20').toISOString(),
      });
    });

    it('never reopens a closed ticket', () => {
      expect(() =>
        applyTicketAction(
          aTicket({ status: 'fermé' }),
          { type: 'reopen', reason: 'x' },
          at('2026-11-30T11:00'),
        ),
      ).toThrow(/final/);
    });
  });

  describe('change priority', () => {
    it('recomputes both deadlines from the receipt (haute 09:00 → critique: GTI 09:15, GTR 13:00)', () => {
      const { ticket, events } = apply(
        aTicket(),
        { type: 'priority', level: 'critique', reason: 'toute la boutique est arrêtée' },
        at('2026-11-30T09:05'),
      );
      expect(inReunion(ticket.gtiDueAt)).toBe('2026-11-30T09:15');
      expect(inReunion(ticket.gtrDueAt)).toBe('2026-11-30T13:00');
      expect(ticket.priority).toMatchObject({ level: 'critique', source: 'agent' });
      expect(events[0]).toMatchObject({
        type: 'priority-changed',
        detail: { from: 'haute', to: 'critique' },
      });
    });

    it('keeps the GTR time already spent waiting on the client', () => {
      const resumed = run(aTicket(), [
        ['2026-11-30T09:10', { type: 'first-contact', channel: 'phone' }],
        ['2026-11-30T10:00', { type: 'wait' }],
        ['2026-11-30T12:00', { type: 'resume' }],
      ]);
      const changed = apply(
        resumed,
        { type: 'priority', level: 'critique', reason: 'aggravé' },
        at('2026-11-30T12:05'),
      );
      // 4 open hours + 2 paused hours from Monday 09:00.
      expect(inReunion(changed.ticket.gtrDueAt)).toBe('2026-11-30T15:00');
    });

    it('re-judges a first contact against the new GTI', () => {
      const contacted = run(aTicket(), [['2026-11-30T09:20', { type: 'first-contact', channel: 'phone' }]]);
      const raised = apply(
        contacted,
        { type: 'priority', level: 'critique', reason: 'urgent' },
        at('2026-11-30T09:25'),
      );
      expect(workOf(raised.ticket).firstContact?.gtiMet).toBe(false);
    });

    it('keeps a first contact met when it is within the new GTI, to the minute (critique: 09:15)', () => {
      for (const contactAt of ['2026-11-30T09:10', '2026-11-30T09:15']) {
        const contacted = run(aTicket(), [['2026-11-30T09:00', { type: 'claim' }]]);
        const logged = apply(
          contacted,
          { type: 'first-contact', channel: 'phone', at: reunionAt(contactAt).toISOString() },
          at('2026-11-30T09:20'),
        ).ticket;
        const raised = apply(
          logged,
          { type: 'priority', level: 'critique', reason: 'urgent' },
          at('2026-11-30T09:25'),
        );
        expect(workOf(raised.ticket).firstContact?.gtiMet).toBe(true);
      }
    });

    it('refuses the level the ticket already has', () => {
      expect(() =>
        applyTicketAction(
          aTicket(),
          { type: 'priority', level: 'haute', reason: 'x' },
          at('2026-11-30T09:05'),
        ),
      ).toThrow(InputError);
    });
  });
});

describe('Schema: TicketActionSchema', () => {
  it('names the field and the problem in a refused body', () => {
    const parsed = TicketActionSchema.safeParse({ type: 'priority', level: 'urgent', reason: '' });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['level', 'reason']));
  });
});
