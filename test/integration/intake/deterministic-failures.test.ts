import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryOf } from '../../../functions/cli/command';
import { createRedriveCommand } from '../../../functions/cli/commands/redrive';
import { createReprocessCommand } from '../../../functions/cli/commands/reprocess';
import { main } from '../../../functions/cli/main';
import { FileFailedEventQueue } from '../../../shared/adapters/local/file-failed-event-queue';
import { createIntake, type Intake, type Services, startServices, stopServices } from './harness';
import { mail } from './mail';

/** The reproduction of issue 13 §3: a Message-ID of 3,000 characters (its header folded before it). */
function foldedMessageId(chars: number): string {
  const local = 'x'.repeat(chars - '<@hotel-lagon-bleu.re>'.length);
  return `<${local}@hotel-lagon-bleu.re>`;
}

/** 64 KB of subject (RFC 2047 words, folded) and attachments with 2,000-character Content-IDs. */
function hugeSubjectWithLongContentIds(count: number): string {
  const words: string[] = [];
  for (let i = 0; i < 64 * 1024; i += 45) {
    words.push(`=?utf-8?B?${Buffer.from('Écran noir à la réception '.slice(0, 30)).toString('base64')}?=`);
  }
  const boundary = 'b-poison';
  const parts = Array.from({ length: count }, (_, i) =>
    [
      `--${boundary}`,
      `Content-Type: image/png; name="capture-${i}-${'n'.repeat(300)}.png"`,
      `Content-ID: <${String(i).padStart(4, '0')}${'c'.repeat(2000)}@hotel-lagon-bleu.re>`,
      'Content-Disposition: inline',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(`png-${i}`).toString('base64'),
    ].join('\r\n'),
  );
  return [
    'From: Marie Payet <marie.payet@hotel-lagon-bleu.re>',
    'To: reunion@exodata.fr',
    `Subject: ${words.join('\r\n ')}`,
    `Message-ID: <poison-subject-${Date.now()}@hotel-lagon-bleu.re>`,
    'Date: Mon, 30 Nov 2026 05:58:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    "L'écran de la réception est noir.",
    ...parts,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

async function runCli(intake: Intake, argv: string[]) {
  let stdout = '';
  const commands = [
    createReprocessCommand(async () => ({ deps: intake.deps })),
    createRedriveCommand(async ({ file }) => ({
      deps: intake.deps,
      queue: new FileFailedEventQueue(file ?? ''),
    })),
  ].map(entryOf);
  const code = await main(
    argv,
    {
      stdout: (text: string) => {
        stdout += text;
      },
      stderr: () => {},
      clock: intake.clock,
    },
    commands,
  );
  const lines = stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines };
}

/** What DynamoDB answers to an item or key it will never store, whatever the number of retries. */
function validationException(message: string): () => Error {
  return () =>
    Object.assign(new Error(message), {
      name: 'ValidationException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
}

/** The ticket creation's transaction (it puts a `#TICKET` item), not the quarantine's. */
const makesTicket = (input: Record<string, unknown>) => JSON.stringify(input).includes('"#TICKET"');

describe('Intake: deterministic failures are quarantined, never retried (DynamoDB Local, s3rver, SES emulator)', () => {
  let services: Services;
  let intake: Intake;
  let dir: string;
  beforeAll(async () => {
    services = await startServices();
    intake = await createIntake(services, { tableName: 'poison' });
    dir = await mkdtemp(join(tmpdir(), 'poison-'));
  });
  afterAll(async () => {
    intake?.destroy();
    await stopServices(services);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('makes a ticket of a message whose folded Message-ID is 3,000 characters long, under a derived id', async () => {
    const id = foldedMessageId(3000);
    const raw = mail({ messageId: `\r\n ${id}`, subject: 'Message-ID interminable' });

    const first = await intake.deliver(raw);
    const again = await intake.deliver(raw);

    expect(first.outcome).toBe('ticket-created');
    expect(first.messageId).toMatch(/^<[0-9a-f]{64}@derived\.exodata\.invalid>$/);
    expect(again).toMatchObject({ outcome: 'duplicate', reference: first.reference });
    const [message] = await intake.store.listMessages(first.reference ?? '');
    expect(message?.warnings.join(' ')).toContain('Message-ID of 3000 characters');
  });

  it('threads a reply whose In-Reply-To is that over-long Message-ID onto the same ticket', async () => {
    const id = foldedMessageId(3000);
    const first = await intake.deliver(mail({ messageId: id, subject: 'Encore un id trop long' }));
    const reply = await intake.deliver(
      mail({ subject: 'Re: Encore un id trop long', inReplyTo: id, references: id }),
    );
    expect(reply).toMatchObject({ outcome: 'follow-up', reference: first.reference });
  });

  it('makes a ticket of a 64 KB subject with 150 attachments whose Content-IDs are 2,000 characters long', async () => {
    const result = await intake.deliver(hugeSubjectWithLongContentIds(150));

    expect(result.outcome).toBe('ticket-created');
    const ticket = await intake.store.getTicket(result.reference ?? '');
    expect(Buffer.byteLength(ticket?.subject ?? '')).toBeLessThanOrEqual(2000);
    const [message] = await intake.store.listMessages(result.reference ?? '');
    expect(message?.attachments).toHaveLength(100);
    for (const a of message?.attachments ?? []) expect((a.contentId ?? '').length).toBeLessThanOrEqual(250);
    expect(message?.warnings.join(' ')).toContain('150 attachments: only the first 100');
  });

  it('quarantines, with its reason, a message the table refuses (ValidationException), instead of failing', async () => {
    intake.faults.failBefore(
      'dynamodb',
      'TransactWriteItemsCommand',
      validationException('Item size has exceeded the maximum allowed size'),
      1000,
      makesTicket,
    );
    const event = await intake.arrive(mail({ subject: 'Refusé par la table' }));
    let results: Awaited<ReturnType<Intake['handler']>> = [];
    try {
      results = await intake.handler(event);
    } finally {
      intake.faults.clear();
    }
    const [result] = results;
    expect(result).toMatchObject({ outcome: 'quarantined' });
    expect(result?.reason).toContain('Item size has exceeded the maximum allowed size');
    const sesId = event.Records[0]?.ses.mail.messageId ?? '';
    const quarantined = await intake.store.getQuarantine('ses', sesId);
    expect(quarantined).toMatchObject({ reason: 'rejected', errorCode: 'REJECTED', status: 'quarantined' });

    // A redrive of its on-failure record and a reprocess meet the same refusal: quarantined again, no throw.
    intake.faults.failBefore(
      'dynamodb',
      'TransactWriteItemsCommand',
      validationException('Item size has exceeded the maximum allowed size'),
      1000,
      makesTicket,
    );
    try {
      const file = join(dir, 'failed.jsonl');
      const record = {
        version: '1.0',
        timestamp: '2026-11-30T06:03:00.000Z',
        requestContext: { requestId: 'req-1', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
        requestPayload: event,
        responseContext: { statusCode: 200, functionError: 'Unhandled' },
        responsePayload: { errorType: 'ValidationException', errorMessage: 'Item size has exceeded' },
      };
      await writeFile(file, `${JSON.stringify(record)}\n`);
      const redriven = await runCli(intake, ['redrive', '--file', file]);
      expect(redriven.lines[0]).toMatchObject({ ok: true });
      expect(['quarantined', 'duplicate']).toContain(redriven.lines[0]?.outcome);

      const reprocessed = await runCli(intake, ['reprocess', '--delivery', sesId]);
      expect(reprocessed.lines[0]).toMatchObject({ outcome: 'quarantined' });
    } finally {
      intake.faults.clear();
    }
    // Once the table takes it (the cause fixed), reprocess makes the ticket and releases the quarantine.
    const fixed = await runCli(intake, ['reprocess', '--delivery', sesId]);
    expect(fixed.lines[0]).toMatchObject({ outcome: 'ticket-created' });
    expect(await intake.store.getQuarantine('ses', sesId)).toMatchObject({ status: 'released' });
  });

  it('serves every other client when one directory row is invalid, and reports that row (issue 13 §4)', async () => {
    const reported: string[] = [];
    const other = await createIntake(services, {
      tableName: 'bad-directory-row',
      overrides: { onInvalidClients: (rows) => reported.push(...rows.map((r) => `${r.row}: ${r.problem}`)) },
    });
    try {
      // As an operator's hand-made row would be: the contract spelt "Premium".
      await other.clients.doc.send(
        new PutCommand({
          TableName: other.env.TABLE_NAME,
          Item: {
            pk: 'DIRECTORY',
            sk: 'CLIENT#CLI-RE-0099',
            entity: 'client',
            clientId: 'CLI-RE-0099',
            name: 'Boulangerie du Barachois',
            contract: 'Premium',
            homeDesk: 'reunion',
            addresses: [],
            domains: ['boulangerie-barachois.re'],
          },
        }),
      );
      const result = await other.deliver(mail({ subject: 'Caisse bloquée' }));
      expect(result.outcome).toBe('ticket-created');
      const ticket = await other.store.getTicket(result.reference ?? '');
      expect(ticket?.client.clientId).toBe('CLI-RE-0012');
      expect(reported.join('\n')).toMatch(/^CLI-RE-0099: contract: /);
      const { invalid } = await other.deps.directory.readClients();
      expect(invalid.map((r) => r.row)).toEqual(['CLI-RE-0099']);
    } finally {
      other.destroy();
    }
  });
});
