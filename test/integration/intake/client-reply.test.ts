import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionedTicketUpdate } from '../../../shared/adapters/aws/dynamodb/items';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { NO_WORK, workOf } from '../../../shared/domain/ticket/ticket-work';
import { errors } from './faults';
import { createIntake, type Intake, type Services, startServices, stopServices } from './harness';
import { fixture, mail } from './mail';

const REQUESTER = 'marie.payet@hotel-lagon-bleu.re';

/** What an agent did elsewhere (agent API), written straight in the table to set up the case. */
async function agentSets(intake: Intake, reference: string, patch: (t: Ticket) => Partial<Ticket>) {
  const ticket = await intake.store.getTicket(reference);
  if (!ticket) throw new Error(`no ticket ${reference}`);
  const next: Ticket = { ...ticket, ...patch(ticket), version: ticket.version + 1 };
  // As the agent store writes it: an update, so the events embedded in the ticket item stay.
  const { Update } = versionedTicketUpdate(intake.env.TABLE_NAME, next, ticket.version);
  if (!Update) throw new Error('versionedTicketUpdate gives an Update');
  await intake.clients.doc.send(new UpdateCommand(Update));
}

async function eventsOf(intake: Intake, reference: string, type: string) {
  return (await intake.store.listAuditEvents(reference)).filter((e) => e.type === type);
}

describe("Function: intake handler, a client's reply on an existing ticket (DynamoDB Local, s3rver, SES emulator)", () => {
  let services: Services;
  let intake: Intake;
  beforeAll(async () => {
    services = await startServices();
    intake = await createIntake(services, { tableName: 'client-reply' });
  });
  afterAll(async () => {
    intake?.destroy();
    await stopServices(services);
  });

  /** A new ticket (premium, haute, received 06:00Z unless the clock moved) and its acknowledgement's Message-ID. */
  async function acknowledgedTicket(subject: string): Promise<{ reference: string; ack: string }> {
    const created = await intake.deliver(mail({ subject }));
    expect(created).toMatchObject({
      outcome: 'ticket-created',
      priority: 'haute',
      acknowledgementChanged: 'sent',
    });
    const ticket = await intake.store.getTicket(created.reference ?? '');
    return { reference: created.reference ?? '', ack: ticket?.acknowledgement.sesMessageId ?? '' };
  }

  describe('a priority declared in the reply', () => {
    let ticket: { reference: string; ack: string };
    beforeAll(async () => {
      intake.clock.set('2026-11-30T06:00:00.000Z');
      await services.ses.clear();
      ticket = await acknowledgedTicket('Imprimante en panne');
    });

    it('raises the priority and moves both deadlines from the receipt when the requester replies "Priorité : critique", without a new acknowledgement', async () => {
      intake.clock.set('2026-11-30T06:05:00.000Z');
      const result = await intake.deliver(
        mail({
          subject: 'Re: [EXO-2026-000001] Imprimante en panne',
          inReplyTo: ticket.ack,
          references: ticket.ack,
          body: "Priorité : critique\n\nEn fait tout l'hôtel est touché.\n\nLe lun. 30 nov. 2026 à 10:00, Exodata a écrit :\n> Priorité : haute",
        }),
      );
      // premium, critique: GTI 15 minutes, GTR 4 hours, both from the receipt at 06:00Z.
      expect(result).toMatchObject({
        outcome: 'follow-up',
        reference: ticket.reference,
        priority: 'critique',
        gtiDueAt: '2026-11-30T06:15:00.000Z',
        gtrDueAt: '2026-11-30T10:00:00.000Z',
        acknowledgementChanged: null,
      });
      expect(await intake.store.getTicket(ticket.reference)).toMatchObject({
        priority: {
          level: 'critique',
          source: 'declared',
          evidence: ['Priorité : critique'],
          inferredLevel: 'haute',
        },
        gtiDueAt: '2026-11-30T06:15:00.000Z',
        gtrDueAt: '2026-11-30T10:00:00.000Z',
        messageCount: 2,
      });
      expect(await eventsOf(intake, ticket.reference, 'priority-changed')).toEqual([
        expect.objectContaining({
          actor: REQUESTER,
          detail: expect.objectContaining({
            from: 'haute',
            to: 'critique',
            reason: 'declared by the client in a reply',
            previousGtiDueAt: '2026-11-30T06:30:00.000Z',
            previousGtrDueAt: '2026-12-01T06:00:00.000Z',
          }),
        }),
      ]);
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('changes nothing when a sender who may not write into the ticket replies in the thread', async () => {
      const result = await intake.deliver(
        mail({
          from: 'Intrus <someone@other-company.example>',
          subject: 'Re: Imprimante en panne',
          inReplyTo: ticket.ack,
          body: 'Priorité : normale',
        }),
      );
      expect(result).toMatchObject({
        outcome: 'follow-up',
        reference: ticket.reference,
        priority: 'critique',
      });
      expect(await intake.store.getTicket(ticket.reference)).toMatchObject({
        priority: { level: 'critique' },
        gtrDueAt: '2026-11-30T10:00:00.000Z',
        messageCount: 3,
      });
      expect(await eventsOf(intake, ticket.reference, 'priority-changed')).toHaveLength(1);
    });

    it('applies the change exactly once when the response of the follow-up commit is lost and the event is run again', async () => {
      intake.clock.set('2026-11-30T06:10:00.000Z');
      const event = await intake.arrive(
        mail({
          subject: 'Re: Imprimante en panne',
          inReplyTo: ticket.ack,
          body: 'Priorité : haute\nFinalement un seul poste.',
        }),
      );
      intake.faults.failAfter('dynamodb', 'TransactWriteItemsCommand', errors.timeout, 1);
      const [first] = await intake.handler(event);
      intake.faults.clear();
      const [second] = await intake.handler(event);
      expect(first).toMatchObject({ outcome: 'follow-up', priority: 'haute' });
      expect(second).toMatchObject({ outcome: 'duplicate', originalOutcome: 'follow-up', priority: 'haute' });
      expect(await intake.store.getTicket(ticket.reference)).toMatchObject({
        priority: { level: 'haute', source: 'declared' },
        gtrDueAt: '2026-12-01T06:00:00.000Z',
        messageCount: 4,
      });
      expect((await eventsOf(intake, ticket.reference, 'priority-changed')).map((e) => e.detail.to)).toEqual([
        'critique',
        'haute',
      ]);
    });

    it('keeps a level an agent set, and records and flags what the client asked for', async () => {
      await agentSets(intake, ticket.reference, (t) => ({
        priority: { ...t.priority, level: 'moyenne', source: 'agent' },
      }));
      const before = await intake.store.getTicket(ticket.reference);
      const result = await intake.deliver(
        mail({ subject: 'Re: Imprimante en panne', inReplyTo: ticket.ack, body: 'Priorité : critique' }),
      );
      expect(result).toMatchObject({ outcome: 'follow-up', priority: 'moyenne' });
      const after = await intake.store.getTicket(ticket.reference);
      expect(after).toMatchObject({
        priority: { level: 'moyenne', source: 'agent' },
        gtiDueAt: before?.gtiDueAt,
        gtrDueAt: before?.gtrDueAt,
        flags: { priorityChangeRequested: true },
      });
      expect(await eventsOf(intake, ticket.reference, 'priority-change-requested')).toEqual([
        expect.objectContaining({
          actor: REQUESTER,
          detail: expect.objectContaining({ reason: 'client asked for critique' }),
        }),
      ]);
    });
  });

  describe('a plain answer to the questions of a level to confirm (issue 11)', () => {
    it('stores the open level with its facts, asks in the acknowledgement, and settles it from "non, je suis la seule"', async () => {
      intake.clock.set('2026-11-30T07:00:00.000Z');
      await services.ses.clear();
      const created = await intake.deliver(
        mail({
          subject: 'Terminal de paiement',
          body: 'Bonjour,\n\nLe terminal de paiement ne répond plus depuis 10h.\n',
        }),
      );
      expect(created).toMatchObject({
        outcome: 'ticket-created',
        priority: 'critique',
        acknowledgementChanged: 'sent',
      });
      const stored = await intake.store.getTicket(created.reference ?? '');
      expect(stored?.priority).toMatchObject({
        level: 'critique',
        confidence: 'low',
        uncertain: ['severalUsers', 'workaround'],
        facts: { severalUsers: { state: 'unknown', confidence: 'low' } },
      });
      const sent = await services.ses.store();
      expect(JSON.stringify(sent)).toContain('Êtes-vous plusieurs à être bloqués ?');

      intake.clock.set('2026-11-30T07:05:00.000Z');
      const answered = await intake.deliver(
        mail({
          subject: `Re: [${created.reference}] Terminal de paiement`,
          inReplyTo: stored?.acknowledgement.sesMessageId ?? '',
          references: stored?.acknowledgement.sesMessageId ?? '',
          body: 'Non, je suis la seule.\n\nLe lun. 30 nov. 2026 à 11:00, Exodata a écrit :\n> Êtes-vous plusieurs à être bloqués ?',
        }),
      );
      expect(answered).toMatchObject({
        outcome: 'follow-up',
        reference: created.reference,
        priority: 'haute',
      });
      expect(await intake.store.getTicket(created.reference ?? '')).toMatchObject({
        priority: { level: 'haute', confidence: 'high', uncertain: [] },
      });
      expect(await eventsOf(intake, created.reference ?? '', 'priority-changed')).toEqual([
        expect.objectContaining({ detail: expect.objectContaining({ from: 'critique', to: 'haute' }) }),
      ]);
    });
  });

  describe('a reply on a ticket waiting on the client', () => {
    let ticket: { reference: string; ack: string };
    const pausedAt = '2026-11-30T08:00:00.000Z';
    beforeAll(async () => {
      intake.clock.set('2026-11-30T06:00:00.000Z');
      ticket = await acknowledgedTicket('Wifi des chambres');
      await agentSets(intake, ticket.reference, () => ({
        status: 'en attente client',
        work: { ...NO_WORK, pause: { since: pausedAt, agentId: 'alice@exodata.fr', messageCount: 1 } },
      }));
    });

    it('does not resume the ticket on an out-of-office', async () => {
      intake.clock.set('2026-11-30T09:00:00.000Z');
      const before = await intake.store.getTicket(ticket.reference);
      const result = await intake.deliver(
        fixture('out-of-office.eml', ticket.ack).toString('latin1').replace('<ooo-1@', '<ooo-wait@'),
      );
      expect(result).toMatchObject({ outcome: 'follow-up', reference: ticket.reference });
      expect(await intake.store.getTicket(ticket.reference)).toMatchObject({
        status: 'en attente client',
        gtrDueAt: before?.gtrDueAt,
        messageCount: 2,
      });
      expect(await eventsOf(intake, ticket.reference, 'ticket-resumed')).toEqual([]);
    });

    it("resumes the ticket on the client's reply and moves the GTR by the paused open time", async () => {
      intake.clock.set('2026-11-30T10:30:00.000Z');
      const result = await intake.deliver(
        mail({
          subject: 'Re: Wifi des chambres',
          inReplyTo: ticket.ack,
          body: 'Voici le numéro de série : 12345.',
        }),
      );
      // premium: paused 08:00Z → 10:30Z is 150 open minutes added to the GTR (06:00Z + 24 h).
      expect(result).toMatchObject({ outcome: 'follow-up', gtrDueAt: '2026-12-01T08:30:00.000Z' });
      const after = await intake.store.getTicket(ticket.reference);
      expect(after).toMatchObject({
        status: 'en cours',
        gtrDueAt: '2026-12-01T08:30:00.000Z',
        messageCount: 3,
      });
      expect(after && workOf(after)).toMatchObject({ pause: null, gtrPausedOpenMinutes: 150 });
      expect(await eventsOf(intake, ticket.reference, 'ticket-resumed')).toEqual([
        expect.objectContaining({
          actor: REQUESTER,
          detail: expect.objectContaining({
            reason: 'resumed by client reply',
            pausedSince: pausedAt,
            pausedOpenMinutes: 150,
          }),
        }),
      ]);
    });
  });
});
