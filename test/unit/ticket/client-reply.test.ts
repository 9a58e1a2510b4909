import { describe, expect, it } from 'vitest';
import {
  ANSWERED_IN_REPLY,
  applyClientReply,
  type ClientReply,
} from '../../../shared/domain/ticket/client-reply';
import { priorityToConfirm, type Ticket } from '../../../shared/domain/ticket/ticket';
import { applyTicketAction, type TicketAction } from '../../../shared/domain/ticket/ticket-actions';
import { workOf } from '../../../shared/domain/ticket/ticket-work';
import { readPriorityAnswer } from '../../../shared/domain/triage/priority-answer';
import { declaredInReply } from '../../../shared/domain/triage/priority-declared';
import { alice, aTicket, config, inReunion, reunionAt } from './fixtures';

const CLIENT = 'gerant@quincaillerie-du-port.re';

/** The ticket as the intake leaves it after storing a follow-up (version and count bumped). */
function afterMessage(ticket: Ticket): Ticket {
  return { ...ticket, messageCount: ticket.messageCount + 1, version: ticket.version + 1 };
}

function reply(overrides: Partial<ClientReply> & { text?: string } = {}): ClientReply {
  const { text = 'Merci.', ...rest } = overrides;
  return {
    kind: 'follow-up',
    allowedSender: CLIENT,
    declaration: declaredInReply(
      { subject: 'Re: [EXO-2026-000042] Caisse bloquée', newText: text },
      'Caisse bloquée',
    ),
    ...rest,
  };
}

function agentDid(ticket: Ticket, wallClock: string, action: TicketAction): Ticket {
  const change = applyTicketAction(ticket, action, { now: reunionAt(wallClock), agent: alice, config });
  if (!change) throw new Error('expected a change');
  return change.ticket;
}

const at = (wallClock: string) => ({ now: reunionAt(wallClock), config });

describe('Function: applyClientReply', () => {
  describe('a declared level in the reply', () => {
    it('raises the priority and re-targets both clocks from the receipt when the client declares critique', () => {
      const ticket = afterMessage(aTicket()); // haute, received Monday 09:00 Réunion, standard
      const { ticket: next, events } = applyClientReply(
        ticket,
        reply({ text: 'Priorité : critique\nToute la boutique est arrêtée.' }),
        at('2026-11-30T09:10'),
      );
      expect(next.priority).toEqual({
        level: 'critique',
        source: 'declared',
        evidence: ['Priorité : critique'],
        inferredLevel: 'haute',
        confidence: 'high',
        uncertain: [],
      });
      // critique: GTI 15 open minutes, GTR 4 open hours, from the original receipt (09:00).
      expect(inReunion(next.gtiDueAt)).toBe('2026-11-30T09:15');
      expect(inReunion(next.gtrDueAt)).toBe('2026-11-30T13:00');
      expect(next.version).toBe(ticket.version);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'priority-changed',
          actor: CLIENT,
          detail: expect.objectContaining({
            from: 'haute',
            to: 'critique',
            reason: 'declared by the client in a reply',
            evidence: 'Priorité : critique',
            previousGtiDueAt: ticket.gtiDueAt,
            gtiDueAt: next.gtiDueAt,
          }),
        }),
      ]);
    });

    it('computes the same deadlines as the agent action when the client lowers the level', () => {
      const ticket = afterMessage(aTicket());
      const byClient = applyClientReply(
        ticket,
        reply({ text: 'Priority: low' }),
        at('2026-11-30T10:00'),
      ).ticket;
      const byAgent = agentDid(ticket, '2026-11-30T10:00', {
        type: 'priority',
        level: 'normale',
        reason: 'x',
      });
      expect(byClient.priority.level).toBe('normale');
      expect([byClient.gtiDueAt, byClient.gtrDueAt]).toEqual([byAgent.gtiDueAt, byAgent.gtrDueAt]);
      expect(byClient.flags.priorityDisagreement).toBe(true); // normale declared, haute inferred
    });

    it('does not override a level set by an agent, but records and flags the request', () => {
      const set = afterMessage(
        agentDid(aTicket(), '2026-11-30T09:05', {
          type: 'priority',
          level: 'moyenne',
          reason: 'contournement',
        }),
      );
      const { ticket: next, events } = applyClientReply(
        set,
        reply({ text: 'Priorité : critique' }),
        at('2026-11-30T09:30'),
      );
      expect(next.priority).toEqual(set.priority);
      expect([next.gtiDueAt, next.gtrDueAt]).toEqual([set.gtiDueAt, set.gtrDueAt]);
      expect(next.flags.priorityChangeRequested).toBe(true);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'priority-change-requested',
          actor: CLIENT,
          detail: expect.objectContaining({
            reason: 'client asked for critique',
            current: 'moyenne',
            requested: 'critique',
          }),
        }),
      ]);
      // The agent's next decision answers the request.
      const decided = agentDid(next, '2026-11-30T09:40', { type: 'priority', level: 'haute', reason: 'vu' });
      expect(decided.flags.priorityChangeRequested).toBe(false);
    });

    it('changes nothing when the declared level is the current one, or nothing is declared', () => {
      const ticket = afterMessage(aTicket());
      for (const text of ['Priorité : haute', 'Toujours bloqué, plusieurs postes en panne.']) {
        const out = applyClientReply(ticket, reply({ text }), at('2026-11-30T09:10'));
        expect(out).toEqual({ ticket, events: [] });
      }
    });

    it('changes nothing when the sender may not write into the ticket, or the mail is automated', () => {
      const ticket = afterMessage(aTicket());
      const text = 'Priorité : critique';
      expect(applyClientReply(ticket, reply({ text, allowedSender: null }), at('2026-11-30T09:10'))).toEqual({
        ticket,
        events: [],
      });
      expect(applyClientReply(ticket, reply({ text, kind: 'automated' }), at('2026-11-30T09:10'))).toEqual({
        ticket,
        events: [],
      });
    });
  });

  describe('a reply on a ticket waiting on the client', () => {
    const waiting = () =>
      afterMessage(
        [
          ['2026-11-30T09:05', { type: 'first-contact', channel: 'phone' }],
          ['2026-11-30T22:00', { type: 'wait', reason: 'attend le numéro de série' }],
        ].reduce(
          (t, [wallClock, action]) => agentDid(t, wallClock as string, action as TicketAction),
          aTicket(),
        ),
      );

    it('resumes the ticket and moves the GTR by the paused open time, as an agent resume does', () => {
      const ticket = waiting();
      const { ticket: next, events } = applyClientReply(ticket, reply(), at('2026-12-01T10:00'));
      const byAgent = agentDid(ticket, '2026-12-01T10:00', { type: 'resume' });
      expect(next.status).toBe('en cours');
      // Paused Monday 22:00 → Tuesday 10:00: 2 + 2 open hours (closed 00:00–08:00).
      expect(next.gtrDueAt).toBe(byAgent.gtrDueAt);
      expect(Date.parse(next.gtrDueAt) - Date.parse(ticket.gtrDueAt)).toBe(4 * 60 * 60 * 1000);
      expect(workOf(next).pause).toBeNull();
      expect(workOf(next).gtrPausedOpenMinutes).toBe(240);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'ticket-resumed',
          actor: CLIENT,
          detail: expect.objectContaining({ reason: 'resumed by client reply', pausedOpenMinutes: 240 }),
        }),
      ]);
    });

    it('resumes first, then applies a declared level with the paused time still extending the GTR', () => {
      const { ticket: next, events } = applyClientReply(
        waiting(),
        reply({ text: 'Priorité : critique' }),
        at('2026-12-01T10:00'),
      );
      expect(events.map((e) => e.type)).toEqual(['ticket-resumed', 'priority-changed']);
      // 4 open hours from Monday 09:00, plus the 4 paused open hours.
      expect(inReunion(next.gtrDueAt)).toBe('2026-11-30T17:00');
      expect(next.status).toBe('en cours');
    });

    it('does not resume on an out-of-office, nor for a sender who may not write into the ticket', () => {
      const ticket = waiting();
      for (const r of [reply({ kind: 'automated' }), reply({ allowedSender: null })]) {
        expect(applyClientReply(ticket, r, at('2026-12-01T10:00'))).toEqual({ ticket, events: [] });
      }
    });
  });
});

describe('Function: declaredInReply', () => {
  it('ignores a level tag the ticket subject already carries and reads the new text instead', () => {
    expect(
      declaredInReply(
        { subject: 'RE: [Haute] Caisse bloquée', newText: 'Priorité : critique' },
        '[Haute] Caisse bloquée',
      ),
    ).toMatchObject({ level: 'critique', where: 'body' });
    expect(
      declaredInReply({ subject: 'RE: [Haute] Caisse bloquée', newText: 'Merci' }, '[Haute] Caisse bloquée'),
    ).toBeNull();
  });

  it('takes a level tag the client added to the subject of the reply', () => {
    expect(
      declaredInReply(
        { subject: 'RE: [EXO-2026-000042] [P1] Caisse bloquée', newText: 'Priorité : haute' },
        'Caisse bloquée',
      ),
    ).toMatchObject({ level: 'critique', phrase: '[P1]', where: 'subject' });
  });

  it('does not read a declaration in the quoted history (only the new text is given)', () => {
    expect(
      declaredInReply({ subject: 'Re: Caisse', newText: 'Merci pour votre retour.' }, 'Caisse'),
    ).toBeNull();
  });
});

describe('Function: applyClientReply, a plain answer to a level to confirm (issue 11)', () => {
  const toConfirm = (): Ticket => {
    const base = afterMessage(aTicket());
    return {
      ...base,
      priority: {
        level: 'critique',
        source: 'inferred',
        evidence: ['le terminal ne répond plus'],
        inferredLevel: 'critique',
        confidence: 'low',
        uncertain: ['severalUsers'],
        facts: {
          blocked: { state: 'yes', confidence: 'high', evidence: ['le terminal ne répond plus'] },
          workaround: { state: 'not-mentioned', confidence: 'medium', evidence: [] },
          severalUsers: { state: 'unknown', confidence: 'low', evidence: [] },
        },
      },
    };
  };
  const answered = (text: string) =>
    reply({ text, answer: readPriorityAnswer(text, toConfirm().priority.uncertain ?? []) });

  it('lowers critique to haute when the client answers that they are alone, and confirms the level', () => {
    const { ticket: next, events } = applyClientReply(
      toConfirm(),
      answered('Non, je suis la seule.'),
      at('2026-11-30T09:10'),
    );
    expect(next.priority).toMatchObject({
      level: 'haute',
      source: 'inferred',
      confidence: 'high',
      uncertain: [],
    });
    expect(next.priority.facts?.severalUsers).toMatchObject({ state: 'no', confidence: 'high' });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'priority-changed',
        detail: expect.objectContaining({ from: 'critique', to: 'haute', reason: ANSWERED_IN_REPLY }),
      }),
    ]);
  });

  it('confirms critique without an event when the client answers that several are blocked', () => {
    const ticket = toConfirm();
    const { ticket: next, events } = applyClientReply(
      ticket,
      answered('oui nous sommes 5 bloqués'),
      at('2026-11-30T09:10'),
    );
    expect(next.priority).toMatchObject({ level: 'critique', confidence: 'high', uncertain: [] });
    expect(next.gtiDueAt).toBe(ticket.gtiDueAt);
    expect(events).toEqual([]);
  });

  it('keeps the level to confirm while a fact is still uncertain, quoting at most five of the client’s phrases', () => {
    const ticket = toConfirm();
    const bothUncertain: Ticket = {
      ...ticket,
      priority: {
        ...ticket.priority,
        uncertain: ['blocked', 'severalUsers'],
        facts: {
          blocked: { state: 'unknown', confidence: 'low', evidence: [] },
          workaround: { state: 'not-mentioned', confidence: 'medium', evidence: [] },
          severalUsers: { state: 'unknown', confidence: 'low', evidence: [] },
        },
      },
    };
    const evidence = ['je suis seule', 'un', 'deux', 'trois', 'quatre', 'cinq'];
    const { ticket: next, events } = applyClientReply(
      bothUncertain,
      reply({ answer: { answers: { severalUsers: false }, evidence } }),
      at('2026-11-30T09:10'),
    );
    expect(next.priority.level).not.toBe('critique');
    expect(next.priority).toMatchObject({ confidence: 'low', uncertain: ['blocked'] });
    expect(next.priority.evidence).toEqual(evidence.slice(0, 5));
    expect(events[0]?.detail).toMatchObject({ evidence: evidence.join(' | ') });
  });

  it('raises a moyenne asked on an inferred workaround to critique when the client answers « non, on ne peut pas »', () => {
    // triage.md, "Confidence, the questions, and the tie rule": several users blocked, the
    // workaround only inferred (`on prend les commandes par téléphone`), the level kept and asked.
    const base = toConfirm();
    const inferred: Ticket = {
      ...base,
      priority: {
        ...base.priority,
        level: 'moyenne',
        inferredLevel: 'moyenne',
        uncertain: ['workaround'],
        facts: {
          blocked: { state: 'yes', confidence: 'high', evidence: ['la caisse est HS'] },
          workaround: {
            state: 'exists',
            confidence: 'medium',
            evidence: ['on prend les commandes par téléphone'],
          },
          severalUsers: { state: 'yes', confidence: 'high', evidence: ['tous nos vendeurs'] },
        },
      },
    };
    const answer = (text: string) =>
      reply({ text, answer: readPriorityAnswer(text, inferred.priority.uncertain ?? []) });
    const no = applyClientReply(inferred, answer('Non, on ne peut pas.'), at('2026-11-30T09:10'));
    expect(no.ticket.priority).toMatchObject({ level: 'critique', confidence: 'high', uncertain: [] });
    expect(no.events).toEqual([
      expect.objectContaining({
        type: 'priority-changed',
        detail: expect.objectContaining({ from: 'moyenne', to: 'critique', reason: ANSWERED_IN_REPLY }),
      }),
    ]);
    const yes = applyClientReply(inferred, answer('Oui, ça tient.'), at('2026-11-30T09:10'));
    expect(yes.ticket.priority).toMatchObject({ level: 'moyenne', confidence: 'high', uncertain: [] });
    expect(yes.events).toEqual([]);
  });

  it('leaves nothing to confirm once the client declared a level: a later plain answer changes nothing', () => {
    const declared = applyClientReply(
      toConfirm(),
      reply({ text: 'Priorité : haute' }),
      at('2026-11-30T09:05'),
    ).ticket;
    expect(declared.priority).toMatchObject({ level: 'haute', source: 'declared', uncertain: [] });
    expect(priorityToConfirm(declared)).toBe(false);
    const later = applyClientReply(declared, answered('Oui, nous sommes 5 bloqués.'), at('2026-11-30T09:10'));
    expect(later.ticket.priority.level).toBe('haute');
    expect(later.events).toEqual([]);
  });

  it('does not touch a level an agent set, nor a confident one', () => {
    const agentSet = { ...toConfirm(), priority: { ...toConfirm().priority, source: 'agent' as const } };
    expect(
      applyClientReply(agentSet, answered('Non, je suis la seule.'), at('2026-11-30T09:10')).ticket.priority
        .level,
    ).toBe('critique');
    const sure = { ...toConfirm(), priority: { ...toConfirm().priority, confidence: 'high' as const } };
    expect(
      applyClientReply(sure, answered('Non, je suis la seule.'), at('2026-11-30T09:10')).ticket.priority
        .level,
    ).toBe('critique');
  });
});
