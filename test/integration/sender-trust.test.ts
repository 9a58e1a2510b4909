import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentServer } from '../../shared/adapters/http/server';
import type { Ticket } from '../../shared/domain/ticket/ticket';
import type { HeldMessage } from '../../shared/ports/ticket-store';
import { call, startAgentApi } from '../support/agent-api';
import {
  createIntake,
  type DeliveryOptions,
  type Intake,
  SERVICE_DESK_CONFIG_JSON,
  type Services,
  setTicketStatus,
  startServices,
  stopServices,
} from './intake/harness';
import { mail } from './intake/mail';

/** Issue 13, item 1: SPF and DKIM FAIL from a domain without DMARC, the client's address in From. */
const FORGED: DeliveryOptions = {
  verdicts: { spf: 'FAIL', dkim: 'FAIL', dmarc: 'GRAY' },
  source: 'x@attacker.example',
};
const MARIE = 'Marie Payet <marie.payet@hotel-lagon-bleu.re>';

type Details = { ticket: Ticket; held: HeldMessage[]; messages: Array<{ id: string }> };

let services: Services;
beforeAll(async () => {
  services = await startServices();
}, 400_000);
afterAll(async () => {
  await stopServices(services);
});

describe('Sender trust (issue 13, item 1; conversation.md §1) on DynamoDB Local, s3rver and the SES emulator', () => {
  let intake: Intake;
  let server: AgentServer;
  let alice: string;
  let bob: string;
  let mona: string;
  let critique = '';
  beforeAll(async () => {
    intake = await createIntake(services, { tableName: 'sender-trust' });
    const api = await startAgentApi(intake);
    server = api.server;
    [alice, bob, mona] = await Promise.all([
      api.login('alice', 'reunion'),
      api.login('bob', 'reunion'),
      api.login('mona', 'martinique'),
    ]);
    const created = await intake.deliver(
      mail({ from: MARIE, subject: '[Critique] Serveur de réservation arrêté' }),
    );
    critique = created.reference ?? '';
    expect(created).toMatchObject({ outcome: 'ticket-created', priority: 'critique' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    intake?.destroy();
  });

  const details = async (reference: string) =>
    (await call<Details>(server, 'GET', `/api/tickets/${reference}`, { token: alice })).body;

  it("holds a forged follow-up (GRAY, SPF and DKIM FAIL, the requester's From, the reference in the subject): the ticket does not change", async () => {
    const before = await intake.store.getTicket(critique);
    const sent = (await intake.sentMails()).length;
    intake.clock.advance(60_000);
    const result = await intake.deliver(
      mail({
        from: MARIE,
        subject: `Re: [${critique}] Serveur de réservation arrêté`,
        body: 'Priorité : normale\n\nFinalement ce n’est pas urgent, prenez votre temps.',
      }),
      FORGED,
    );
    expect(result).toMatchObject({ outcome: 'held', linkedTo: critique, reference: null });
    const after = await intake.store.getTicket(critique);
    expect(after).toEqual(before);
    expect(await intake.sentMails()).toHaveLength(sent);
    const view = await details(critique);
    expect(view.held).toHaveLength(1);
    expect(view.held[0]).toMatchObject({
      heldFor: critique,
      status: 'held',
      reason: expect.stringMatching(/unverified/),
    });
    const list = await call<{ items: Array<{ id: string; heldFor?: string }> }>(
      server,
      'GET',
      '/api/suspended?desk=reunion',
      { token: alice },
    );
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: view.held[0]?.id, heldFor: critique }),
    );
    // The same delivery again, or another delivery of the same message: nothing more.
    const again = await intake.deliver(
      mail({ from: MARIE, messageId: `<forged-1@x>`, subject: `Re: [${critique}] x` }),
      FORGED,
    );
    expect(again.outcome).toBe('held');
    const redelivered = await intake.deliver(
      mail({ from: MARIE, messageId: `<forged-1@x>`, subject: `Re: [${critique}] x` }),
      FORGED,
    );
    expect(redelivered.outcome).toBe('duplicate');
    expect(await intake.store.getTicket(critique)).toEqual(before);
  });

  it('holds a forged reply threaded by In-Reply-To as well, and a DMARC FAIL one', async () => {
    const first = (await intake.store.listMessages(critique))[0];
    const threaded = await intake.deliver(
      mail({ from: MARIE, subject: 'Re: serveur', inReplyTo: first?.messageId ?? '' }),
      { verdicts: { dmarc: 'FAIL', spf: 'PASS', dkim: 'PASS' } },
    );
    expect(threaded).toMatchObject({ outcome: 'held', linkedTo: critique });
  });

  it('applies a follow-up whose sender is verified by an aligned SPF pass without DMARC', async () => {
    const result = await intake.deliver(
      mail({
        from: MARIE,
        subject: `Re: [${critique}] Serveur de réservation arrêté`,
        body: 'Toujours en panne.',
      }),
      { verdicts: { spf: 'PASS', dkim: 'FAIL', dmarc: 'GRAY' }, source: 'bounces@mail.hotel-lagon-bleu.re' },
    );
    expect(result).toMatchObject({ outcome: 'follow-up', reference: critique });
  });

  it('makes a flagged ticket of an unverified new request, without acknowledgement', async () => {
    const sent = (await intake.sentMails()).length;
    const result = await intake.deliver(mail({ from: MARIE, subject: 'Changement de RIB' }), FORGED);
    expect(result).toMatchObject({
      outcome: 'ticket-created',
      acknowledgement: { state: 'suppressed', reason: 'sender:unverified' },
    });
    const ticket = await intake.store.getTicket(result.reference ?? '');
    expect(ticket?.flags.unverifiedSender).toBe(true);
    expect(await intake.sentMails()).toHaveLength(sent);
  });

  it('lets one of two agents accepting a held message at once win (409 for the other); it is then applied as a follow-up', async () => {
    const [held] = (await details(critique)).held.filter((h) => h.status === 'held');
    const before = await intake.store.getTicket(critique);
    const path = `/api/tickets/${critique}/held/${encodeURIComponent(held?.id ?? '')}/accept`;
    const [a, b] = await Promise.all([
      call<{ ticket: Ticket }>(server, 'POST', path, { token: alice }),
      call<{ ticket: Ticket }>(server, 'POST', path, { token: bob }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = await intake.store.getTicket(critique);
    // "Priorité : normale" from the client, as a follow-up: applied now that an agent vouched for it.
    expect(after).toMatchObject({
      priority: { level: 'normale' },
      messageCount: (before?.messageCount ?? 0) + 1,
    });
    const view = await details(critique);
    expect(view.held.find((h) => h.id === held?.id)).toMatchObject({ status: 'accepted' });
    // The accepted message's redelivery is a duplicate.
    const [message] = (await intake.store.listMessages(critique)).filter(
      (m) => m.deliveryId === held?.receipt.deliveryId,
    );
    expect(message).toBeDefined();
  });

  it('rejects a held message once (409 the second time) without touching the ticket; an agent of another desk gets 403', async () => {
    const [held] = (await details(critique)).held.filter((h) => h.status === 'held');
    const before = await intake.store.getTicket(critique);
    const path = `/api/tickets/${critique}/held/${encodeURIComponent(held?.id ?? '')}/reject`;
    expect((await call(server, 'POST', path, { token: mona })).status).toBe(403);
    expect((await call(server, 'POST', path, { token: alice })).status).toBe(200);
    expect((await call(server, 'POST', path, { token: bob })).status).toBe(409);
    expect(await intake.store.getTicket(critique)).toEqual(before);
    const list = await call<{ items: Array<{ id: string }> }>(server, 'GET', '/api/suspended?desk=reunion', {
      token: alice,
    });
    expect(list.body.items.map((i) => i.id)).not.toContain(held?.id);
  });
});

describe('Who gets our mail (issue 13, item 2; conversation.md §2)', () => {
  it('acknowledges the From address, and a Reply-To only of the same registrable domain', async () => {
    const intake = await createIntake(services, { tableName: 'ack-recipient' });
    try {
      await services.ses.clear();
      const foreign = await intake.deliver(
        mail({ from: MARIE, replyTo: 'victim@elsewhere.example', subject: 'Imprimante A' }),
      );
      expect(foreign.acknowledgement?.state).toBe('sent');
      const same = await intake.deliver(
        mail({ from: MARIE, replyTo: 'accueil@resa.hotel-lagon-bleu.re', subject: 'Imprimante B' }),
      );
      expect(same.acknowledgement?.state).toBe('sent');
      const to = (await intake.sentMails()).map((m) => m.destination.to.join(', '));
      expect(to).toHaveLength(2);
      expect(to[0]).toContain('<marie.payet@hotel-lagon-bleu.re>');
      expect(to[0]).not.toContain('elsewhere');
      expect(to[1]).toContain('accueil@resa.hotel-lagon-bleu.re');
    } finally {
      intake.destroy();
    }
  });

  it('counts +tag and case variants of one address against one limit', async () => {
    const intake = await createIntake(services, { tableName: 'ack-normalised' });
    try {
      const states: string[] = [];
      for (let i = 1; i <= 11; i++) {
        const result = await intake.deliver(
          mail({ from: `Marie+${i}@Hotel-Lagon-Bleu.re`, subject: `Demande numéro ${i}` }),
        );
        states.push(result.acknowledgement?.state ?? 'none');
      }
      expect(states.filter((s) => s === 'sent')).toHaveLength(10);
      expect(states[10]).toBe('suppressed');
    } finally {
      intake.destroy();
    }
  });

  it('stops at the per-desk hourly cap from the configuration, counts it and starts again the next hour', async () => {
    const config = { ...JSON.parse(SERVICE_DESK_CONFIG_JSON), acknowledgementsPerDeskHour: 2 };
    const intake = await createIntake(services, {
      tableName: 'ack-desk-cap',
      serviceDeskConfigJson: JSON.stringify(config),
    });
    try {
      const results = [];
      for (const who of ['a@client-a.re', 'b@client-b.re', 'c@client-c.re']) {
        results.push(await intake.deliver(mail({ from: who, subject: `Panne ${who}` })));
      }
      expect(results.map((r) => r.acknowledgement?.state)).toEqual(['sent', 'sent', 'suppressed']);
      expect(results[2]?.acknowledgement?.reason).toMatch(/desk hourly cap reached/);
      expect(intake.metrics.recorded).toContain('AcknowledgementsCapped');
      intake.clock.advance(3600_000);
      const later = await intake.deliver(mail({ from: 'd@client-d.re', subject: 'Panne d' }));
      expect(later.acknowledgement?.state).toBe('sent');
    } finally {
      intake.destroy();
    }
  });

  it('refuses a cap that is not a positive whole number at start-up', async () => {
    const config = { ...JSON.parse(SERVICE_DESK_CONFIG_JSON), acknowledgementsPerDeskHour: 0 };
    await expect(
      createIntake(services, {
        tableName: 'ack-desk-cap-bad',
        serviceDeskConfigJson: JSON.stringify(config),
      }),
    ).rejects.toThrow(/acknowledgementsPerDeskHour/);
  });
});

describe('A follow-up sent to another desk (issue 13, item 9)', () => {
  it('is a duplicate when redelivered late, after its ticket was resolved for good: no new ticket', async () => {
    const intake = await createIntake(services, { tableName: 'cross-desk-redelivery' });
    try {
      const first = '<cross-desk-1@hotel-lagon-bleu.re>';
      const created = await intake.deliver(mail({ messageId: first, subject: 'Wifi coupé' }));
      const followUp = mail({
        messageId: '<cross-desk-2@hotel-lagon-bleu.re>',
        to: 'martinique@exodata.fr',
        inReplyTo: first,
        subject: 'Re: Wifi coupé',
      });
      const delivery = { recipients: ['martinique@exodata.fr'] };
      expect(await intake.deliver(followUp, delivery)).toMatchObject({
        outcome: 'follow-up',
        reference: created.reference,
      });
      await setTicketStatus(intake, created.reference ?? '', 'résolu', '2026-11-30T08:00:00.000Z');
      intake.clock.set('2026-12-15T08:00:00.000Z');
      const late = await intake.deliver(followUp, delivery);
      expect(late).toMatchObject({
        outcome: 'duplicate',
        originalOutcome: 'follow-up',
        reference: created.reference,
      });
      expect(await intake.store.getTicket('EXO-2026-000002')).toBeNull();
    } finally {
      intake.destroy();
    }
  });
});
