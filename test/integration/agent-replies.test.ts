import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SesMailSender } from '../../shared/adapters/aws/ses-mail-sender';
import type { AgentServer } from '../../shared/adapters/http/server';
import type { Ticket } from '../../shared/domain/ticket/ticket';
import type { MailSender, SentMail } from '../../shared/ports/mail-sender';
import { recordDeliveryFeedback } from '../../shared/use-cases/record-delivery-feedback';
import { call, startAgentApi } from '../support/agent-api';
import { errors } from './intake/faults';
import { createIntake, type Intake, type Services, startServices, stopServices } from './intake/harness';
import { mail } from './intake/mail';

/** Réunion is UTC+4 all year. */
const reunion = (wallClock: string) => new Date(`${wallClock}:00+04:00`).toISOString();

type ReplyAnswer = { messageId: string | null; state: string; sentAt: string | null };
type OutView = {
  direction: 'out';
  id: string;
  state: string;
  stateLabel: string;
  author: { id: string; name: string };
  messageId: string | null;
  resendable: boolean;
  kind: string;
};
type Details = {
  ticket: Ticket;
  messages: Array<{ direction: 'in' | 'out'; id: string } & Partial<OutView>>;
};

let services: Services;
let intake: Intake;
let server: AgentServer;
let alice: string;
let bob: string;
let mona: string;
const raws: Buffer[] = [];
const outcomes: string[] = [];
let counter = 0;

/** The SES sender the API uses, keeping each raw MIME it handed to SES (the emulator drops headers). */
function recordingSender(inner: MailSender): MailSender {
  return {
    async send(m): Promise<SentMail> {
      const sent = await inner.send(m);
      raws.push(sent.raw);
      return sent;
    },
  };
}

async function newTicket(subject = '[Haute] Caisse en panne', extra: Parameters<typeof mail>[0] = {}) {
  const result = await intake.deliver(
    mail({ from: 'Gérant <gerant@quincaillerie-du-port.re>', subject, ...extra }),
    { receivedAt: reunion('2026-11-30T09:00') },
  );
  if (!result.reference) throw new Error(`no ticket: ${result.outcome}`);
  return result.reference;
}

const key = () => `reply-${++counter}-${Date.now()}`;

/**
 * The request body; `after` is sent as the API's `then` field (an object literal with a `then` key
 * is a thenable to the linter, and to `await`).
 */
function reply(ref: string, token: string, fields: Record<string, unknown> & { after?: string }) {
  const { after, ...rest } = fields;
  const body = after === undefined ? rest : Object.fromEntries([...Object.entries(rest), ['then', after]]);
  return call<ReplyAnswer & { error?: { code: string; message: string } }>(
    server,
    'POST',
    `/api/tickets/${ref}/replies`,
    { token, body },
  );
}

const details = async (ref: string) =>
  (await call<Details>(server, 'GET', `/api/tickets/${ref}`, { token: alice })).body;
const sent = async () => (await intake.sentMails()).length;

beforeAll(async () => {
  services = await startServices();
  intake = await createIntake(services, { tableName: 'agent-replies', start: reunion('2026-11-30T09:05') });
  const api = await startAgentApi(
    intake,
    {},
    {
      mailSender: recordingSender(
        new SesMailSender({ client: intake.clients.ses, region: intake.env.AWS_REGION }),
      ),
      onOutcome: (o) => outcomes.push(`${o.kind}:${o.state}`),
    },
  );
  server = api.server;
  [alice, bob, mona] = await Promise.all([
    api.login('alice', 'reunion'),
    api.login('bob', 'reunion'),
    api.login('mona', 'martinique'),
  ]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  intake?.destroy();
  await stopServices(services);
});

describe('POST /api/tickets/{ref}/replies', () => {
  it('sends the reply, which is the first contact (email, GTI met at its send time), and lists it as out', async () => {
    const ref = await newTicket();
    intake.clock.set(reunion('2026-11-30T09:20'));
    const before = await sent();
    const res = await reply(ref, alice, { text: 'Nous regardons la caisse.', idempotencyKey: key() });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('sent');
    expect(res.body.messageId).toMatch(/^<[^@]+@[a-z0-9-]+\.amazonses\.com>$/);
    expect(res.body.sentAt).toBe(reunion('2026-11-30T09:20'));
    expect(await sent()).toBe(before + 1);
    const [mailed] = (await intake.sentMails()).slice(-1);
    expect(mailed?.destination.to).toEqual(['"Gérant" <gerant@quincaillerie-du-port.re>']);
    expect(mailed?.subject).toBe(`[${ref}] [Haute] Caisse en panne`);

    const view = await details(ref);
    expect(view.ticket.work?.firstContact).toMatchObject({
      channel: 'email',
      at: reunion('2026-11-30T09:20'),
      gtiMet: true,
    });
    const out = view.messages.filter((m) => m.direction === 'out');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ state: 'sent', stateLabel: 'envoyé', messageId: res.body.messageId });
    expect(out[0]?.author?.id).toBe('alice');
    expect(view.messages[0]?.direction).toBe('in');
  });

  it('sends one mail for 10 concurrent identical requests, and the same key again answers the same', async () => {
    const ref = await newTicket('[Normale] Question facture');
    const before = await sent();
    const body = { text: 'Voici la facture corrigée.', idempotencyKey: key() };
    const answers = await Promise.all(Array.from({ length: 10 }, () => reply(ref, alice, body)));
    const created = answers.filter((a) => a.status === 201);
    // A request that finds another's send still running after its wait answers 503: retried, same answer.
    expect(answers.every((a) => a.status === 201 || a.status === 503)).toBe(true);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((a) => a.body.messageId)).size).toBe(1);
    const again = await reply(ref, alice, body);
    expect(again.status).toBe(201);
    expect(again.body.messageId).toBe(created[0]?.body.messageId);
    expect(await sent()).toBe(before + 1);
    expect((await details(ref)).messages.filter((m) => m.direction === 'out')).toHaveLength(1);
  });

  it('refuses the same key for another text (409), another desk (403), a bad body (400)', async () => {
    const ref = await newTicket('[Normale] Autre question');
    const k = key();
    expect((await reply(ref, alice, { text: 'Un', idempotencyKey: k })).status).toBe(201);
    const other = await reply(ref, alice, { text: 'Deux', idempotencyKey: k });
    expect(other.status).toBe(409);
    const foreign = await reply(ref, mona, { text: 'Bonjour', idempotencyKey: key() });
    expect(foreign.status).toBe(403);
    const bad = await reply(ref, alice, { text: '', idempotencyKey: 'x', after: 'later' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/text: .*idempotencyKey: .*then: /);
    const noSummary = await reply(ref, alice, { text: 'ok', idempotencyKey: key(), after: 'resolve' });
    expect(noSummary.status).toBe(400);
    expect(noSummary.body.error?.message).toContain('summary');
  });

  it('"wait" pauses the GTR; when the client answers, the paused open time is added to it', async () => {
    const ref = await newTicket('[Haute] Imprimante');
    intake.clock.set(reunion('2026-11-30T10:00'));
    const gtrBefore = (await details(ref)).ticket.gtrDueAt;
    const res = await reply(ref, alice, {
      text: 'Pouvez-vous redémarrer ?',
      idempotencyKey: key(),
      after: 'wait',
    });
    expect(res.status).toBe(201);
    const paused = (await details(ref)).ticket;
    expect(paused.status).toBe('en attente client');
    expect(paused.work?.pause?.since).toBe(reunion('2026-11-30T10:00'));
    intake.clock.set(reunion('2026-11-30T11:30'));
    const resumed = await call<{ ticket: Ticket }>(server, 'POST', `/api/tickets/${ref}/resume`, {
      token: alice,
    });
    expect(resumed.status).toBe(200);
    // 10:00 → 11:30 on a Monday is 90 open minutes of the standard contract.
    expect(Date.parse(resumed.body.ticket.gtrDueAt) - Date.parse(gtrBefore)).toBe(90 * 60_000);
  });

  it('reply-and-resolve against a concurrent resolve: one wins, the other gets 409', async () => {
    const ref = await newTicket('[Normale] Licence');
    intake.clock.set(reunion('2026-11-30T12:00'));
    const before = await sent();
    const [viaReply, direct] = await Promise.all([
      reply(ref, alice, {
        text: 'Licence renouvelée.',
        idempotencyKey: key(),
        after: 'resolve',
        summary: 'licence renouvelée',
      }),
      call(server, 'POST', `/api/tickets/${ref}/resolve`, { token: bob, body: { summary: 'fait' } }),
    ]);
    const statuses = [viaReply.status, direct.status].sort();
    expect([
      [200, 409],
      [201, 409],
    ]).toContainEqual(statuses);
    const view = await details(ref);
    expect(view.ticket.status).toBe('résolu');
    // One mail: the reply (with the resolution paragraph), or the resolution notice of the direct resolve.
    expect(await sent()).toBe(before + 1);
  });

  it('attacker: CR/LF and <script> in the text arrive inert in the raw MIME', async () => {
    const ref = await newTicket('[Normale] Test');
    const text = 'Merci.\r\nBcc: victim@evil.example\r\nX-Injected: 1\r\n\r\n<script>alert(1)</script>';
    const res = await reply(ref, alice, { text, idempotencyKey: key() });
    expect(res.status).toBe(201);
    const raw = raws.at(-1)!;
    const head = raw.toString('utf8').split('\r\n\r\n')[0]!;
    expect(head).not.toMatch(/^(Bcc|X-Injected|Auto-Submitted):/im);
    expect(head).toMatch(/^X-Exodata-Loop: /im);
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(String(parsed.html)).not.toContain('<script');
    expect(String(parsed.html)).toContain('&lt;script&gt;');
    expect(parsed.text).toContain('Bcc: victim@evil.example');
    expect(parsed.inReplyTo).toMatch(/^<msg-/);
  });
});

describe('Replies: SES faults never give two mails', () => {
  it('throttling past the retries: not sent (502), recorded rejected, nothing mailed, same key the same', async () => {
    const ref = await newTicket('[Normale] Throttle');
    const before = await sent();
    intake.faults.failBefore('ses', 'SendRawEmailCommand', errors.sesThrottled, 3);
    const k = key();
    const res = await reply(ref, alice, { text: 'Bonjour', idempotencyKey: k });
    expect(res.status).toBe(502);
    expect(res.body.error?.code).toBe('REPLY_NOT_SENT');
    expect((await reply(ref, alice, { text: 'Bonjour', idempotencyKey: k })).status).toBe(502);
    expect(await sent()).toBe(before);
    const out = (await details(ref)).messages.find((m) => m.direction === 'out');
    expect(out).toMatchObject({ state: 'rejected', stateLabel: 'rejeté' });
  });

  // The mail-sender port's contract: a 5xx answer comes after SES read the request, the mail may have
  // left (MailOutcomeUnknownError), so it is never sent again on its own.
  it('a 5xx: unconfirmed, not retried, nothing more mailed', async () => {
    const ref = await newTicket('[Normale] 5xx');
    const before = await sent();
    intake.faults.failBefore('ses', 'SendRawEmailCommand', errors.internalFailure, 1);
    const res = await reply(ref, alice, { text: 'Bonjour', idempotencyKey: key() });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('unconfirmed');
    expect(await sent()).toBe(before);
  });

  it('a lost response: unconfirmed (metric, shown on the ticket), never resent on its own; "renvoyer" only when confirmed', async () => {
    const ref = await newTicket('[Normale] Perdu');
    const before = await sent();
    intake.faults.failAfter('ses', 'SendRawEmailCommand', errors.timeout, 1);
    const k = key();
    const res = await reply(ref, alice, { text: 'Bonjour', idempotencyKey: k });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'unconfirmed', messageId: null });
    expect(outcomes).toContain('reply:unconfirmed');
    const again = await reply(ref, alice, { text: 'Bonjour', idempotencyKey: k });
    expect(again.body.state).toBe('unconfirmed');
    expect(await sent()).toBe(before + 1);
    const out = (await details(ref)).messages.find((m) => m.direction === 'out');
    expect(out).toMatchObject({ state: 'unconfirmed', stateLabel: 'non confirmé', resendable: true });

    const unconfirmedResend = await call(server, 'POST', `/api/tickets/${ref}/messages/${k}/resend`, {
      token: alice,
      body: {},
    });
    expect(unconfirmedResend.status).toBe(400);
    const resent = await call<ReplyAnswer>(server, 'POST', `/api/tickets/${ref}/messages/${k}/resend`, {
      token: alice,
      body: { confirm: true },
    });
    expect(resent.status).toBe(200);
    expect(resent.body.state).toBe('sent');
    expect(await sent()).toBe(before + 2);
    const twice = await call(server, 'POST', `/api/tickets/${ref}/messages/${k}/resend`, {
      token: alice,
      body: { confirm: true },
    });
    expect(twice.status).toBe(409);
  });
});

describe('Resending an unconfirmed acknowledgement ("renvoyer")', () => {
  it('resends it only on request, once, and refuses any other state', async () => {
    intake.faults.failAfter('ses', 'SendRawEmailCommand', errors.timeout, 1);
    const ref = await newTicket('[Normale] Accusé perdu');
    const before = await sent();
    expect((await details(ref)).ticket.acknowledgement.state).toBe('unconfirmed');
    const path = `/api/tickets/${ref}/messages/acknowledgement/resend`;
    const resent = await call<ReplyAnswer>(server, 'POST', path, { token: alice, body: { confirm: true } });
    expect(resent.status).toBe(200);
    expect(resent.body.state).toBe('sent');
    expect(await sent()).toBe(before + 1);
    expect((await call(server, 'POST', path, { token: alice, body: { confirm: true } })).status).toBe(409);
    expect((await call(server, 'POST', path, { token: mona, body: { confirm: true } })).status).toBe(403);
    expect(await sent()).toBe(before + 1);
  });
});

describe('Replies: threading, bounces, notifications', () => {
  it('the client answering the reply threads onto the same ticket, with no new acknowledgement', async () => {
    const ref = await newTicket('[Normale] Fil');
    const res = await reply(ref, alice, { text: 'Pouvez-vous préciser ?', idempotencyKey: key() });
    const before = await sent();
    const answer = await intake.deliver(
      mail({
        from: 'Gérant <gerant@quincaillerie-du-port.re>',
        subject: `RE: [${ref}] Fil`.replace(`[${ref}] `, ''),
        inReplyTo: res.body.messageId ?? '',
        references: res.body.messageId ?? '',
      }),
      { receivedAt: reunion('2026-11-30T13:00') },
    );
    expect(answer.reference).toBe(ref);
    expect(answer.outcome).toBe('follow-up');
    expect(await sent()).toBe(before);
  });

  it('a bounce of a reply marks it "rebond" on the ticket', async () => {
    // An address of its own: the bounce suppresses it, and the other tests mail the manager.
    const ref = await newTicket('[Normale] Rebond', { from: 'Caisse <caisse@quincaillerie-du-port.re>' });
    const res = await reply(ref, alice, { text: 'Bonjour', idempotencyKey: key() });
    const sesId = /^<([^@]+)@/.exec(res.body.messageId ?? '')?.[1] ?? '';
    const result = await recordDeliveryFeedback(
      {
        kind: 'bounce',
        label: 'Bounce',
        permanent: true,
        recipients: [{ address: 'caisse@quincaillerie-du-port.re', detail: 'General: 550 unknown user' }],
        sentMessageId: sesId,
      },
      { tickets: intake.store, clock: intake.clock },
    );
    expect(result.marked).toMatchObject({ reference: ref });
    const out = (await details(ref)).messages.find((m) => m.direction === 'out');
    expect(out).toMatchObject({ state: 'bounced', stateLabel: 'rebond' });
    // The address is suppressed now: a new reply is refused rather than bounced again.
    expect((await reply(ref, alice, { text: 'Encore', idempotencyKey: key() })).status).toBe(409);
  });

  it('an agent priority change and a resolution are mailed to the client once each', async () => {
    const ref = await newTicket('[Normale] Notifications');
    const before = await sent();
    const priority = await call<{ notification: { state: string } }>(
      server,
      'POST',
      `/api/tickets/${ref}/priority`,
      {
        token: alice,
        body: { level: 'haute', reason: 'caisse principale' },
      },
    );
    expect(priority.status).toBe(200);
    expect(priority.body.notification.state).toBe('sent');
    const resolved = await call<{ notification: { state: string } }>(
      server,
      'POST',
      `/api/tickets/${ref}/resolve`,
      {
        token: alice,
        body: { summary: 'caisse remplacée' },
      },
    );
    expect(resolved.body.notification.state).toBe('sent');
    const mails = (await intake.sentMails()).slice(before);
    expect(mails).toHaveLength(2);
    expect(mails[0]?.body.text).toContain('La priorité de votre demande est passée de normale à haute');
    expect(mails[1]?.body.text).toContain('caisse remplacée');
    expect(mails[1]?.body.text).toContain('dans les 7 jours');
    const head = raws.at(-1)!.toString('utf8').split('\r\n\r\n')[0]!;
    expect(head).toMatch(/^Auto-Submitted: auto-generated/im);
    // A note is never mailed.
    await call(server, 'POST', `/api/tickets/${ref}/notes`, { token: alice, body: { text: 'interne' } });
    expect(await sent()).toBe(before + 2);
  });
});
