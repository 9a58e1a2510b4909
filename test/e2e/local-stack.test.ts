import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../functions/cli/main';
import { sesMessageIdDomain } from '../../shared/adapters/aws/ses-mail-sender';
import { SmtpRefusedError, sendToListener } from '../../shared/adapters/local/smtp-client';
import { readStackFile, stackFilePath } from '../../shared/adapters/local/stack-file';
import { TransientError } from '../../shared/domain/errors';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../shared/wiring/local';
import { fixedClock } from '../support/clock';
import { agentApi, portClosed, processGone, smtpDialogue } from './support';

/**
 * `npm start` end to end: the same `startLocalStack` on free ports and a temporary data directory,
 * mail over real SMTP (nodemailer), the ticket read through the agent API, the acknowledgement read
 * from the SES emulator. The clock is fixed at the spec's worked example: Friday 27 November 2026,
 * 23:50 in Réunion, a standard client, a critical request: GTI Monday 08:05, GTR Monday 11:50.
 */
const ARRIVAL = '2026-11-27T19:50:00.000Z';
const MAX_BYTES = 64 * 1024;

const options = (dataDir: string, log: string[]): LocalStackOptions => ({
  host: '127.0.0.1',
  dataDir,
  ports: { smtp: 0, api: 0, ses: 0, client: 0 },
  maxMessageBytes: MAX_BYTES,
  clientsPath: 'config/clients.example.json',
  tableName: 'exodata-intake-e2e',
  bucket: 'exodata-raw-mail-e2e',
  slaIntervalMs: null,
  clock: fixedClock(ARRIVAL),
  log: (line) => log.push(line),
});

const OUTAGE = {
  from: 'Jean Hoarau <jean.hoarau@quincaillerie-du-port.re>',
  to: ['reunion@exodata.fr'],
  subject: 'Plus aucune caisse ne fonctionne',
  text: 'Bonjour,\n\nToutes les caisses du magasin sont bloquées, aucune solution de contournement.\n\nJean',
};

const portOf = (url: string) => Number(new URL(url).port);

describe('Function: startLocalStack (npm start, end to end)', () => {
  const log: string[] = [];
  let dataDir: string;
  let stack: LocalStack;
  let smtp: { host: string; port: number };
  let reference: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exodata-e2e-'));
    stack = await startLocalStack(options(dataDir, log));
    smtp = stack.smtp;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the agents’ portal built from its TypeScript source at start', async () => {
    const page = await fetch(`${stack.apiUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/portal/app.js"></script>');
    const script = await fetch(`${stack.apiUrl}/portal/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('exodata.agent.token');
  });

  it('makes a ticket with deadlines from the arrival time, when mail comes in over SMTP', async () => {
    const sent = await sendToListener(smtp, OUTAGE);

    expect(sent.response).toMatch(/^250 2\.6\.0 OK EXO-2026-\d{6} ticket-created$/);
    reference = /EXO-2026-\d{6}/.exec(sent.response)![0];
    const api = await agentApi(stack.apiUrl, ['reunion']);
    const view = (await api.get(`/api/tickets/${reference}`)) as {
      ticket: Record<string, unknown> & { priority: { level: string; source: string } };
      messages: Array<{ channel: string; verdicts: Record<string, string> }>;
    };
    expect(view.ticket).toMatchObject({
      reference,
      desk: 'reunion',
      contract: 'standard',
      client: { name: 'Quincaillerie du Port' },
      receivedAt: ARRIVAL,
      gtiDueAt: '2026-11-30T04:05:00.000Z',
      gtrDueAt: '2026-11-30T07:50:00.000Z',
      acknowledgement: { state: 'sent' },
    });
    expect(view.ticket.priority).toMatchObject({ level: 'critique', source: 'inferred' });
    expect(view.messages).toHaveLength(1);
    expect(view.messages[0]?.channel).toBe('smtp');
    expect(Object.values(view.messages[0]?.verdicts ?? {})).toEqual(Array(5).fill('NOT_CHECKED'));
  });

  it('records the SMTP envelope as the receipt and keeps the raw mail in S3', async () => {
    const [message] = await stack.deps.tickets.listMessages(reference);
    const delivery = await stack.deps.tickets.getDelivery('smtp', message!.deliveryId);

    expect(delivery?.receipt).toMatchObject({
      receivedAt: ARRIVAL,
      recipients: ['reunion@exodata.fr'],
      envelopeFrom: 'jean.hoarau@quincaillerie-du-port.re',
      channel: 'smtp',
    });
    const raw = await stack.aws.s3.send(
      new ListObjectsV2Command({ Bucket: stack.bucket, Prefix: `inbound/smtp/${message!.deliveryId}` }),
    );
    expect(raw.KeyCount).toBe(1);
    expect(existsSync(join(dataDir, 'dynamodb', 'shared-local-instance.db'))).toBe(true);
  });

  it('sends the acknowledgement through the SES emulator and logs one line with the deadlines in desk time', async () => {
    const mails = await stack.ses.emulator.store();
    const ticket = await stack.deps.tickets.getTicket(reference);

    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`[${reference}] ${OUTAGE.subject}`);
    expect(mails[0]?.destination.to.join()).toContain('jean.hoarau@quincaillerie-du-port.re');
    expect(ticket?.acknowledgement.sesMessageId).toBe(
      `<${mails[0]?.messageId}@${sesMessageIdDomain(stack.region)}>`,
    );
    const line = log.find((l) => l.startsWith(`${reference} new ticket`));
    expect(line).toContain('desk reunion');
    expect(line).toContain('critique (inferred');
    expect(line).toContain('GTI lun. 30 nov. 2026 08:05, GTR lun. 30 nov. 2026 11:50 (heure de La Réunion)');
    expect(line).toContain('acknowledged to jean.hoarau@quincaillerie-du-port.re');
    expect(line).toContain('not checked');
  });

  it('threads a reply to the acknowledgement onto the ticket, without a new ticket or acknowledgement', async () => {
    const ackId = (await stack.deps.tickets.getTicket(reference))!.acknowledgement.sesMessageId!;

    const sent = await sendToListener(smtp, {
      ...OUTAGE,
      subject: `RE: [${reference}] ${OUTAGE.subject}`,
      text: 'Le terminal de paiement fonctionne toujours.\n\n> Votre demande est enregistrée.',
      inReplyTo: ackId,
      references: [ackId],
    });

    expect(sent.response).toBe(`250 2.6.0 OK ${reference} follow-up`);
    const ticket = await stack.deps.tickets.getTicket(reference);
    expect(ticket).toMatchObject({ messageCount: 2, gtiDueAt: '2026-11-30T04:05:00.000Z' });
    expect(await stack.ses.emulator.store()).toHaveLength(1);
  });

  it('mails an agent reply, and threads the client answer to it onto the ticket, with no new acknowledgement', async () => {
    const api = await agentApi(stack.apiUrl, ['reunion']);
    const before = (await stack.ses.emulator.store()).length;
    const replied = await api.post(`/api/tickets/${reference}/replies`, {
      text: 'Nous redémarrons le serveur des caisses.',
      idempotencyKey: 'e2e-reply-0001',
    });
    expect(replied.status).toBe(201);
    const { messageId, state } = replied.body as { messageId: string; state: string };
    expect(state).toBe('sent');
    const mails = await stack.ses.emulator.store();
    expect(mails).toHaveLength(before + 1);
    expect(messageId).toBe(`<${mails.at(-1)?.messageId}@${sesMessageIdDomain(stack.region)}>`);

    const answer = await sendToListener(smtp, {
      ...OUTAGE,
      subject: `RE: [${reference}] ${OUTAGE.subject}`,
      text: 'Merci, les caisses repartent.\n\n> Nous redémarrons le serveur des caisses.',
      inReplyTo: messageId,
      references: [messageId],
    });
    expect(answer.response).toBe(`250 2.6.0 OK ${reference} follow-up`);
    expect(await stack.ses.emulator.store()).toHaveLength(before + 1);
    const view = (await api.get(`/api/tickets/${reference}`)) as {
      ticket: { work?: { firstContact?: { channel: string } } };
      messages: Array<{ direction: string }>;
    };
    expect(view.ticket.work?.firstContact?.channel).toBe('email');
    // The stack's clock is fixed: every message has the same instant, so only the counts are checked.
    expect(view.messages.filter((m) => m.direction === 'out')).toHaveLength(1);
    expect(view.messages.filter((m) => m.direction === 'in')).toHaveLength(3);
  });

  it('routes on the envelope recipient (Bcc) when the headers name no desk', async () => {
    const raw = Buffer.from(
      [
        'From: Comptoir <comptoir@pharmacie-du-lamentin.mq>',
        'To: Direction <direction@pharmacie-du-lamentin.mq>',
        'Subject: Lecteur de cartes Vitale en panne',
        'Message-ID: <bcc-route-1@pharmacie-du-lamentin.mq>',
        'Date: Fri, 27 Nov 2026 15:50:00 -0400',
        '',
        'Le lecteur de cartes ne répond plus, je ne peux plus facturer.',
        '',
      ].join('\r\n'),
    );

    const sent = await sendToListener(smtp, {
      raw,
      envelope: { from: 'comptoir@pharmacie-du-lamentin.mq', to: ['martinique@exodata.fr'] },
    });

    const ref = /EXO-2026-\d{6}/.exec(sent.response)?.[0];
    expect((await stack.deps.tickets.getTicket(ref!))?.desk).toBe('martinique');
  });

  it('answers 550 with the desk addresses when a recipient is not a desk', async () => {
    const refusal = await sendToListener(smtp, { ...OUTAGE, to: ['someone@gmail.com'] }).catch(
      (e: unknown) => e,
    );

    expect(refusal).toBeInstanceOf(SmtpRefusedError);
    expect((refusal as SmtpRefusedError).rejected[0]?.response).toMatch(
      /^550 5\.1\.1 <someone@gmail\.com>: no such mailbox here; .*service desks only: reunion@exodata\.fr/,
    );
  });

  it('answers 552 when a message is over the size limit, declared with SIZE or not, and keeps nothing', async () => {
    const huge = 'x'.repeat(MAX_BYTES + 1024);

    const viaNodemailer = await sendToListener(smtp, { ...OUTAGE, text: huge }).catch((e: unknown) => e);
    const declared = await smtpDialogue(smtp.port, [
      'EHLO e2e.test',
      `MAIL FROM:<jean.hoarau@quincaillerie-du-port.re> SIZE=${MAX_BYTES + 1}`,
      'QUIT',
    ]);
    const undeclared = await smtpDialogue(smtp.port, [
      'EHLO e2e.test',
      'MAIL FROM:<jean.hoarau@quincaillerie-du-port.re>',
      'RCPT TO:<reunion@exodata.fr>',
      'DATA',
      `Subject: trop gros\r\nMessage-ID: <too-big@e2e.test>\r\n\r\n${huge}\r\n.`,
      'QUIT',
    ]);

    expect((viaNodemailer as SmtpRefusedError).responseCode).toBe(552);
    expect(declared).toContainEqual(expect.stringMatching(new RegExp(`^250[- ]SIZE ${MAX_BYTES}$`)));
    expect(declared).toContainEqual(expect.stringMatching(/^552 /));
    expect(undeclared).toContain(`552 5.3.4 Error: message exceeds fixed maximum message size ${MAX_BYTES}`);
    expect(await stack.deps.tickets.findMessageRecord('reunion', '<too-big@e2e.test>')).toBeNull();
  });

  it('answers 451 when the intake fails for now, and takes the same message on the retry', async () => {
    const failOnce = vi
      .spyOn(stack.deps.tickets, 'createTicket')
      .mockRejectedValueOnce(new TransientError('DynamoDB throttled the commit'));
    const message = { ...OUTAGE, subject: 'Imprimante bloquée', messageId: '<retry-1@e2e.test>' };

    const first = await sendToListener(smtp, message).catch((e: unknown) => e);
    const retry = await sendToListener(smtp, message);
    failOnce.mockRestore();

    expect((first as SmtpRefusedError).responseCode).toBe(451);
    expect(retry.response).toMatch(/^250 2\.6\.0 OK EXO-2026-\d{6} ticket-created$/);
    expect(log.some((l) => l.startsWith('SMTP 451 intake failed, the sender will retry'))).toBe(true);
  });

  it('sends .eml files through the listener and ingests others straight, through the stack file (exo-intake)', async () => {
    const out: string[] = [];
    const context = {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => out.push(t),
      clock: fixedClock(ARRIVAL),
    };
    const declared = 'test/fixtures/eml/declared-subject-tag-en.eml';

    const sent = await main(
      ['send', '--data-dir', dataDir, 'test/fixtures/eml/outlook-fr-quoted-printable.eml'],
      context,
    );
    const ingested = await main(['ingest', '--data-dir', dataDir, declared, declared], context);

    expect(sent).toBe(0);
    expect(out.join('')).toMatch(
      /outlook-fr-quoted-printable\.eml: <direction@hotel-lagon-bleu\.re> → reunion@exodata\.fr, reception@hotel-lagon-bleu\.re: 250 2\.6\.0 OK EXO-2026-\d{6} ticket-created \(reception@hotel-lagon-bleu\.re: 550\)/,
    );
    expect(ingested).toBe(0);
    expect(out.join('')).toMatch(
      /declared-subject-tag-en\.eml +ticket-created +EXO-2026-\d{6} +nouvelle-caledonie +haute +sent/,
    );
    expect(out.join('')).toContain('2 file(s): 1 ticket-created, 1 duplicate');
  });

  it('replays SES verdicts with ingest --verdicts and reports one JSON line per file (issue 13)', async () => {
    const out: string[] = [];
    const context = { stdout: (t: string) => out.push(t), stderr: () => {}, clock: fixedClock(ARRIVAL) };
    const eml = (name: string, subject: string) => {
      const path = join(dataDir, name);
      const raw = [
        'Return-Path: <x@attacker.example>',
        'From: Jean Hoarau <jean.hoarau@quincaillerie-du-port.re>',
        'To: reunion@exodata.fr',
        `Subject: ${subject}`,
        `Message-ID: <${name}@quincaillerie-du-port.re>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Priorité : normale',
        '',
      ].join('\r\n');
      return writeFile(path, raw).then(() => path);
    };
    const request = await eml('request.eml', 'Imprimante en panne');
    expect(
      await main(['ingest', '--data-dir', dataDir, '--json', '--verdicts', 'dmarc=PASS', request], context),
    ).toBe(0);
    const created = JSON.parse(out.join('').trim()) as { outcome: string; reference: string };
    expect(created).toEqual({
      file: 'request.eml',
      outcome: 'ticket-created',
      reference: expect.stringMatching(/^EXO-/),
    });
    out.length = 0;
    const forged = await eml('forged.eml', `Re: [${created.reference}] Imprimante en panne`);
    const code = await main(
      [
        'ingest',
        '--data-dir',
        dataDir,
        '--json',
        '--verdicts',
        'spf=FAIL,dkim=FAIL,dmarc=GRAY',
        forged,
        forged,
      ],
      context,
    );
    expect(code).toBe(0);
    expect(
      out
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { file: 'forged.eml', outcome: 'held', reference: created.reference },
      { file: 'forged.eml', outcome: 'duplicate', reference: null },
    ]);
  });

  it('stops every service, the DynamoDB JVM included, and frees every port', async () => {
    const pid = stack.dynamodb.pid;
    const ports = [
      smtp.port,
      portOf(stack.apiUrl),
      portOf(stack.ses.endpoint),
      portOf(stack.dynamodb.endpoint),
      portOf(stack.s3.endpoint),
    ];
    expect(await readStackFile(dataDir)).not.toBeNull();

    await stack.stop();

    expect(processGone(pid)).toBe(true);
    expect(await Promise.all(ports.map(portClosed))).toEqual(ports.map(() => true));
    expect(existsSync(stackFilePath(dataDir))).toBe(false);
  });

  it('finds its tickets again when started on the same data directory', async () => {
    stack = await startLocalStack(options(dataDir, log));

    // The request, the answer to the acknowledgement and the answer to the agent's reply.
    expect((await stack.deps.tickets.getTicket(reference))?.messageCount).toBe(3);
    expect(stack.indexesAdded).toEqual([]);
  }, 120_000);
});
