import { describe, expect, it } from 'vitest';
import {
  clientActions,
  clientView,
  openPriorityQuestions,
  portalAnswerEvidence,
  priorityWhy,
} from '../../../shared/domain/client/client-view';
import type { OutboundMessage } from '../../../shared/domain/ticket/outbound-message';
import type { Ticket, TicketMessage } from '../../../shared/domain/ticket/ticket';
import { NO_WORK } from '../../../shared/domain/ticket/ticket-work';
import { aTicket, config, reunionAt } from '../ticket/fixtures';

const NOW = reunionAt('2026-11-30T09:10');

/** A stored message with only what the view reads filled in (the rest is the intake's business). */
function aMessage(overrides: Partial<TicketMessage>): TicketMessage {
  return {
    id: 'm1',
    kind: 'initial',
    receivedAt: '2026-11-30T05:00:00.000Z',
    from: { address: 'gerant@quincaillerie-du-port.re', name: 'Gérant' },
    text: 'Texte complet\n> cité',
    newText: '  La caisse est bloquée.  ',
    automated: null,
    attachments: [],
    ...overrides,
  } as TicketMessage;
}

function anOutbound(overrides: Partial<OutboundMessage>): OutboundMessage {
  return {
    key: 'reply-0001',
    kind: 'reply',
    authorName: 'Alice Payet',
    createdAt: '2026-11-30T05:30:00.000Z',
    sentAt: '2026-11-30T05:31:00.000Z',
    state: 'sent',
    text: 'Nous regardons.',
    attachments: [],
    ...overrides,
  } as OutboundMessage;
}

function view(ticket: Ticket, messages: TicketMessage[] = [], outbound: OutboundMessage[] = []) {
  return clientView({ ticket, messages, outbound }, NOW, config);
}

describe('what a client sees of a ticket', () => {
  it("shows the client's own messages (new text only) and our delivered mail, oldest first", () => {
    const v = view(
      aTicket(),
      [
        aMessage({ id: 'm2', receivedAt: '2026-11-30T05:45:00.000Z', newText: '', text: ' Merci ' }),
        aMessage({}),
      ],
      [anOutbound({})],
    );
    expect(v.conversation.map((e) => [e.id, e.kind, e.author, e.at, e.text])).toEqual([
      ['m1', 'client', 'Gérant', '2026-11-30T05:00:00.000Z', 'La caisse est bloquée.'],
      ['reply-0001', 'agent', 'Alice Payet', '2026-11-30T05:31:00.000Z', 'Nous regardons.'],
      ['m2', 'client', 'Gérant', '2026-11-30T05:45:00.000Z', 'Merci'],
    ]);
  });

  it('shows a mail with no text at all (files only) with an empty text', () => {
    const v = view(aTicket(), [aMessage({ newText: '', text: '' })]);
    expect(v.conversation.map((e) => e.text)).toEqual(['']);
  });

  it('refuses a ticket of a desk that is not configured rather than guess its zone', () => {
    expect(() =>
      view(aTicket({ desk: 'atlantide', deskOnDuty: { deskId: 'atlantide', onCall: false } })),
    ).toThrow('ticket EXO-2026-000042 belongs to desk "atlantide", not configured');
  });

  it('names a client by address when the mail gave no name, and by nothing when it gave neither', () => {
    const v = view(aTicket(), [
      aMessage({ id: 'a', from: { address: 'x@client.re', name: '' } }),
      aMessage({ id: 'b', from: null } as unknown as Partial<TicketMessage>),
    ]);
    expect(v.conversation.map((e) => e.author)).toEqual(['x@client.re', '']);
  });

  it('keeps automated mail (an out-of-office) for agents only', () => {
    const v = view(aTicket(), [
      aMessage({ id: 'ooo', kind: 'automated' } as Partial<TicketMessage>),
      aMessage({ id: 'auto', automated: { class: 'auto-reply', reasons: ['Auto-Submitted'] } }),
      aMessage({ id: 'person' }),
    ]);
    expect(v.conversation.map((e) => e.id)).toEqual(['person']);
  });

  it('lists attached files but not inline images', () => {
    const v = view(aTicket(), [
      aMessage({
        attachments: [
          { sha256: 'f1', filename: 'facture.pdf', size: 1200, inline: false },
          { sha256: 'f2', filename: 'logo.png', size: 300, inline: true },
        ] as TicketMessage['attachments'],
      }),
    ]);
    expect(v.conversation[0]?.attachments).toEqual([{ id: 'f1', name: 'facture.pdf', size: 1200 }]);
  });

  it('shows only our mail that left (sent, bounced or complained), not one sending, unconfirmed or rejected', () => {
    const states: OutboundMessage['state'][] = [
      'sending',
      'sent',
      'unconfirmed',
      'rejected',
      'bounced',
      'complained',
    ];
    const v = view(
      aTicket(),
      [],
      states.map((state) => anOutbound({ key: state, state })),
    );
    expect(v.conversation.map((e) => e.id).sort()).toEqual(['bounced', 'complained', 'sent']);
  });

  it("signs a notification with the handling desk's name, dates it when sent, and lists a reply's files", () => {
    const upload = '0b6f0c8e-5b1a-4c53-9a53-1d6f2d0c8a11';
    const v = view(
      aTicket(),
      [],
      [
        anOutbound({ key: 'n', kind: 'resolution-notice', authorName: 'service', sentAt: null }),
        anOutbound({
          key: 'r',
          attachments: [{ uploadId: upload, key: 'k', filename: 'devis.pdf', size: 9 }],
        }),
      ],
    );
    const [notice, reply] = v.conversation;
    expect(notice).toMatchObject({
      author: 'Service Desk Exodata – La Réunion',
      at: '2026-11-30T05:30:00.000Z',
    });
    expect(reply?.attachments).toEqual([{ id: upload, name: 'devis.pdf', size: 9 }]);
  });

  it('names the desk on duty (follow the sun) and its zone, not the desk that opened the ticket', () => {
    const v = view(aTicket({ deskOnDuty: { deskId: 'martinique', onCall: false } }));
    expect(v.desk).toEqual({ id: 'martinique', name: 'Service Desk Exodata – Martinique' });
    expect(v.deskTimeZone).toBe('America/Martinique');
    const home = view(aTicket());
    expect(home.desk).toEqual({ id: 'reunion', name: 'Service Desk Exodata – La Réunion' });
    expect(home.deskTimeZone).toBe('Indian/Reunion');
  });

  it('tells whether each deadline was met, and when the first contact was', () => {
    const fresh = view(aTicket());
    expect(fresh.gti).toEqual({ deadline: aTicket().gtiDueAt, met: null });
    expect(fresh.gtr).toEqual({ deadline: aTicket().gtrDueAt, met: null });

    const contacted = aTicket({
      work: {
        ...NO_WORK,
        firstContact: {
          at: '2026-11-30T05:20:00.000Z',
          channel: 'phone',
          agentId: 'a',
          gtiMet: true,
          implicit: false,
        },
      },
    });
    expect(view(contacted).gti).toMatchObject({ met: true, metAt: '2026-11-30T05:20:00.000Z' });

    const late = aTicket({ receivedWallClock: '2026-11-27T09:00' });
    expect(view(late).gti.met).toBe(false);
  });

  it('gives the priority its source as the client understands it', () => {
    const level = (source: Ticket['priority']['source']) =>
      view(aTicket({ priority: { level: 'haute', source, evidence: [], inferredLevel: 'haute' } })).priority;
    expect(level('default')).toMatchObject({ level: 'haute', source: 'inferred' });
    expect(level('inferred').source).toBe('inferred');
    expect(level('declared').source).toBe('declared');
    expect(level('agent').source).toBe('agent');
  });

  it('says a level the client settled with a click was adjusted to their answer, a mailed answer stays inferred', () => {
    const source = (evidence: string[]) =>
      view(aTicket({ priority: { level: 'haute', source: 'inferred', evidence, inferredLevel: 'haute' } }))
        .priority.source;
    expect(source([portalAnswerEvidence('fr', 'severalUsers', false)])).toBe('answered');
    expect(source(['non je suis la seule'])).toBe('inferred');
    expect(source([portalAnswerEvidence('fr', 'severalUsers', false), 'la caisse ne marche plus'])).toBe(
      'inferred',
    );
    expect(source([])).toBe('inferred');
  });

  it('copies the identity of the ticket', () => {
    const v = view(aTicket({ subject: 'Imprimante', language: 'en', status: 'en cours' }));
    expect(v).toMatchObject({
      reference: 'EXO-2026-000042',
      subject: 'Imprimante',
      language: 'en',
      status: 'en cours',
      receivedAt: aTicket().receivedAt,
    });
  });
});

describe('what a client may do', () => {
  const can = (status: Ticket['status'], source: Ticket['priority']['source'] = 'inferred') =>
    clientActions({ status, priority: { level: 'moyenne', source, evidence: [], inferredLevel: 'moyenne' } });

  it('writes on any ticket not closed, declares a level while open, confirms only a resolved ticket', () => {
    const none = { answerPriority: false };
    expect(can('nouveau')).toEqual({ reply: true, declarePriority: true, confirmResolved: false, ...none });
    expect(can('en attente client')).toEqual({
      reply: true,
      declarePriority: true,
      confirmResolved: false,
      ...none,
    });
    expect(can('résolu')).toEqual({ reply: true, declarePriority: false, confirmResolved: true, ...none });
    expect(can('fermé')).toEqual({ reply: false, declarePriority: false, confirmResolved: false, ...none });
  });

  it('cannot override a level an agent set', () => {
    expect(can('en cours', 'agent').declarePriority).toBe(false);
    expect(can('en cours', 'declared').declarePriority).toBe(true);
  });
});

describe('the priority questions still open (issue 11)', () => {
  const reading = (state: string, confidence: 'high' | 'medium' | 'low') => ({
    state,
    confidence,
    evidence: [],
  });
  /** A critique by the tie rule: blocked, nobody says how many, no workaround said (the acknowledgement asked). */
  const toConfirm = (overrides: Partial<Ticket> = {}, priority: Partial<Ticket['priority']> = {}): Ticket =>
    aTicket({
      language: 'fr',
      status: 'en cours',
      ...overrides,
      priority: {
        level: 'critique',
        source: 'inferred',
        evidence: ['ne répond plus'],
        inferredLevel: 'critique',
        confidence: 'low',
        uncertain: ['severalUsers', 'workaround'],
        facts: {
          blocked: reading('yes', 'high'),
          workaround: reading('not-mentioned', 'low'),
          severalUsers: reading('unknown', 'low'),
        } as NonNullable<Ticket['priority']['facts']>,
        ...priority,
      },
    });

  it('shows each open question in the ticket language, and lets the client answer', () => {
    const fr = view(toConfirm());
    expect(fr.questions).toEqual([
      { fact: 'severalUsers', text: 'Êtes-vous plusieurs à être bloqués ?' },
      { fact: 'workaround', text: 'Pouvez-vous continuer à travailler autrement en attendant ?' },
    ]);
    expect(fr.can.answerPriority).toBe(true);
    const en = view(toConfirm({ language: 'en', status: 'en attente client' }, { uncertain: ['blocked'] }));
    expect(en.questions).toEqual([{ fact: 'blocked', text: 'Are you blocked in your work?' }]);
    expect(en.can.answerPriority).toBe(true);
  });

  it('shows none once the level is confirmed, set by an agent, declared, or the ticket resolved or closed', () => {
    const cases: Array<[string, Ticket]> = [
      ['confirmed', toConfirm({}, { confidence: 'high', uncertain: [] })],
      ['confirmed, older ticket', toConfirm({}, { confidence: undefined })],
      ['nothing left to ask', toConfirm({}, { uncertain: [] })],
      ['agent', toConfirm({}, { source: 'agent' })],
      ['declared', toConfirm({}, { source: 'declared' })],
      ['resolved', toConfirm({ status: 'résolu' })],
      ['closed', toConfirm({ status: 'fermé' })],
      ['no stored facts to recompute from', toConfirm({}, { facts: undefined })],
    ];
    for (const [why, ticket] of cases) {
      const v = view(ticket);
      expect({ why, questions: v.questions, can: v.can.answerPriority }).toEqual({
        why,
        questions: [],
        can: false,
      });
    }
  });

  it('lists a question once even if it was stored twice', () => {
    expect(openPriorityQuestions(toConfirm({}, { uncertain: ['blocked', 'blocked'] }))).toEqual(['blocked']);
  });
});

describe('why this priority', () => {
  const why = (source: Ticket['priority']['source'], language: Ticket['language'], evidence: string[] = []) =>
    priorityWhy({ language, priority: { level: 'haute', source, evidence, inferredLevel: 'haute' } });

  it('says who set it, in the ticket language', () => {
    expect(why('agent', 'fr')).toBe('Fixée par notre équipe.');
    expect(why('agent', 'en')).toBe('Set by our team.');
    expect(why('declared', 'fr')).toBe('Le niveau que vous avez indiqué.');
    expect(why('declared', 'en')).toBe('The level you declared.');
  });

  it('quotes at most three pieces of evidence, each cut at 100 characters, blanks left out', () => {
    expect(why('inferred', 'fr', ['bloqué', '   ', 'urgent', 'plus rien', 'quatrième'])).toBe(
      "Estimée d'après votre message : « bloqué », « urgent ».",
    );
    expect(why('inferred', 'en', ['x'.repeat(150), 'down'])).toBe(
      `Estimated from your message: “${'x'.repeat(100)}”, “down”.`,
    );
  });

  it('says a level the client settled with a click on the portal was adjusted to their answer, not estimated', () => {
    expect(why('inferred', 'fr', [portalAnswerEvidence('fr', 'severalUsers', false)])).toBe(
      "Ajustée d'après votre réponse : « Êtes-vous plusieurs à être bloqués ? Non ».",
    );
    expect(why('inferred', 'en', [portalAnswerEvidence('en', 'workaround', true)])).toBe(
      'Adjusted to your answer: “Can you carry on working another way in the meantime? Yes”.',
    );
    // A mailed answer is a message: its phrases are quoted as such.
    expect(why('inferred', 'fr', ['non je suis la seule'])).toBe(
      "Estimée d'après votre message : « non je suis la seule ».",
    );
  });

  it('asks to be told when it estimated a level from nothing quotable', () => {
    expect(why('default', 'fr')).toBe(
      "Estimée d'après votre message ; indiquez-nous si elle ne convient pas.",
    );
    expect(why('inferred', 'en', [' '])).toBe('Estimated from your message; tell us if it is wrong.');
  });
});
