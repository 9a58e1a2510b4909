import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LateServer, listenFirst } from '../../shared/adapters/http/client/server';
import {
  ClientActionResponseSchema,
  type ClientErrorBody,
  ClientReportMonthsResponseSchema,
  ClientSessionResponseSchema,
  ClientTicketListResponseSchema,
  ClientTicketViewSchema,
  INVALID_LINK_BODY,
  SIGN_IN_MESSAGE,
} from '../../shared/adapters/http/client-api-schemas';
import type { AgentServer } from '../../shared/adapters/http/server';
import { REPORT_CSP_HEADER } from '../../shared/domain/report/report-html';
import { recentMonths } from '../../shared/domain/report/report-period';
import type { ClientPortalDeps } from '../../shared/use-cases/client-portal';
import { createClientAppWith, createClientPortalDeps } from '../../shared/wiring/client';
import { call, startAgentApi } from '../support/agent-api';
import { createIntake, type Intake, type Services, startServices, stopServices } from './intake/harness';
import { mail } from './intake/mail';

/**
 * The client portal (docs/client-portal.md) on the real intake, agent API and table: the client's path
 * (acknowledgement link → session → ticket; "Mes demandes") and, beside it, the attacker's.
 */
const ORIGIN = 'https://support.exodata.fr';
const ADMIN = 'direction@quincaillerie-du-port.re';
const OTHER_ADMIN = 'dg@hotel-lagon-bleu.re';
const reunion = (wallClock: string) => new Date(`${wallClock}:00+04:00`).toISOString();

let services: Services;
let intake: Intake;
let agentServer: AgentServer;
let client: LateServer;
let deps: ClientPortalDeps;
let alice: string;
const logged: string[] = [];
let source = 0;

/** Each test its own source address, unless it shares one on purpose (rate limits). */
const newSource = () => `198.51.100.${++source}`;

type Answer = { status: number; text: string; headers: Headers; json: () => unknown };

async function request(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; cookie?: string; csrf?: string; origin?: string | null; from?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'x-test-source': options.from ?? newSource() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.csrf) headers['X-CSRF-Token'] = options.csrf;
  if (options.origin !== null && method === 'POST') headers.Origin = options.origin ?? ORIGIN;
  const res = await fetch(`${client.url}${path}`, {
    method,
    headers,
    redirect: 'manual',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) };
}

/** `exo_client=…` from a Set-Cookie, as the browser would send it back. */
function cookieOf(res: Answer): string {
  const set = res.headers.get('set-cookie') ?? '';
  const match = /exo_client=([^;]*)/.exec(set);
  if (!match) throw new Error(`no session cookie in ${set}`);
  return `exo_client=${match[1]}`;
}

/** The portal link of the latest mail to `to`: reference and secret. */
async function lastLink(to: string): Promise<{ url: string; reference: string; secret: string }> {
  const mails = (await intake.sentMails()).filter((m) => m.destination.to.some((d) => d.includes(to)));
  const text = mails.at(-1)?.body.text ?? '';
  const match = /(https:\/\/support\.exodata\.fr\/t\/(EXO-\d{4}-\d{6})#k=([A-Za-z0-9_-]+))/.exec(text);
  if (!match) throw new Error(`no portal link in the last mail to ${to}: ${text.slice(0, 300)}`);
  return { url: match[1]!, reference: match[2]!, secret: match[3]! };
}

async function newTicket(from: string, subject: string, extra: Parameters<typeof mail>[0] = {}) {
  const result = await intake.deliver(mail({ from, subject, ...extra }), {
    receivedAt: intake.clock.now().toISOString(),
  });
  if (!result.reference) throw new Error(`no ticket: ${result.outcome}`);
  return result.reference;
}

async function openSession(reference: string, secret: string) {
  const res = await request('POST', '/api/client/link-session', { body: { reference, secret } });
  expect(res.status).toBe(204);
  const cookie = cookieOf(res);
  const session = ClientSessionResponseSchema.parse(
    (await request('GET', '/api/client/session', { cookie })).json(),
  );
  return { cookie, csrf: session.csrfToken, session };
}

beforeAll(async () => {
  services = await startServices();
  intake = await createIntake(services, { tableName: 'client-portal', start: reunion('2026-11-30T09:00') });
  // Client administrators (docs/client-portal.md): one at each of two clients (monthly reports).
  for (const [clientId, name, domain, admin] of [
    ['CLI-RE-0027', 'Quincaillerie du Port', 'quincaillerie-du-port.re', ADMIN],
    ['CLI-RE-0012', 'Hôtel Lagon Bleu', 'hotel-lagon-bleu.re', OTHER_ADMIN],
  ] as const)
    await intake.deps.directory.putClient({
      clientId,
      name,
      contract: clientId === 'CLI-RE-0012' ? 'premium' : 'standard',
      homeDesk: 'reunion',
      addresses: [],
      domains: [domain],
      administrators: [admin],
    });
  const api = await startAgentApi(intake);
  agentServer = api.server;
  alice = await api.login('alice', 'reunion');
  deps = createClientPortalDeps({
    config: intake.env.SERVICE_DESK_CONFIG,
    clients: intake.clients,
    tableName: intake.env.TABLE_NAME,
    mail: { region: intake.env.AWS_REGION },
    clock: intake.clock,
    limits: {
      linkPerSource: { limit: 5, windowSeconds: 900 },
      signInPerAddress: { limit: 3, windowSeconds: 3600 },
      reportPerAddress: { limit: 4, windowSeconds: 900 },
    },
    log: (message, detail) => logged.push(`${message} ${JSON.stringify(detail)}`),
  });
  client = await listenFirst({ port: 0, hostname: '127.0.0.1' });
  client.attach(
    createClientAppWith(deps, {
      shell: null,
      intake: intake.deps,
      files: { s3: intake.clients.s3, bucket: intake.env.RAW_MAIL_BUCKET },
      sourceOf: (c) => c.req.header('x-test-source') ?? 'unknown',
    }).fetch,
  );
}, 120_000);

afterAll(async () => {
  await client?.close();
  await agentServer?.close();
  intake?.destroy();
  await stopServices(services);
});

describe('the client’s path: acknowledgement link → session → ticket', () => {
  it('opens the ticket from the link in the acknowledgement, with only public data', async () => {
    const reference = await newTicket('Marie Payet <marie.payet@hotel-lagon-bleu.re>', 'Imprimante en panne');
    const link = await lastLink('marie.payet@hotel-lagon-bleu.re');
    expect(link.reference).toBe(reference);
    expect(link.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const ack = (await intake.sentMails()).at(-1)?.body.text ?? '';
    expect(ack).not.toContain('/tickets/');

    const note = await call(agentServer, 'POST', `/api/tickets/${reference}/notes`, {
      token: alice,
      body: { text: 'NOTE-INTERNE: client difficile, ne pas citer' },
    });
    expect(note.status).toBe(201);

    const { cookie, session } = await openSession(reference, link.secret);
    expect(session).toMatchObject({ kind: 'ticket', reference, administrator: false });
    const res = await request('GET', `/api/client/tickets/${reference}`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const view = ClientTicketViewSchema.parse(res.json());
    expect(view).toMatchObject({
      reference,
      subject: 'Imprimante en panne',
      status: 'nouveau',
      language: 'fr',
    });
    expect(view.conversation).toHaveLength(1);
    expect(view.conversation[0]).toMatchObject({ kind: 'client', author: 'Marie Payet' });
    expect(view.conversation[0]?.text).toContain("L'imprimante de l'accueil ne fonctionne plus");
    expect(view.can).toEqual({
      reply: true,
      declarePriority: true,
      confirmResolved: false,
      answerPriority: false,
    });
    // A level the mail settles: nothing to confirm, no question shown.
    expect(view.questions).toEqual([]);
    expect(res.text).not.toContain('NOTE-INTERNE');
    expect(res.text).not.toContain('rawKey');
    expect(res.text).not.toContain('verdicts');
  });

  it('serves the same page shell, with a strict CSP, for every page path', async () => {
    const page = await request('GET', '/t/EXO-2026-000001');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    for (const path of ['/', '/mes-demandes', '/nimporte/quoi']) {
      expect((await request('GET', path)).text).toBe(page.text);
    }
    expect(page.text).not.toContain('EXO-2026-000001');
  });

  it('a reply by an agent carries a fresh link; the stored reply keeps none', async () => {
    const reference = await newTicket('Paul Hoarau <paul@hotel-lagon-bleu.re>', 'Wifi lent');
    const first = await lastLink('paul@hotel-lagon-bleu.re');
    const sent = await call(agentServer, 'POST', `/api/tickets/${reference}/replies`, {
      token: alice,
      body: { text: 'Nous regardons.', idempotencyKey: 'reply-portal-0001' },
    });
    expect(sent.status).toBe(201);
    const second = await lastLink('paul@hotel-lagon-bleu.re');
    expect(second.secret).not.toBe(first.secret);
    const details = await call(agentServer, 'GET', `/api/tickets/${reference}`, { token: alice });
    expect(JSON.stringify(details.body)).not.toContain(second.secret);
    // Both links work until "nouveau lien".
    await openSession(reference, first.secret);
    const { cookie } = await openSession(reference, second.secret);
    const view = ClientTicketViewSchema.parse(
      (await request('GET', `/api/client/tickets/${reference}`, { cookie })).json(),
    );
    expect(view.conversation.map((m) => m.kind)).toEqual(['client', 'agent']);
    expect(view.conversation[1]).toMatchObject({ author: 'alice', text: 'Nous regardons.' });
  });
});

describe('the attacker’s path: every wrong link gets the same bytes', () => {
  it('tampered, other ticket’s, unknown reference, malformed, revoked, expired: one identical 404', async () => {
    const a = await newTicket('Anne <anne@quincaillerie-du-port.re>', 'Caisse bloquée');
    const linkA = await lastLink('anne@quincaillerie-du-port.re');
    const b = await newTicket('Bruno <bruno@quincaillerie-du-port.re>', 'Scanner');
    const linkB = await lastLink('bruno@quincaillerie-du-port.re');
    const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`;
    const attempts: Array<[string, unknown]> = [
      ['tampered', { reference: a, secret: flip(linkA.secret) }],
      ['other ticket', { reference: a, secret: linkB.secret }],
      ['unknown reference', { reference: 'EXO-2026-999999', secret: linkA.secret }],
      ['malformed', { reference: '../../etc', secret: 'x' }],
      ['not JSON', 'garbage'],
    ];
    const expected = JSON.stringify(INVALID_LINK_BODY);
    for (const [why, body] of attempts) {
      const res = await request('POST', '/api/client/link-session', { body });
      expect({ why, status: res.status, text: res.text }).toEqual({ why, status: 404, text: expected });
      expect(res.headers.get('set-cookie')).toBeNull();
    }

    // Revoked: "nouveau lien" ends every link mailed before, and the sessions they opened.
    const before = await openSession(b, linkB.secret);
    const rotated = await call<{ linkGeneration: number }>(
      agentServer,
      'POST',
      `/api/tickets/${b}/client-link/rotate`,
      { token: alice },
    );
    expect(rotated).toEqual({ status: 200, body: { linkGeneration: 2 } });
    const revoked = await request('POST', '/api/client/link-session', {
      body: { reference: b, secret: linkB.secret },
    });
    expect([revoked.status, revoked.text]).toEqual([404, expected]);
    expect((await request('GET', '/api/client/session', { cookie: before.cookie })).status).toBe(401);
    const events = await call<{ events: Array<{ type: string; actor: string }> }>(
      agentServer,
      'GET',
      `/api/tickets/${b}`,
      { token: alice },
    );
    expect(events.body.events).toContainEqual(
      expect.objectContaining({ type: 'client-link-rotated', actor: 'alice' }),
    );

    // A ticket of another session: the same answer as a ticket that does not exist.
    const sessionA = await openSession(a, linkA.secret);
    for (const ref of [b, 'EXO-2026-999999', 'nope']) {
      const res = await request('GET', `/api/client/tickets/${ref}`, { cookie: sessionA.cookie });
      expect([res.status, res.text]).toEqual([404, expected]);
    }
  });

  it('a link stops working 30 days after its ticket was closed', async () => {
    const reference = await newTicket('Chloé <chloe@hotel-lagon-bleu.re>', 'Badge');
    const link = await lastLink('chloe@hotel-lagon-bleu.re');
    const ticket = (await intake.store.getTicket(reference))!;
    const closedAt = intake.clock.now().toISOString();
    expect(
      await deps.tickets.updateTicket({
        ticket: { ...ticket, status: 'fermé', closedAt, version: ticket.version + 1 },
        expectedVersion: ticket.version,
        events: [],
      }),
    ).toBe('updated');
    const start = intake.clock.now().toISOString();
    try {
      intake.clock.advance(29 * 24 * 3600 * 1000);
      await openSession(reference, link.secret);
      intake.clock.advance(2 * 24 * 3600 * 1000);
      const res = await request('POST', '/api/client/link-session', {
        body: { reference, secret: link.secret },
      });
      expect([res.status, res.text]).toEqual([404, JSON.stringify(INVALID_LINK_BODY)]);
    } finally {
      intake.clock.set(start);
    }
  });

  it('rate limits link attempts per source address (429), other sources unaffected', async () => {
    const from = newSource();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await request('POST', '/api/client/link-session', {
        from,
        body: { reference: 'EXO-2026-999999', secret: 'A'.repeat(32) },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    const limited = await request('POST', '/api/client/link-session', { from, body: {} });
    expect(limited.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringContaining('Trop de tentatives') },
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await request('POST', '/api/client/link-session', { body: {} })).status).toBe(404);
  });

  it('refuses a session request from another site (Origin) with 403', async () => {
    const res = await request('POST', '/api/client/link-session', {
      origin: 'https://evil.example',
      body: { reference: 'EXO-2026-000001', secret: 'A'.repeat(32) },
    });
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'CSRF' } });
    expect((await request('POST', '/api/client/link-session', { origin: null, body: {} })).status).toBe(403);
  });

  it('never stores or logs a raw secret', async () => {
    await newTicket('Denis <denis@hotel-lagon-bleu.re>', 'Serveur');
    const link = await lastLink('denis@hotel-lagon-bleu.re');
    const { cookie } = await openSession(link.reference, link.secret);
    const sessionSecret = cookie.split('=')[1]!;
    const items = await intake.clients.doc.send(new ScanCommand({ TableName: intake.env.TABLE_NAME }));
    const table = JSON.stringify(items.Items);
    expect(table).toContain('CLIENTLINK#');
    expect(table).not.toContain(link.secret);
    expect(table).not.toContain(sessionSecret);
    expect(logged.join('\n')).not.toContain(link.secret);
    expect(logged.join('\n')).not.toContain(sessionSecret);
  });
});

describe('"Mes demandes": sign-in by address', () => {
  it('answers the same for a known and an unknown address; mails a link only to the known one', async () => {
    await newTicket('Eva <eva@hotel-lagon-bleu.re>', 'Messagerie', { cc: 'Fred <fred@hotel-lagon-bleu.re>' });
    const mailsBefore = (await intake.sentMails()).length;
    const known = await request('POST', '/api/client/sign-in', {
      body: { email: 'Eva@Hotel-Lagon-Bleu.re' },
    });
    const unknown = await request('POST', '/api/client/sign-in', { body: { email: 'nobody@example.org' } });
    expect([known.status, known.text]).toEqual([202, JSON.stringify({ message: SIGN_IN_MESSAGE })]);
    expect([unknown.status, unknown.text]).toEqual([known.status, known.text]);
    const mails = (await intake.sentMails()).slice(mailsBefore);
    expect(mails.map((m) => m.destination.to)).toEqual([['eva@hotel-lagon-bleu.re']]);
    const token = /mes-demandes#jeton=([A-Za-z0-9_-]{32})/.exec(mails[0]?.body.text ?? '')?.[1];
    expect(token).toBeDefined();

    const redeemed = await request('POST', '/api/client/sign-in/redeem', { body: { token } });
    expect(redeemed.status).toBe(204);
    const cookie = cookieOf(redeemed);
    const again = await request('POST', '/api/client/sign-in/redeem', { body: { token } });
    expect([again.status, again.text]).toEqual([404, JSON.stringify(INVALID_LINK_BODY)]);

    const session = ClientSessionResponseSchema.parse(
      (await request('GET', '/api/client/session', { cookie })).json(),
    );
    expect(session).toMatchObject({
      kind: 'address',
      email: 'eva@hotel-lagon-bleu.re',
      administrator: false,
    });
    const list = ClientTicketListResponseSchema.parse(
      (await request('GET', '/api/client/tickets', { cookie })).json(),
    );
    expect(list.tickets.map((t) => t.subject)).toEqual(['Messagerie']);

    // The Cc of the first message signs in too and sees the same ticket.
    await request('POST', '/api/client/sign-in', { body: { email: 'fred@hotel-lagon-bleu.re' } });
    const fredToken = /jeton=([A-Za-z0-9_-]{32})/.exec(
      (await intake.sentMails()).at(-1)?.body.text ?? '',
    )?.[1];
    const fred = await request('POST', '/api/client/sign-in/redeem', { body: { token: fredToken } });
    const fredList = ClientTicketListResponseSchema.parse(
      (await request('GET', '/api/client/tickets', { cookie: cookieOf(fred) })).json(),
    );
    expect(fredList.tickets.map((t) => t.subject)).toEqual(['Messagerie']);
  });

  it('rate limits sign-in per address, known or unknown alike (429)', async () => {
    for (const email of ['eva@hotel-lagon-bleu.re', 'ghost@example.org']) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await request('POST', '/api/client/sign-in', { body: { email } })).status);
      // eva already asked once above: her limit bites one request earlier, as any address's would.
      expect(statuses.at(-1)).toBe(429);
    }
  });
});

describe('client writes: the e-mail follow-up’s own path, behind CSRF protection', () => {
  const action = (ref: string, name: string, body: Record<string, unknown> = {}) =>
    call(agentServer, 'POST', `/api/tickets/${ref}/${name}`, { token: alice, body });
  const ticketOf = async (ref: string) => (await intake.store.getTicket(ref))!;

  it('a message resumes a ticket waiting on the client, once per idempotency key, audited', async () => {
    const reference = await newTicket('Hugo <hugo@hotel-lagon-bleu.re>', 'Sauvegarde');
    const link = await lastLink('hugo@hotel-lagon-bleu.re');
    expect((await action(reference, 'first-contact', { channel: 'phone' })).status).toBe(200);
    expect((await action(reference, 'wait', { reason: 'attente du journal' })).status).toBe(200);
    intake.clock.advance(60_000);
    expect((await ticketOf(reference)).status).toBe('en attente client');

    const { cookie, csrf } = await openSession(reference, link.secret);
    const body = { text: 'Voici le journal demandé.', idempotencyKey: 'portal-msg-0001' };
    const first = await request('POST', `/api/client/tickets/${reference}/messages`, { cookie, csrf, body });
    expect(first.status).toBe(201);
    const again = await request('POST', `/api/client/tickets/${reference}/messages`, { cookie, csrf, body });
    expect([again.status, again.json()]).toEqual([201, first.json()]);

    const ticket = await ticketOf(reference);
    expect(ticket.status).toBe('en cours');
    expect(ticket.messageCount).toBe(2);
    const events = (await intake.store.listAuditEvents(reference)).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['follow-up-added', 'ticket-resumed']));
    const view = ClientTicketViewSchema.parse(
      (await request('GET', `/api/client/tickets/${reference}`, { cookie })).json(),
    );
    expect(view.conversation.map((m) => m.text)).toContain('Voici le journal demandé.');
  });

  it('refuses a write without the CSRF token, with another token or from another Origin (403)', async () => {
    const reference = await newTicket('Inès <ines@hotel-lagon-bleu.re>', 'Imprimante');
    const link = await lastLink('ines@hotel-lagon-bleu.re');
    const { cookie, csrf } = await openSession(reference, link.secret);
    const body = { text: 'x', idempotencyKey: 'portal-csrf-0001' };
    const path = `/api/client/tickets/${reference}/messages`;
    for (const attempt of [
      { cookie, body },
      { cookie, body, csrf: `${csrf.slice(0, -2)}xx` },
      { cookie, body, csrf, origin: 'https://evil.example' },
      { cookie, body, csrf, origin: null },
    ]) {
      const res = await request('POST', path, attempt);
      expect(res.status).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'CSRF' } });
    }
    expect((await ticketOf(reference)).messageCount).toBe(1);
  });

  it('stores hostile text as plain text and returns it as such (the pages put it in the DOM as text)', async () => {
    const reference = await newTicket('Jade <jade@hotel-lagon-bleu.re>', 'Écran');
    const link = await lastLink('jade@hotel-lagon-bleu.re');
    const { cookie, csrf } = await openSession(reference, link.secret);
    intake.clock.advance(60_000);
    const xss = '<script>alert(1)</script><img src=x onerror="alert(2)"> & « ok »';
    const res = await request('POST', `/api/client/tickets/${reference}/messages`, {
      cookie,
      csrf,
      body: { text: xss, idempotencyKey: 'portal-xss-0001' },
    });
    expect(res.status).toBe(201);
    const viewRes = await request('GET', `/api/client/tickets/${reference}`, { cookie });
    expect(viewRes.headers.get('content-type')).toMatch(/^application\/json/);
    const view = ClientTicketViewSchema.parse(viewRes.json());
    const { id } = res.json() as { id: string };
    expect(view.conversation.find((m) => m.id === id)?.text).toBe(xss);
  });

  it('declares a priority by the Priorité rule, never over an agent’s choice (409)', async () => {
    const reference = await newTicket('Karl <karl@hotel-lagon-bleu.re>', 'Question');
    const link = await lastLink('karl@hotel-lagon-bleu.re');
    const { cookie, csrf } = await openSession(reference, link.secret);
    const declared = await request('POST', `/api/client/tickets/${reference}/priority`, {
      cookie,
      csrf,
      body: { level: 'critique' },
    });
    expect(declared.status).toBe(200);
    expect(declared.json()).toMatchObject({
      ticket: { priority: { level: 'critique', source: 'declared' } },
    });
    expect(
      (await action(reference, 'priority', { level: 'normale', reason: 'une seule personne gênée' })).status,
    ).toBe(200);
    const refused = await request('POST', `/api/client/tickets/${reference}/priority`, {
      cookie,
      csrf,
      body: { level: 'haute' },
    });
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('équipe') },
    });
    expect((await ticketOf(reference)).priority).toMatchObject({ level: 'normale', source: 'agent' });
  });

  it('reopens a resolved ticket within 7 days; "C’est résolu, merci" closes it (409 while not resolved)', async () => {
    const reference = await newTicket('Léa <lea@hotel-lagon-bleu.re>', 'Licence');
    const link = await lastLink('lea@hotel-lagon-bleu.re');
    const { cookie, csrf } = await openSession(reference, link.secret);
    const confirm = () =>
      request('POST', `/api/client/tickets/${reference}/confirm-resolved`, { cookie, csrf, body: {} });
    expect((await confirm()).status).toBe(409);
    expect((await action(reference, 'resolve', { summary: 'licence renouvelée' })).status).toBe(200);
    const message = await request('POST', `/api/client/tickets/${reference}/messages`, {
      cookie,
      csrf,
      body: { text: 'Toujours bloqué.', idempotencyKey: 'portal-reopen-0001' },
    });
    expect(message.status).toBe(201);
    expect((await ticketOf(reference)).status).toBe('en cours');
    expect((await action(reference, 'resolve', { summary: 'licence activée' })).status).toBe(200);
    const closed = await confirm();
    expect(closed.status).toBe(200);
    expect(closed.json()).toMatchObject({ ticket: { status: 'fermé', can: { reply: false } } });
    expect((await ticketOf(reference)).closedAt).toBe(intake.clock.now().toISOString());
  });
});

describe('the priority questions answered in one click (issue 11)', () => {
  /** A critique by the tie rule: blocked, nobody says how many, no workaround said (both asked). */
  const TIE = 'Bonjour,\n\nLe terminal de paiement ne répond plus depuis 10h.\n';
  const ticketOf = async (ref: string) => (await intake.store.getTicket(ref))!;
  const priorityEvents = async (ref: string) =>
    (await intake.store.listAuditEvents(ref)).filter((e) => e.type.startsWith('priority-'));
  const answer = (ref: string, s: { cookie: string; csrf: string }, body: unknown) =>
    request('POST', `/api/client/tickets/${ref}/priority-answer`, { ...s, body });

  async function tieTicket(address: string) {
    const reference = await newTicket(`Client <${address}>`, 'Terminal de paiement', { body: TIE });
    const link = await lastLink(address);
    return { reference, session: await openSession(reference, link.secret) };
  }

  it('« Non » to several users makes a critique-by-tie haute, clocks re-targeted, audited once; a double click applies once', async () => {
    const { reference, session } = await tieTicket('mia@hotel-lagon-bleu.re');
    const before = await ticketOf(reference);
    expect(before.priority).toMatchObject({
      level: 'critique',
      confidence: 'low',
      uncertain: ['severalUsers', 'workaround'],
    });
    const shown = ClientTicketViewSchema.parse(
      (await request('GET', `/api/client/tickets/${reference}`, { cookie: session.cookie })).json(),
    );
    expect(shown.questions).toEqual([
      { fact: 'severalUsers', text: 'Êtes-vous plusieurs à être bloqués ?' },
      { fact: 'workaround', text: 'Pouvez-vous continuer à travailler autrement en attendant ?' },
    ]);
    expect(shown.can.answerPriority).toBe(true);

    intake.clock.advance(5 * 60_000);
    // A double click: both requests leave before either is answered.
    const [first, second] = await Promise.all([
      answer(reference, session, { fact: 'severalUsers', answer: false }),
      answer(reference, session, { fact: 'severalUsers', answer: false }),
    ]);
    const statuses = [first!.status, second!.status].sort();
    expect(statuses).toEqual([200, 409]);
    const ok = first!.status === 200 ? first! : second!;
    const refused = first!.status === 200 ? second! : first!;
    const view = ClientActionResponseSchema.parse(ok.json()).ticket;
    expect(view.priority.level).toBe('haute');
    expect(view.questions).toEqual([]);
    expect(view.can).toMatchObject({ answerPriority: false, declarePriority: true });
    expect(refused.json()).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('plus ouverte') },
    });

    const after = await ticketOf(reference);
    expect(after.priority).toMatchObject({ level: 'haute', confidence: 'high', uncertain: [] });
    expect(after.version).toBe(before.version + 1);
    expect(after.gtrDueAt).not.toBe(before.gtrDueAt);
    expect(Date.parse(after.gtrDueAt)).toBeGreaterThan(Date.parse(before.gtrDueAt));
    const events = await priorityEvents(reference);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'priority-changed',
        actor: 'mia@hotel-lagon-bleu.re',
        detail: expect.objectContaining({
          from: 'critique',
          to: 'haute',
          reason: 'answered by the client in a reply',
          evidence: 'Êtes-vous plusieurs à être bloqués ? Non (portail client)',
          previousGtrDueAt: before.gtrDueAt,
          gtrDueAt: after.gtrDueAt,
          gtiDueAt: after.gtiDueAt,
        }),
      }),
    ]);

    // Later clicks, on the answered question or on the one it settled with it: 409, nothing changes.
    for (const body of [
      { fact: 'severalUsers', answer: false },
      { fact: 'severalUsers', answer: true },
      { fact: 'workaround', answer: false },
    ]) {
      const again = await answer(reference, session, body);
      expect({ body, status: again.status }).toEqual({ body, status: 409 });
    }
    expect((await ticketOf(reference)).version).toBe(after.version);
    expect(await priorityEvents(reference)).toHaveLength(1);
  });

  it('« Oui » to the workaround: the level the facts then give (moyenne), the answered question gone', async () => {
    const { reference, session } = await tieTicket('noe@hotel-lagon-bleu.re');
    const res = await answer(reference, session, { fact: 'workaround', answer: true });
    expect(res.status).toBe(200);
    const view = ClientActionResponseSchema.parse(res.json()).ticket;
    const stored = await ticketOf(reference);
    expect(view.priority.level).toBe('moyenne');
    expect(stored.priority.level).toBe('moyenne');
    expect(view.questions.map((q) => q.fact)).toEqual(stored.priority.uncertain ?? []);
    expect(view.questions.map((q) => q.fact)).not.toContain('workaround');
  });

  it('« Oui » to several users confirms the critique: clocks kept, no change event, the answer audited for agents', async () => {
    const { reference, session } = await tieTicket('sarah@hotel-lagon-bleu.re');
    const before = await ticketOf(reference);
    const res = await answer(reference, session, { fact: 'severalUsers', answer: true });
    expect(res.status).toBe(200);
    const view = ClientActionResponseSchema.parse(res.json()).ticket;
    expect(view.priority.level).toBe('critique');
    expect(view.questions).toEqual([]);
    const after = await ticketOf(reference);
    expect(after.priority).toMatchObject({ level: 'critique', confidence: 'high', uncertain: [] });
    expect([after.gtiDueAt, after.gtrDueAt]).toEqual([before.gtiDueAt, before.gtrDueAt]);
    expect(await priorityEvents(reference)).toEqual([
      expect.objectContaining({
        type: 'priority-answered',
        actor: 'sarah@hotel-lagon-bleu.re',
        detail: {
          fact: 'severalUsers',
          answer: true,
          evidence: 'Êtes-vous plusieurs à être bloqués ? Oui (portail client)',
          level: 'critique',
          settled: true,
          channel: 'portal',
        },
      }),
    ]);
    expect((await answer(reference, session, { fact: 'workaround', answer: true })).status).toBe(409);
  });

  it('a question never asked, a level an agent fixed, a resolved ticket: 409 in French, nothing changed', async () => {
    const action = (ref: string, name: string, body: Record<string, unknown> = {}) =>
      call(agentServer, 'POST', `/api/tickets/${ref}/${name}`, { token: alice, body });
    const { reference, session } = await tieTicket('oscar@hotel-lagon-bleu.re');
    const never = await answer(reference, session, { fact: 'blocked', answer: true });
    expect(never.status).toBe(409);

    expect(
      (await action(reference, 'priority', { level: 'moyenne', reason: 'un seul terminal, CB manuelle' }))
        .status,
    ).toBe(200);
    const agentSet = await answer(reference, session, { fact: 'severalUsers', answer: true });
    expect(agentSet.status).toBe(409);
    expect(agentSet.json()).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('équipe') },
    });
    expect((await ticketOf(reference)).priority).toMatchObject({ level: 'moyenne', source: 'agent' });

    const other = await tieTicket('paul@hotel-lagon-bleu.re');
    expect((await action(other.reference, 'resolve', { summary: 'terminal redémarré' })).status).toBe(200);
    const resolved = await answer(other.reference, other.session, { fact: 'severalUsers', answer: true });
    expect(resolved.status).toBe(409);
    expect(resolved.json()).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('résolue') },
    });
    expect((await priorityEvents(other.reference)).filter((e) => e.type === 'priority-changed')).toEqual([]);
  });

  it('the attacker’s path: a forged fact or body is a 400; another ticket is answered as an unknown one', async () => {
    const mine = await tieTicket('quentin@hotel-lagon-bleu.re');
    const theirs = await tieTicket('rose@hotel-lagon-bleu.re');
    const before = await ticketOf(theirs.reference);
    for (const body of [
      { fact: 'critique', answer: false },
      { fact: '__proto__', answer: true },
      { fact: 'severalUsers', answer: 'non' },
      { fact: 'severalUsers' },
      { fact: 'severalUsers', answer: false, level: 'normale' },
      [{ fact: 'severalUsers', answer: false }],
    ]) {
      const res = await answer(mine.reference, mine.session, body);
      expect({ body, status: res.status, code: (res.json() as ClientErrorBody).error.code }).toEqual({
        body,
        status: 400,
        code: 'INPUT_INVALID',
      });
    }
    const expected = JSON.stringify(INVALID_LINK_BODY);
    for (const ref of [theirs.reference, 'EXO-2026-999999', 'nope']) {
      const res = await answer(ref, mine.session, { fact: 'severalUsers', answer: false });
      expect({ ref, status: res.status, text: res.text }).toEqual({ ref, status: 404, text: expected });
    }
    // Without the CSRF token or from another site: refused before anything is read.
    const forged = await request('POST', `/api/client/tickets/${mine.reference}/priority-answer`, {
      cookie: mine.session.cookie,
      body: { fact: 'severalUsers', answer: false },
    });
    expect(forged.status).toBe(403);
    const elsewhere = await request('POST', `/api/client/tickets/${mine.reference}/priority-answer`, {
      ...mine.session,
      origin: 'https://evil.example',
      body: { fact: 'severalUsers', answer: false },
    });
    expect(elsewhere.status).toBe(403);
    expect((await ticketOf(theirs.reference)).version).toBe(before.version);
    expect((await ticketOf(mine.reference)).priority).toMatchObject({ level: 'critique', confidence: 'low' });
  });
});

describe('client files: uploads on the shared upload module, downloads by a short-lived link', () => {
  /** What the page does: ask for a form, then post the file last (portal-src/client/upload.ts). */
  async function upload(
    reference: string,
    s: { cookie: string; csrf: string },
    name: string,
    bytes: Buffer,
    declaredSize = bytes.length,
  ) {
    const answer = await request('POST', `/api/client/tickets/${reference}/uploads`, {
      ...s,
      body: { name, size: declaredSize, type: 'application/pdf' },
    });
    expect(answer.status).toBe(201);
    const presigned = answer.json() as { uploadId: string; url: string; fields: Record<string, string> };
    expect(presigned.fields.key).toBe(`uploads/${reference}/client/${presigned.uploadId}`);
    const form = new FormData();
    for (const [field, value] of Object.entries(presigned.fields)) form.append(field, value);
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const posted = await fetch(presigned.url, { method: 'POST', body: form });
    await posted.arrayBuffer();
    expect(posted.status).toBe(204);
    return presigned.uploadId;
  }
  const pdf = Buffer.from('%PDF-1.7\n% journal de sauvegarde\n');
  let counter = 0;
  const send = (reference: string, s: { cookie: string; csrf: string }, uploads: string[]) =>
    request('POST', `/api/client/tickets/${reference}/messages`, {
      ...s,
      body: { text: 'Le journal en pièce jointe.', idempotencyKey: `portal-file-${++counter}0000`, uploads },
    });

  async function ticketWithSession(address: string, subject: string) {
    const reference = await newTicket(`Client <${address}>`, subject);
    const link = await lastLink(address);
    return { reference, ...(await openSession(reference, link.secret)) };
  }

  it('a message with a file: the stored message carries it, the agent API sees it, the client downloads it', async () => {
    const t = await ticketWithSession('lea@hotel-lagon-bleu.re', 'Journal de sauvegarde');
    const id = await upload(t.reference, t, 'journal.pdf', pdf);
    const sent = await send(t.reference, t, [id]);
    expect(sent.status).toBe(201);
    expect(await intake.listObjects(`uploads/${t.reference}/`)).toEqual([]);

    const agentView = await call<{
      messages: Array<{ attachments: Array<{ filename: string; size: number }> }>;
    }>(agentServer, 'GET', `/api/tickets/${t.reference}`, { token: alice });
    expect(agentView.body.messages.flatMap((m) => m.attachments)).toEqual([
      expect.objectContaining({ filename: 'journal.pdf', size: pdf.length }),
    ]);
    const view = ClientTicketViewSchema.parse(
      (await request('GET', `/api/client/tickets/${t.reference}`, { cookie: t.cookie })).json(),
    );
    const file = view.conversation.flatMap((m) => m.attachments)[0]!;
    expect(file).toMatchObject({ name: 'journal.pdf', size: pdf.length });

    const download = await request('GET', `/api/client/tickets/${t.reference}/attachments/${file.id}`, {
      cookie: t.cookie,
    });
    expect(download.status).toBe(302);
    const location = download.headers.get('location')!;
    expect(new URL(location).origin).toBe(new URL(services.s3.clientConfig.endpoint as string).origin);
    // The emulator ignores response-content-disposition; S3 answers with it (signed in the URL).
    expect(new URL(location).searchParams.get('response-content-disposition')).toMatch(/^attachment; /);
    const bytes = await fetch(location);
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(pdf);

    // Another ticket's session asks for this file: the same bytes as every refusal.
    const other = await ticketWithSession('paul@hotel-lagon-bleu.re', 'Autre demande');
    const refused = await request('GET', `/api/client/tickets/${t.reference}/attachments/${file.id}`, {
      cookie: other.cookie,
    });
    const wrongId = await request('GET', `/api/client/tickets/${other.reference}/attachments/${file.id}`, {
      cookie: other.cookie,
    });
    for (const r of [refused, wrongId])
      expect([r.status, r.text]).toEqual([404, JSON.stringify(INVALID_LINK_BODY)]);
  });

  it('an agent’s reply file is listed on the client’s page and downloads with its bytes', async () => {
    const t = await ticketWithSession('marc@hotel-lagon-bleu.re', 'Procédure de sauvegarde');
    const presigned = await call<{ uploadId: string; url: string; fields: Record<string, string> }>(
      agentServer,
      'POST',
      `/api/tickets/${t.reference}/reply-uploads`,
      { token: alice, body: { filename: 'procedure.pdf', size: pdf.length } },
    );
    expect(presigned.status).toBe(201);
    const form = new FormData();
    for (const [field, value] of Object.entries(presigned.body.fields)) form.append(field, value);
    form.append('file', new Blob([new Uint8Array(pdf)]), 'procedure.pdf');
    const posted = await fetch(presigned.body.url, { method: 'POST', body: form });
    await posted.arrayBuffer();
    const replied = await call(agentServer, 'POST', `/api/tickets/${t.reference}/replies`, {
      token: alice,
      body: {
        text: 'Voici la procédure.',
        idempotencyKey: 'reply-with-file-0001',
        attachments: [{ uploadId: presigned.body.uploadId }],
      },
    });
    expect(replied.status).toBe(201);

    const view = ClientTicketViewSchema.parse(
      (await request('GET', `/api/client/tickets/${t.reference}`, { cookie: t.cookie })).json(),
    );
    const reply = view.conversation.find((m) => m.kind === 'agent')!;
    expect(reply.attachments).toEqual([
      { id: presigned.body.uploadId, name: 'procedure.pdf', size: pdf.length },
    ]);
    const download = await request(
      'GET',
      `/api/client/tickets/${t.reference}/attachments/${presigned.body.uploadId}`,
      { cookie: t.cookie },
    );
    expect(download.status).toBe(302);
    const bytes = await fetch(download.headers.get('location')!);
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(pdf);

    const other = await ticketWithSession('ana@hotel-lagon-bleu.re', 'Autre');
    const refused = await request(
      'GET',
      `/api/client/tickets/${t.reference}/attachments/${presigned.body.uploadId}`,
      { cookie: other.cookie },
    );
    expect([refused.status, refused.text]).toEqual([404, JSON.stringify(INVALID_LINK_BODY)]);
  });

  it('a renamed program (MZ bytes in a .pdf) → 400 in French, nothing recorded, nothing left in the bucket', async () => {
    const t = await ticketWithSession('ines@hotel-lagon-bleu.re', 'Facture');
    const id = await upload(
      t.reference,
      t,
      'facture.pdf',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
    );
    const before = (await intake.store.getTicket(t.reference))!.messageCount;
    const sent = await send(t.reference, t, [id]);
    expect(sent.status).toBe(400);
    expect(sent.json()).toMatchObject({ error: { code: 'UPLOAD_REFUSED' } });
    expect((await intake.store.getTicket(t.reference))!.messageCount).toBe(before);
    expect(await intake.listObjects(`uploads/${t.reference}/`)).toEqual([]);
  });

  it('a file over 25 MB → 400 when declared, and refused after upload when the browser under-declared it', async () => {
    const t = await ticketWithSession('lea@hotel-lagon-bleu.re', 'Scan des contrats');
    const declared = await request('POST', `/api/client/tickets/${t.reference}/uploads`, {
      ...t,
      body: { name: 'scan.pdf', size: 25 * 1024 * 1024 + 1, type: 'application/pdf' },
    });
    expect(declared.status).toBe(400);
    // The S3 emulator does not enforce the POST policy's size range: the server's check after upload must.
    const big = Buffer.concat([pdf, Buffer.alloc(25 * 1024 * 1024)]);
    const id = await upload(t.reference, t, 'scan.pdf', big, 1000);
    const before = (await intake.store.getTicket(t.reference))!.messageCount;
    const sent = await send(t.reference, t, [id]);
    expect(sent.status).toBe(400);
    expect(sent.json()).toMatchObject({ error: { code: 'UPLOAD_REFUSED' } });
    expect((await intake.store.getTicket(t.reference))!.messageCount).toBe(before);
    expect(await intake.listObjects(`uploads/${t.reference}/`)).toEqual([]);
  });

  it('refuses a program by its name up front, 11 files, and another ticket’s upload id', async () => {
    const t = await ticketWithSession('noe@hotel-lagon-bleu.re', 'Poste lent');
    const exe = await request('POST', `/api/client/tickets/${t.reference}/uploads`, {
      ...t,
      body: { name: 'outil.exe', size: 1000, type: 'application/octet-stream' },
    });
    expect(exe.status).toBe(400);
    expect(exe.json()).toMatchObject({
      error: { code: 'UPLOAD_REFUSED', message: expect.stringContaining('refusé') },
    });

    const eleven = Array.from({ length: 11 }, (_, i) => `upload-id-${String(i).padStart(4, '0')}`);
    expect((await send(t.reference, t, eleven)).status).toBe(400);

    const other = await ticketWithSession('zoe@hotel-lagon-bleu.re', 'Messagerie');
    const foreign = await upload(other.reference, other, 'capture.pdf', pdf);
    const before = (await intake.store.getTicket(t.reference))!.messageCount;
    const stolen = await send(t.reference, t, [foreign]);
    expect(stolen.status).toBe(400);
    expect(stolen.json()).toMatchObject({ error: { code: 'UPLOAD_REFUSED' } });
    expect((await intake.store.getTicket(t.reference))!.messageCount).toBe(before);
  });
});

describe('"Rapports mensuels": a client administrator’s monthly reports, and nobody else’s', () => {
  /** An address session through the real sign-in mail. */
  async function signIn(email: string): Promise<string> {
    await request('POST', '/api/client/sign-in', { body: { email } });
    const mail = (await intake.sentMails()).filter((m) => m.destination.to.includes(email)).at(-1);
    const token = /mes-demandes#jeton=([A-Za-z0-9_-]{32})/.exec(mail?.body.text ?? '')?.[1];
    if (!token) throw new Error(`no sign-in link mailed to ${email}`);
    return cookieOf(await request('POST', '/api/client/sign-in/redeem', { body: { token } }));
  }
  const agentGet = (path: string, token: string | null = alice) =>
    fetch(`${agentServer.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  const thisMonth = () => recentMonths(intake.clock.now(), 'Indian/Reunion', 1)[0]!;
  let jean = '';
  /** One sign-in per address (the sign-in limit is 3 an hour here). */
  let admin = '';

  beforeAll(async () => {
    jean = await newTicket('Jean <jean@quincaillerie-du-port.re>', 'Caisse enregistreuse bloquée');
    await newTicket('Lina <lina@hotel-lagon-bleu.re>', 'Téléphone du bar');
    admin = await signIn(ADMIN);
  });

  it('lists the last 12 months and opens one: the one report page, the same as the agents download', async () => {
    const cookie = admin;
    const session = ClientSessionResponseSchema.parse(
      (await request('GET', '/api/client/session', { cookie })).json(),
    );
    expect(session).toMatchObject({ kind: 'address', email: ADMIN, administrator: true });
    const list = await request('GET', '/api/client/reports', { cookie });
    expect(list.status).toBe(200);
    const { months } = ClientReportMonthsResponseSchema.parse(list.json());
    expect(months.map((m) => m.month)).toEqual(recentMonths(intake.clock.now(), 'Indian/Reunion', 12));
    expect(months[0]?.label).toMatch(/ \(en cours\)$/);

    const month = thisMonth();
    const page = await request('GET', `/rapports/${month}`, { cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(REPORT_CSP_HEADER);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('<h1>Rapport mensuel SLA — ');
    expect(page.text).toContain('Quincaillerie du Port (CLI-RE-0027) — contrat standard');
    expect(page.text).toContain('<a class="back" href="/mes-demandes">');
    // Jean's ticket (still running) is in this month's figures.
    expect(page.text).toMatch(/<th scope="row">\p{L}+<\/th><td>[1-9]\d*<\/td>/u);
    expect(page.text).not.toContain(jean); // no breach yet: no reference on the page

    // The agents download the same page (one function), as an attachment.
    const download = await agentGet(`/api/reports/monthly?client=CLI-RE-0027&month=${month}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="rapport-sla-CLI-RE-0027-${month}.html"`,
    );
    expect(download.headers.get('content-security-policy')).toBe(REPORT_CSP_HEADER);
    const agentHtml = await download.text();
    expect(agentHtml).toBe(page.text.replace(/<p class="screen-only"><a class="back"[^\n]*\n/, ''));
  });

  it('refuses the agents’ download without a token, with a bad month or client (French 400), an unknown client (404)', async () => {
    const month = thisMonth();
    expect((await agentGet(`/api/reports/monthly?client=CLI-RE-0027&month=${month}`, null)).status).toBe(401);
    const badMonth = await agentGet('/api/reports/monthly?client=CLI-RE-0027&month=2026-13');
    expect(badMonth.status).toBe(400);
    expect(await badMonth.text()).toContain('un mois au format AAAA-MM');
    const noClient = await agentGet(`/api/reports/monthly?month=${month}`);
    expect(noClient.status).toBe(400);
    expect(await noClient.text()).toContain("l'identifiant d'un client de l'annuaire");
    const hostile = await agentGet(
      `/api/reports/monthly?client=${encodeURIComponent('x"; filename=a.exe')}&month=${month}`,
    );
    expect(hostile.status).toBe(400);
    const unknown = await agentGet(`/api/reports/monthly?client=CLI-XX-9999&month=${month}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('aucun client « CLI-XX-9999 »');
  });

  it('answers everyone else exactly as for something that does not exist', async () => {
    const month = thisMonth();
    const nothing = await request('GET', '/rapports/nimporte-quoi');
    const noApi = await request('GET', '/api/client/nowhere', { cookie: admin });
    expect([noApi.status, noApi.text]).toEqual([404, JSON.stringify(INVALID_LINK_BODY)]);
    const same = async (who: string, cookie: string | undefined, path = `/rapports/${month}`) => {
      const page = await request('GET', path, cookie ? { cookie } : {});
      expect([page.status, page.headers.get('content-type'), page.text], `${who}: ${path}`).toEqual([
        nothing.status,
        nothing.headers.get('content-type'),
        nothing.text,
      ]);
      expect(page.text).not.toContain('Rapport mensuel');
      if (!cookie) return;
      const api = await request('GET', '/api/client/reports', { cookie });
      expect([api.status, api.text], `${who}: the list`).toEqual([404, JSON.stringify(INVALID_LINK_BODY)]);
    };

    await same('no session', undefined);
    const link = await lastLink('jean@quincaillerie-du-port.re');
    await same('a ticket-link session', (await openSession(link.reference, link.secret)).cookie);
    await same('a contact who is not an administrator', await signIn('jean@quincaillerie-du-port.re'));

    for (const forged of [
      '2026-13',
      '2020-01',
      '2027-06',
      '2026-1',
      '..%2F2026-11',
      `${month}%00`,
      `CLI-RE-0012/${month}`,
    ]) {
      await same(`a forged month ${forged}`, undefined, `/rapports/${forged}`);
      const forgedByAdmin = await request('GET', `/rapports/${forged}`, { cookie: admin });
      expect([forgedByAdmin.status, forgedByAdmin.text], forged).toEqual([nothing.status, nothing.text]);
    }

    // Another client's administrator sees their own client only: no client id is taken from the request.
    const other = await signIn(OTHER_ADMIN);
    const theirs = await request('GET', `/rapports/${month}?client=CLI-RE-0027`, { cookie: other });
    expect(theirs.status).toBe(200);
    expect(theirs.text).toContain('Hôtel Lagon Bleu (CLI-RE-0012)');
    expect(theirs.text).not.toContain('Quincaillerie');
    expect((await request('GET', `/rapports/CLI-RE-0027/${month}`, { cookie: other })).text).toBe(
      nothing.text,
    );
    expect(logged.join('\n')).toContain('client report refused');
  });

  it('rate limits the reports of an address (429), like the other client routes', async () => {
    const cookie = admin;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await request('GET', `/rapports/${thisMonth()}`, { cookie })).status);
    expect(statuses.at(-1)).toBe(429);
  });
});
