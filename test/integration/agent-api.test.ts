import { request as httpRequest } from 'node:http';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { heldItem, suspendedItem } from '../../shared/adapters/aws/dynamodb/items';
import { S3AttachmentLinks } from '../../shared/adapters/aws/s3-attachment-links';
import {
  ConfigResponseSchema,
  DesksResponseSchema,
  ErrorBodySchema,
  MeResponseSchema,
  QueuePageSchema,
  SuspendedListResponseSchema,
  TicketDetailsResponseSchema,
} from '../../shared/adapters/http/api-schemas';
import type { AgentServer } from '../../shared/adapters/http/server';
import { suspensionExpiry } from '../../shared/domain/mail/suspension';
import type { AuditEvent, Ticket } from '../../shared/domain/ticket/ticket';
import { systemClock } from '../../shared/ports/clock';
import type { SuspendedMessage } from '../../shared/ports/ticket-store';
import type { QueuePage } from '../../shared/use-cases/agent-queue';
import { call, composeMail, startAgentApi } from '../support/agent-api';
import {
  BUCKET,
  createIntake,
  type Intake,
  type Services,
  startServices,
  stopServices,
} from './intake/harness';
import { mail } from './intake/mail';

/** Réunion is UTC+4 all year: 09:00 in Réunion on Monday 30 November 2026 is 05:00Z. */
const reunion = (wallClock: string) => new Date(`${wallClock}:00+04:00`).toISOString();
const inReunion = (iso: string) => new Date(Date.parse(iso) + 4 * 3600_000).toISOString().slice(0, 16);

const QUINCAILLERIE = 'Gérant <gerant@quincaillerie-du-port.re>';

type Details = {
  ticket: Ticket;
  sla: { gti: { state: string }; gtr: { state: string } };
  events: AuditEvent[];
};
type ActionAnswer = { ticket: Ticket; changed: boolean };

let services: Services;
let intake: Intake;
let server: AgentServer;
let alice: string;
let bob: string;
let mona: string;
let login: (agent: string, desk: string) => Promise<string>;
const ref: Record<'haute' | 'critique' | 'normale' | 'attachment', string> = {
  haute: '',
  critique: '',
  normale: '',
  attachment: '',
};
let suspendedId = '';
/** A suspended message as stored, to copy into other desks, classes and dates. */
let suspendedModel: SuspendedMessage | undefined;

/** What the store keeps of a listed message (the API adds its class). */
function stored(item: SuspendedMessage & { suspendedClass?: unknown }): SuspendedMessage {
  const { suspendedClass: _derived, ...rest } = item;
  return rest;
}

async function putItems(items: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < items.length; i += 25)
    await Promise.all(
      items
        .slice(i, i + 25)
        .map((Item) => intake.clients.doc.send(new PutCommand({ TableName: intake.env.TABLE_NAME, Item }))),
    );
}

async function deliver(raw: string | Buffer, receivedWallClock: string): Promise<string> {
  const result = await intake.deliver(raw, { receivedAt: reunion(receivedWallClock) });
  return result.reference ?? '';
}

beforeAll(async () => {
  services = await startServices();
  intake = await createIntake(services, { tableName: 'agent-api', start: reunion('2026-11-30T08:00') });
  ref.haute = await deliver(
    mail({ from: QUINCAILLERIE, subject: '[Haute] Caisse en panne' }),
    '2026-11-30T09:00',
  );
  ref.critique = await deliver(
    mail({ from: QUINCAILLERIE, subject: '[Critique] Serveur arrêté' }),
    '2026-11-30T09:10',
  );
  ref.normale = await deliver(
    mail({ from: QUINCAILLERIE, subject: '[Normale] Question facture' }),
    '2026-11-30T08:30',
  );
  ref.attachment = await deliver(
    await composeMail({
      from: QUINCAILLERIE,
      subject: '[Normale] Journal de la caisse',
      text: 'Bonjour,\n\nVoici le journal demandé.\n\nLe lun. 30 nov. 2026 à 08:00, Support a écrit :\n> Pouvez-vous envoyer le journal ?',
      attachments: [
        {
          filename: 'journal caisse.txt',
          content: Buffer.from('ligne 1\nligne 2\n'),
          contentType: 'text/plain',
        },
      ],
    }),
    '2026-11-30T09:11',
  );
  const autoReply = await intake.deliver(
    mail({
      from: 'Inconnu <absent@example.org>',
      subject: 'Réponse automatique : absent du bureau',
      headers: { 'Auto-Submitted': 'auto-replied' },
      body: 'Je suis absent, mais mon imprimante est en panne depuis hier.',
    }),
    { receivedAt: reunion('2026-11-30T09:05') },
  );
  expect(autoReply.outcome).toBe('suspended');
  intake.clock.set(reunion('2026-11-30T09:12'));
  // Links are signed at the real time: s3rver checks their validity against its own clock.
  const api = await startAgentApi(intake, {
    links: new S3AttachmentLinks(intake.clients.s3, BUCKET, systemClock),
  });
  server = api.server;
  login = api.login;
  [alice, bob, mona] = await Promise.all([
    api.login('alice', 'reunion'),
    api.login('bob', 'reunion'),
    api.login('mona', 'martinique'),
  ]);
  const suspended = await call<{ items: Array<{ id: string }> }>(
    server,
    'GET',
    '/api/suspended?desk=reunion',
    {
      token: alice,
    },
  );
  suspendedId = suspended.body.items[0]?.id ?? '';
}, 120_000);

afterAll(async () => {
  await server?.close();
  intake?.destroy();
  await stopServices(services);
});

describe('Agent API: authentication', () => {
  it('answers 401 without a token, with a garbage token, and for every ticket route', async () => {
    for (const path of ['/api/tickets', `/api/tickets/${ref.haute}`, '/api/me', '/api/suspended']) {
      const anonymous = await call(server, 'GET', path);
      expect(anonymous.status, path).toBe(401);
      expect(JSON.stringify(anonymous.body)).not.toContain('Caisse');
    }
    const forged = await call(server, 'GET', '/api/tickets', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln' });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({
      error: { code: 'UNAUTHENTICATED', hint: expect.stringContaining('dev-login') },
    });
    const claim = await call(server, 'POST', `/api/tickets/${ref.haute}/claim`);
    expect(claim.status).toBe(401);
  });

  it('tells the portal how to sign in without a token, and refuses a dev login for an unknown desk', async () => {
    expect((await call(server, 'GET', '/api/config')).body).toMatchObject({ auth: { mode: 'dev' } });
    const refused = await call(server, 'POST', '/api/dev-login', { body: { agent: 'eve', desk: 'paris' } });
    expect(refused.status).toBe(400);
  });

  it('refuses the dev login when the Host is not this machine (DNS rebinding, a neighbour on the network)', async () => {
    const port = new URL(server.url).port;
    const login = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/dev-login',
            headers: { Host: host, 'Content-Type': 'application/json' },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => {
              text += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ agent: 'mallory', desk: 'reunion' }));
      });
    const remote = await login(`attacker.example:${port}`);
    expect(remote.status).toBe(403);
    expect(JSON.parse(remote.body)).toMatchObject({
      error: { code: 'FORBIDDEN', message: expect.stringContaining('only on this machine') },
    });
    expect(remote.body).not.toContain('token');
    expect((await login(`localhost:${port}`)).status).toBe(200);
    expect((await login(`[::1]:${port}`)).status).toBe(200);
  });
});

describe('Agent API: queue', () => {
  it('lists the open tickets of the desk on duty, most urgent deadline first, GTR breaking ties', async () => {
    const queue = await call<QueuePage>(server, 'GET', '/api/tickets', { token: alice });
    expect(queue.status).toBe(200);
    expect(queue.body.desk).toBe('reunion');
    // GTI: critique 09:25, haute 09:30 (GTR Tuesday), normale 09:30 (GTR next week), journal 10:11.
    expect(queue.body.items.map((i) => i.reference)).toEqual([
      ref.critique,
      ref.haute,
      ref.normale,
      ref.attachment,
    ]);
    const [critique] = queue.body.items;
    expect(critique?.sla.gti).toMatchObject({ state: 'running', remainingOpenMinutes: 13, risk: 'imminent' });
    expect(critique?.sla.gti.remainingMs).toBe(13 * 60_000);
    expect(inReunion(critique?.gtrDueAt ?? '')).toBe('2026-11-30T13:10');
  });

  it('pages with a cursor and filters by priority and desk', async () => {
    const first = await call<QueuePage>(server, 'GET', '/api/tickets?limit=2', { token: alice });
    expect(first.body.items.map((i) => i.reference)).toEqual([ref.critique, ref.haute]);
    expect(first.body.total).toBe(4);
    const second = await call<QueuePage>(
      server,
      'GET',
      `/api/tickets?limit=2&cursor=${first.body.nextCursor}`,
      { token: alice },
    );
    expect(second.body.items.map((i) => i.reference)).toEqual([ref.normale, ref.attachment]);
    expect(second.body.nextCursor).toBeNull();
    const critiques = await call<QueuePage>(server, 'GET', '/api/tickets?priority=critique,haute', {
      token: alice,
    });
    expect(critiques.body.items.map((i) => i.reference)).toEqual([ref.critique, ref.haute]);
    const martinique = await call<QueuePage>(server, 'GET', '/api/tickets?desk=martinique', { token: alice });
    expect(martinique.body.items).toEqual([]);
  });

  it('refuses a bad filter with a message that names it', async () => {
    const bad = await call<{ error: { message: string } }>(
      server,
      'GET',
      '/api/tickets?status=open&limit=0',
      {
        token: alice,
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status.*limit|limit.*status/);
    const cursor = await call(server, 'GET', '/api/tickets?cursor=nope', { token: alice });
    expect(cursor.status).toBe(400);
  });
});

describe('Agent API: ticket', () => {
  it('shows details, messages with the new text apart from the quoted history, and the audit trail', async () => {
    const details = await call<
      Details & { messages: Array<{ newText: string; history: string; attachments: unknown[] }> }
    >(server, 'GET', `/api/tickets/${ref.attachment}`, { token: alice });
    expect(details.status).toBe(200);
    const [message] = details.body.messages;
    expect(message?.newText).toContain('Voici le journal demandé.');
    expect(message?.newText).not.toContain('Pouvez-vous envoyer');
    expect(message?.history).toContain('Pouvez-vous envoyer le journal');
    expect(message?.attachments).toEqual([
      expect.objectContaining({ filename: 'journal caisse.txt', downloadable: true }),
    ]);
    expect(details.body.events.map((e) => e.type)).toContain('ticket-created');
  });

  it('answers in the shapes of the response schemas the portal takes its types from', async () => {
    const reads: Array<[string, z.ZodType]> = [
      ['/api/config', ConfigResponseSchema],
      ['/api/me', MeResponseSchema],
      ['/api/desks', DesksResponseSchema],
      ['/api/tickets?desk=all&status=nouveau,en cours,en attente client,résolu,fermé', QueuePageSchema],
      [`/api/tickets/${ref.attachment}`, TicketDetailsResponseSchema],
      ['/api/suspended?desk=reunion', SuspendedListResponseSchema],
    ];
    for (const [path, schema] of reads) {
      const answer = await call(server, 'GET', path, { token: alice });
      expect(answer.status, path).toBe(200);
      expect(schema.safeParse(answer.body).error?.issues ?? [], path).toEqual([]);
    }
    const refused = await call(server, 'GET', '/api/tickets/EXO-2026-999999', { token: alice });
    // Its code is one of ApiErrorCodeSchema: the portal's labels table has a French sentence for it.
    expect(ErrorBodySchema.parse(refused.body).error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for an unknown reference and 400 for something that is not a reference', async () => {
    expect((await call(server, 'GET', '/api/tickets/EXO-2026-999999', { token: alice })).status).toBe(404);
    expect((await call(server, 'GET', '/api/tickets/DROP-TABLE', { token: alice })).status).toBe(400);
    expect((await call(server, 'POST', '/api/tickets/EXO-2026-999999/claim', { token: alice })).status).toBe(
      404,
    );
  });

  it('hands out a short-lived download link to an attachment, and only to an attachment of the ticket', async () => {
    const details = await call<{ messages: Array<{ id: string; attachments: Array<{ sha256: string }> }> }>(
      server,
      'GET',
      `/api/tickets/${ref.attachment}`,
      { token: alice },
    );
    const message = details.body.messages[0]!;
    const sha256 = message.attachments[0]!.sha256;
    const path = `/api/tickets/${ref.attachment}/messages/${encodeURIComponent(message.id)}/attachments/${sha256}`;
    const link = await call<{ url: string; expiresAt: string }>(server, 'GET', path, { token: alice });
    expect(link.status).toBe(200);
    expect(link.body.url).toContain('X-Amz-Expires=300');
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeGreaterThan(290_000);
    const download = await fetch(link.body.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''journal%20caisse.txt",
    );
    expect(await download.text()).toBe('ligne 1\nligne 2\n');
    const other = path.replace(ref.attachment, ref.haute);
    expect((await call(server, 'GET', other, { token: alice })).status).toBe(404);
  });
});

describe('Agent API: actions', () => {
  it('lets exactly one of two agents claiming at once win; the other gets 409', async () => {
    const [a, b] = await Promise.all([
      call<ActionAnswer>(server, 'POST', `/api/tickets/${ref.critique}/claim`, { token: alice }),
      call<ActionAnswer>(server, 'POST', `/api/tickets/${ref.critique}/claim`, { token: bob }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'alice' : 'bob';
    const details = await call<Details>(server, 'GET', `/api/tickets/${ref.critique}`, { token: alice });
    expect(details.body.ticket.work?.assignee?.agentId).toBe(winner);
    expect(details.body.events.filter((e) => e.type === 'ticket-claimed')).toHaveLength(1);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('already claimed') },
    });
  });

  it('refuses an agent of another desk with 403', async () => {
    const res = await call(server, 'POST', `/api/tickets/${ref.normale}/claim`, { token: mona });
    expect(res.status).toBe(403);
  });

  it('runs a ticket through contact, wait, resume, resolve and reopen with the right deadlines', async () => {
    const act = async (action: string, body: unknown = {}, token = alice) =>
      call<ActionAnswer>(server, 'POST', `/api/tickets/${ref.haute}/${action}`, { token, body });

    intake.clock.set(reunion('2026-11-30T09:15'));
    expect((await act('claim')).status).toBe(200);
    intake.clock.set(reunion('2026-11-30T09:16'));
    const contact = await act('first-contact', { channel: 'phone' });
    expect(contact.body.ticket.work?.firstContact).toMatchObject({ gtiMet: true, channel: 'phone' });
    expect(inReunion(contact.body.ticket.gtrDueAt)).toBe('2026-12-01T09:00');

    intake.clock.set(reunion('2026-11-30T10:00'));
    const waiting = await act('wait', { reason: 'numéro de série ?' });
    expect(waiting.body.ticket.status).toBe('en attente client');
    expect((await act('wait')).status).toBe(409);

    // Standard calendar: Monday 10:00 → Tuesday 10:00 is 16 open hours (14 on Monday, 2 on Tuesday).
    intake.clock.set(reunion('2026-12-01T10:00'));
    expect((await act('resume')).status).toBe(401); // yesterday's 12-hour token has expired
    alice = await login('alice', 'reunion');
    bob = await login('bob', 'reunion');
    const resumed = await act('resume');
    expect(resumed.body.ticket.status).toBe('en cours');
    expect(inReunion(resumed.body.ticket.gtrDueAt)).toBe('2026-12-02T09:00');
    expect((await act('resume')).status).toBe(409);

    intake.clock.set(reunion('2026-12-01T16:00'));
    const resolved = await act('resolve', { summary: 'tiroir-caisse remplacé' });
    expect(resolved.body.ticket.status).toBe('résolu');
    expect(resolved.body.ticket.work?.resolution?.gtrMet).toBe(true);
    expect((await act('claim', {}, bob)).status).toBe(409);

    intake.clock.set(reunion('2026-12-01T16:30'));
    const reopened = await act('reopen', { reason: 'le tiroir se bloque encore' });
    expect(reopened.body.ticket.status).toBe('en cours');
    expect((await act('reopen', { reason: 'encore' })).status).toBe(409);

    const events = (await call<Details>(server, 'GET', `/api/tickets/${ref.haute}`, { token: alice })).body
      .events;
    const mine = events.filter((e) => e.actor === 'alice').map((e) => e.type);
    expect(mine).toEqual([
      'ticket-claimed',
      'first-contact',
      'waiting-on-client',
      'ticket-resumed',
      // The resolution notice mailed to the client in alice's name (issue 15), at the same instant.
      'outbound-sent',
      'ticket-resolved',
      'ticket-reopened',
    ]);
    const resumedEvent = events.find((e) => e.type === 'ticket-resumed');
    expect(resumedEvent).toMatchObject({
      at: reunion('2026-12-01T10:00'),
      detail: { pausedOpenMinutes: 960 },
    });
  });

  it('changes a priority only with a reason, recomputing the deadlines from the receipt', async () => {
    intake.clock.set(reunion('2026-11-30T09:20'));
    const noReason = await call<{ error: { message: string } }>(
      server,
      'POST',
      `/api/tickets/${ref.normale}/priority`,
      { token: alice, body: { level: 'critique' } },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^reason:/);
    const changed = await call<ActionAnswer>(server, 'POST', `/api/tickets/${ref.normale}/priority`, {
      token: alice,
      body: { level: 'critique', reason: 'toutes les caisses sont arrêtées' },
    });
    expect(changed.status).toBe(200);
    // Received 08:30: critique GTI 08:45, GTR 12:30 — already breached GTI, recorded as such.
    expect(inReunion(changed.body.ticket.gtiDueAt)).toBe('2026-11-30T08:45');
    expect(inReunion(changed.body.ticket.gtrDueAt)).toBe('2026-11-30T12:30');
    expect(changed.body.ticket.priority).toMatchObject({ level: 'critique', source: 'agent' });
  });

  it('adds internal notes to the audit trail, and refuses malformed bodies with 400', async () => {
    const note = await call(server, 'POST', `/api/tickets/${ref.attachment}/notes`, {
      token: bob,
      body: { text: 'Client rappelé, journal transmis à l’éditeur.' },
    });
    expect(note.status).toBe(201);
    const events = (await call<Details>(server, 'GET', `/api/tickets/${ref.attachment}`, { token: bob })).body
      .events;
    expect(events.find((e) => e.type === 'note-added')).toMatchObject({
      actor: 'bob',
      detail: { text: 'Client rappelé, journal transmis à l’éditeur.' },
    });
    expect(
      (
        await call(server, 'POST', `/api/tickets/${ref.attachment}/notes`, {
          token: bob,
          body: { text: ' ' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(server, 'POST', `/api/tickets/${ref.attachment}/first-contact`, {
          token: bob,
          rawBody: '{not json',
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(server, 'POST', `/api/tickets/${ref.attachment}/explode`, { token: bob })).status,
    ).toBe(404);
  });
});

describe('Agent API: suspended messages', () => {
  it('pages 250 suspended messages of a desk newest first with an opaque cursor, down to the first one (issue 13 §5)', async () => {
    const model = (
      await call<{ items: SuspendedMessage[] }>(server, 'GET', '/api/suspended?desk=reunion', {
        token: alice,
      })
    ).body.items[0]!;
    expect(model).toBeDefined();
    suspendedModel = stored(model);
    // 250 messages held on Martinique's desk, one a minute: #000 is the first suspended.
    const base = Date.parse('2026-11-01T00:00:00.000Z');
    const ids = Array.from({ length: 250 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    for (let i = 0; i < ids.length; i += 25)
      await Promise.all(
        ids.slice(i, i + 25).map((id, j) => {
          const at = new Date(base + (i + j) * 60_000).toISOString();
          return intake.clients.doc.send(
            new PutCommand({
              TableName: intake.env.TABLE_NAME,
              Item: suspendedItem({
                ...stored(model),
                id,
                deskId: 'martinique',
                receivedAt: at,
                suspendedAt: at,
              }),
            }),
          );
        }),
      );

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/suspended?desk=martinique&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await call<{ items: SuspendedMessage[]; nextCursor: string | null }>(server, 'GET', path, {
        token: mona,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((m) => m.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    expect(seen.at(-1)).toBe('bulk-000');
  });

  it('answers 400 to a tampered or foreign cursor, and reads nothing with it', async () => {
    const first = await call<{ nextCursor: string | null }>(
      server,
      'GET',
      '/api/suspended?desk=martinique&limit=5',
      {
        token: mona,
      },
    );
    const genuine = first.body.nextCursor!;
    expect(genuine).toEqual(expect.any(String));
    const forged = [
      `${genuine}x`,
      Buffer.from(JSON.stringify({ v: 1, at: 'TICKET#EXO-2026-000001' })).toString('base64url'),
      Buffer.from(JSON.stringify({ v: 1, at: '2026-11-01T00:00:00.000Z#x', pk: 'TICKET#1' })).toString(
        'base64url',
      ),
      'not a cursor',
      '',
    ];
    for (const cursor of forged) {
      const answer = await call<{ error: { code: string } }>(
        server,
        'GET',
        `/api/suspended?desk=martinique&cursor=${encodeURIComponent(cursor)}`,
        { token: mona },
      );
      expect(answer.status, cursor).toBe(400);
    }
  });

  it('turns a suspended message into a ticket through the intake allocator, once', async () => {
    expect(suspendedId).not.toBe('');
    intake.clock.set(reunion('2026-11-30T09:30'));
    const [a, b] = await Promise.all([
      call<{ reference: string }>(
        server,
        'POST',
        `/api/suspended/${encodeURIComponent(suspendedId)}/convert`,
        { token: alice },
      ),
      call<{ reference: string }>(
        server,
        'POST',
        `/api/suspended/${encodeURIComponent(suspendedId)}/convert`,
        { token: bob },
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const created = a.status === 201 ? a.body : b.body;
    // The next reference of the year after the four tickets above: the intake's counter, no gap, no reuse.
    expect(created.reference).toBe('EXO-2026-000005');
    const details = await call<Details>(server, 'GET', `/api/tickets/${created.reference}`, { token: alice });
    expect(details.body.ticket).toMatchObject({
      receivedAt: reunion('2026-11-30T09:05'),
      acknowledgement: { state: 'suppressed' },
      status: 'nouveau',
    });
    expect(details.body.events.find((e) => e.type === 'ticket-created')?.detail).toMatchObject({
      convertedFrom: suspendedId,
    });
    const list = await call<{ items: unknown[] }>(server, 'GET', '/api/suspended?desk=reunion', {
      token: alice,
    });
    expect(list.body.items).toEqual([]);
    // The next mail gets the next number: conversion did not burn one.
    const next = await deliver(mail({ from: QUINCAILLERIE, subject: 'Autre souci' }), '2026-11-30T09:31');
    expect(next).toBe('EXO-2026-000006');
  });
});

type SuspendedPageBody = {
  items: Array<SuspendedMessage & { suspendedClass: string }>;
  nextCursor: string | null;
  total: number;
  classTotal: number | null;
};

describe('Agent API: suspended list filter, total, dismissal and expiry (issue 13 §5)', () => {
  const now = () => intake.clock.now().getTime();
  const bulkIds = Array.from({ length: 120 }, (_, i) => `list-${String(i).padStart(3, '0')}`);

  it('filters by class with a cursor bound to the filter, counts every page of it, and never lists nor counts an expired message', async () => {
    const model = suspendedModel!;
    expect(model).toBeDefined();
    // The intake wrote it with its expiry (30 days after receipt, the default) and the table's TTL.
    expect(model.expiry).toBe(suspensionExpiry(reunion('2026-11-30T09:05'), 30));
    const original = await intake.clients.doc.send(
      new GetCommand({
        TableName: intake.env.TABLE_NAME,
        Key: { pk: `SUSPENDED#${model.id}`, sk: '#SUSPENDED' },
      }),
    );
    expect(original.Item?.expiresAt).toBe(Date.parse(model.expiry!) / 1000);
    const base = Date.parse('2026-11-01T00:00:30.000Z');
    const bulk = bulkIds.map((id, i) => {
      const at = new Date(base + i * 120_000).toISOString();
      return suspendedItem({
        ...model,
        id,
        deskId: 'martinique',
        reason: 'automated (bulk): Precedence: bulk',
        automatedClass: 'bulk',
        receivedAt: at,
        suspendedAt: at,
        expiry: new Date(now() + 86_400_000).toISOString(),
      });
    });
    // Past their expiry, not yet deleted by the TTL (up to 48 h late): invisible all the same.
    const expired = ['old-bulk', 'old-auto'].map((id, i) =>
      suspendedItem({
        ...model,
        id,
        deskId: 'martinique',
        reason: i === 0 ? 'automated (bulk): Precedence: bulk' : model.reason,
        automatedClass: i === 0 ? 'bulk' : model.automatedClass,
        receivedAt: '2026-11-29T00:00:00.000Z',
        suspendedAt: '2026-11-29T00:00:00.000Z',
        expiry: new Date(now() - 1000).toISOString(),
      }),
    );
    await putItems([...bulk, ...expired]);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let first: SuspendedPageBody | undefined;
    do {
      const path: string = `/api/suspended?desk=martinique&class=bulk${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await call<SuspendedPageBody>(server, 'GET', path, { token: mona });
      expect(page.status).toBe(200);
      expect(SuspendedListResponseSchema.safeParse(page.body).success).toBe(true);
      first ??= page.body;
      seen.push(...page.body.items.map((m) => m.id));
      expect(page.body.items.every((m) => m.suspendedClass === 'bulk')).toBe(true);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...bulkIds].reverse());
    // 250 auto-replies of the test above + 120 bulk; the two expired ones are not counted.
    expect(first).toMatchObject({ total: 370, classTotal: 120 });
    const all = await call<SuspendedPageBody>(server, 'GET', '/api/suspended?desk=martinique&limit=100', {
      token: mona,
    });
    expect(all.body).toMatchObject({ total: 370, classTotal: null });
    expect(all.body.items.map((m) => m.id)).not.toContain('old-auto');

    // A cursor is good only for the list it came from.
    const bulkCursor = first!.nextCursor!;
    for (const other of [
      '/api/suspended?desk=martinique',
      '/api/suspended?desk=martinique&class=auto-reply',
      '/api/suspended?desk=reunion&class=bulk',
    ]) {
      const answer = await call(server, 'GET', `${other}&cursor=${encodeURIComponent(bulkCursor)}`, {
        token: mona,
      });
      expect(answer.status, other).toBe(400);
    }
    expect(
      (await call(server, 'GET', '/api/suspended?desk=martinique&class=phishing', { token: mona })).status,
    ).toBe(400);
    // An expired message cannot be dismissed either.
    expect((await call(server, 'POST', '/api/suspended/old-bulk/dismiss', { token: mona })).status).toBe(404);
  });

  it('lets one of two agents dismissing at once win, records who and when once, and refuses the rest', async () => {
    const model = suspendedModel!;
    await putItems([
      suspendedItem({
        ...model,
        id: 'dismiss-me',
        deskId: 'reunion',
        expiry: new Date(now() + 86_400_000).toISOString(),
      }),
    ]);
    const before = await call<SuspendedPageBody>(server, 'GET', '/api/suspended?desk=reunion', {
      token: alice,
    });
    const [a, b] = await Promise.all([
      call<{ dismissedBy: string }>(server, 'POST', '/api/suspended/dismiss-me/dismiss', { token: alice }),
      call<{ dismissedBy: string }>(server, 'POST', '/api/suspended/dismiss-me/dismiss', { token: bob }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'alice' : 'bob';
    expect((a.status === 200 ? a.body : b.body).dismissedBy).toBe(winner);
    const item = await intake.clients.doc.send(
      new GetCommand({
        TableName: intake.env.TABLE_NAME,
        Key: { pk: 'SUSPENDED#dismiss-me', sk: '#SUSPENDED' },
      }),
    );
    expect(item.Item).toMatchObject({ dismissedBy: winner, dismissedAt: intake.clock.now().toISOString() });
    expect(item.Item?.gsi1pk).toBeUndefined();
    const after = await call<SuspendedPageBody>(server, 'GET', '/api/suspended?desk=reunion', {
      token: alice,
    });
    expect(after.body.total).toBe(before.body.total - 1);
    expect(after.body.items.map((m) => m.id)).not.toContain('dismiss-me');

    // Twice, converted after, by another desk, unknown: refused.
    expect((await call(server, 'POST', '/api/suspended/dismiss-me/dismiss', { token: alice })).status).toBe(
      409,
    );
    expect((await call(server, 'POST', '/api/suspended/dismiss-me/convert', { token: alice })).status).toBe(
      409,
    );
    await putItems([
      suspendedItem({
        ...model,
        id: 'not-yours',
        deskId: 'reunion',
        expiry: new Date(now() + 86_400_000).toISOString(),
      }),
    ]);
    expect((await call(server, 'POST', '/api/suspended/not-yours/dismiss', { token: mona })).status).toBe(
      403,
    );
    expect((await call(server, 'POST', '/api/suspended/nobody/dismiss', { token: alice })).status).toBe(404);
    expect(
      (await call(server, 'POST', '/api/suspended/not%20an%20id/dismiss', { token: alice })).status,
    ).toBe(400);
    await call(server, 'POST', '/api/suspended/not-yours/dismiss', { token: alice });
  });

  it('hides a held follow-up past its expiry from the ticket and refuses to accept it', async () => {
    const model = suspendedModel!;
    await putItems([
      heldItem({
        ...model,
        id: 'held-expired',
        deskId: 'reunion',
        heldFor: ref.haute,
        reason: 'unverified sender (DMARC FAIL): held for an agent',
        status: 'held',
        decidedBy: null,
        decidedAt: null,
        expiry: new Date(now() - 1000).toISOString(),
      }),
    ]);
    const details = await call<{ held: Array<{ id: string }> }>(server, 'GET', `/api/tickets/${ref.haute}`, {
      token: alice,
    });
    expect(details.body.held.map((h) => h.id)).not.toContain('held-expired');
    const list = await call<SuspendedPageBody>(
      server,
      'GET',
      '/api/suspended?desk=reunion&class=unverified-sender',
      {
        token: alice,
      },
    );
    expect(list.body).toMatchObject({ items: [], classTotal: 0 });
    expect(
      (await call(server, 'POST', `/api/tickets/${ref.haute}/held/held-expired/accept`, { token: alice }))
        .status,
    ).toBe(404);
  });
});
