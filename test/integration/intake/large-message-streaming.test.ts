import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransientError } from '../../../shared/domain/errors';
import { errors } from './faults';
import { createIntake, type Intake, type Services, startServices, stopServices } from './harness';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const WRITE_COMMANDS = [
  'TransactWriteItemsCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
];

/** Bytes that differ from one attachment to the next, so that a body swapped for another shows. */
function pattern(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * seed + (i >> 10)) % 251;
  return bytes;
}

type Part = { filename: string; contentType: string; content: Buffer };

/** A person's message with base64 attachments: over the lowered streaming threshold. */
function largeMail(tag: string, parts: Part[]): string {
  const boundary = `large-${tag}`;
  return [
    `From: Marie Payet <marie.payet@hotel-lagon-bleu.re>`,
    'To: reunion@exodata.fr',
    `Subject: Photos de la baie serveur ${tag}`,
    `Message-ID: <${tag}@hotel-lagon-bleu.re>`,
    'Date: Mon, 30 Nov 2026 05:58:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Bonjour,\r\n\r\nLe serveur de fichiers ne démarre plus, voici les photos.\r\n\r\nMarie',
    ...parts.flatMap((part) => [
      `--${boundary}`,
      `Content-Type: ${part.contentType}; name="${part.filename}"`,
      `Content-Disposition: attachment; filename="${part.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      part.content.toString('base64').replace(/.{76}/g, '$&\r\n'),
    ]),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

type Middleware = (
  next: (args: { request: unknown }) => Promise<unknown>,
  context: { commandName?: string },
) => (args: { request: unknown }) => Promise<unknown>;
type Stack = { middlewareStack: { add(m: Middleware, o: { step: string; name: string }): void } };
type SentRequest = { headers: Record<string, string>; path: string; body?: unknown };

/** The headers of the attachment puts as they leave the SDK (after its checksum and signing steps). */
function recordAttachmentPuts(intake: Intake): Array<Record<string, string>> {
  const seen: Array<Record<string, string>> = [];
  (intake.clients.s3 as unknown as Stack).middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as SentRequest;
      if (context.commandName === 'PutObjectCommand' && request.path.includes('/attachments/')) {
        seen.push({ ...request.headers });
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'recordAttachmentPuts' },
  );
  return seen;
}

/**
 * S3 failing in the middle of an upload: once `afterBytes` of the streamed attachment body of put
 * number `nth` have left, the connection is lost with SlowDown (S3 answers 503 and drops it before
 * the body's end); the store aborts the request as it would on a reset.
 */
function failStreamedPutMidBody(intake: Intake, nth: number, afterBytes: number): { hits: number } {
  const state = { armed: true, seen: 0, hits: 0 };
  (intake.clients.s3 as unknown as Stack).middlewareStack.add(
    (next, context) => async (args) => {
      const body = (args.request as SentRequest).body;
      if (!state.armed || context.commandName !== 'PutObjectCommand' || !(body instanceof Readable)) {
        return next(args);
      }
      if (++state.seen < nth) return next(args);
      state.armed = false;
      state.hits++;
      let seen = 0;
      body.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen >= afterBytes && !body.destroyed) body.destroy(errors.s3SlowDown());
      });
      return next(args);
    },
    { step: 'deserialize', name: 'failStreamedPutMidBody' },
  );
  return state;
}

describe('Function: intake handler on a large message (attachment bodies streamed to S3, on s3rver)', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    await stopServices(services);
  });

  async function largeIntake(tableName: string): Promise<Intake> {
    return createIntake(services, {
      tableName,
      // The production threshold is 8 MiB: lowered here, so that a message of a few hundred KB streams.
      overrides: { limits: { maxAttachmentBytes: 4 * 1024 * 1024, streamAttachmentsOverBytes: 64 * 1024 } },
    });
  }

  async function expectStored(intake: Intake, reference: string, parts: Part[]): Promise<string[]> {
    const [message] = await intake.store.listMessages(reference);
    expect(message).toMatchObject({ attachmentsStored: true, attachmentsSkipped: false });
    const keys = [...new Set(message!.attachments.map((a) => a.key))].sort();
    expect(await intake.listObjects(intake.env.ATTACHMENTS_PREFIX)).toEqual(keys);
    for (const attachment of message!.attachments) {
      const part = parts.find((p) => p.filename === attachment.filename)!;
      const stored = await intake.getObject(attachment.key);
      expect(stored.body.equals(part.content)).toBe(true);
      expect(attachment.sha256).toBe(sha256(part.content));
      const head = await intake.clients.s3.send(
        new HeadObjectCommand({ Bucket: 'exodata-raw-mail-test', Key: attachment.key }),
      );
      expect(head.Metadata?.sha256).toBe(attachment.sha256);
      expect(head.ContentLength).toBe(part.content.length);
    }
    return keys;
  }

  describe('a message over the streaming threshold', () => {
    let intake: Intake;
    let puts: Array<Record<string, string>>;
    let firstPuts: Array<Record<string, string>> = [];
    const parts: Part[] = [
      { filename: 'contrat.pdf', contentType: 'application/pdf', content: pattern(700_000, 31) },
      { filename: 'baie-1.jpg', contentType: 'image/jpeg', content: pattern(300_000, 37) },
      // The same file twice under one name: one key, one object, one upload.
      { filename: 'contrat.pdf', contentType: 'application/pdf', content: pattern(700_000, 31) },
    ];
    beforeAll(async () => {
      intake = await largeIntake('large-stream');
      puts = recordAttachmentPuts(intake);
    });
    afterAll(() => intake?.destroy());

    it('becomes a ticket whose attachment objects are byte-identical, one per key, and carry their sha256', async () => {
      const result = await intake.deliver(largeMail('stream-1', parts));

      expect(result).toMatchObject({ outcome: 'ticket-created', attachments: 3, attachmentsSkipped: false });
      expect(await expectStored(intake, result.reference!, parts)).toHaveLength(2);
      expect(puts).toHaveLength(2);
      firstPuts = [...puts];
    });

    it('costs the DynamoDB writes of a small message with an attachment kept in memory, no more', async () => {
      const writes = () =>
        WRITE_COMMANDS.map((command) => intake.faults.count('dynamodb', command)).join(' ');
      intake.faults.clear();
      await intake.deliver(largeMail('stream-2', [parts[1]!]));
      const streamed = writes();
      intake.faults.clear();
      const small: Part = { filename: 'note.txt', contentType: 'text/plain', content: pattern(2_000, 47) };
      const inMemory = await intake.deliver(largeMail('small-1', [small]));

      expect(inMemory.outcome).toBe('ticket-created');
      expect(streamed).not.toBe(WRITE_COMMANDS.map(() => 0).join(' '));
      expect(streamed).toBe(writes());
    });

    it('sends each body with its length and its SHA-256 for S3 to check, not as an aws-chunked stream', () => {
      const expected = [parts[0]!, parts[1]!].map((p) => ({
        length: String(p.content.length),
        checksum: createHash('sha256').update(p.content).digest('base64'),
      }));
      expect(
        firstPuts.map((headers) => ({
          length: headers['content-length'],
          checksum: headers['x-amz-checksum-sha256'],
        })),
      ).toEqual(expected);
      for (const headers of firstPuts) {
        expect(headers['content-encoding'] ?? '').not.toContain('aws-chunked');
        expect(headers['x-amz-trailer']).toBeUndefined();
      }
    });
  });

  describe('S3 failing in the middle of an attachment upload', () => {
    let intake: Intake;
    beforeAll(async () => {
      intake = await largeIntake('large-fault');
      await services.ses.clear();
    });
    afterAll(() => intake?.destroy());

    it('fails the run with a TransientError; the retry makes one ticket with every body whole and one acknowledgement', async () => {
      const parts: Part[] = [
        { filename: 'journal.bin', contentType: 'application/octet-stream', content: pattern(400_000, 41) },
        { filename: 'photo.jpg', contentType: 'image/jpeg', content: pattern(500_000, 43) },
      ];
      const event = await intake.arrive(largeMail('fault-1', parts));
      const fault = failStreamedPutMidBody(intake, 2, 128 * 1024);

      await expect(intake.handler(event)).rejects.toBeInstanceOf(TransientError);
      expect(fault.hits).toBe(1);
      expect(await intake.store.getTicket('EXO-2026-000001')).toBeNull();
      // The first body was stored whole. s3rver keeps what it received of the cut upload (S3 stores
      // nothing of a PUT short of its Content-Length): the retry must write it whole again.
      const keys = await intake.listObjects(intake.env.ATTACHMENTS_PREFIX);
      const [journal, photo] = parts.map((p) => keys.find((k) => k.includes(sha256(p.content))));
      expect((await intake.getObject(journal!)).body.equals(parts[0]!.content)).toBe(true);
      if (photo) expect((await intake.getObject(photo)).body.length).toBeLessThan(parts[1]!.content.length);

      const [result] = await intake.handler(event);

      expect(result).toMatchObject({ outcome: 'ticket-created', reference: 'EXO-2026-000001' });
      expect(await expectStored(intake, 'EXO-2026-000001', parts)).toHaveLength(2);
      expect(await intake.sentMails()).toHaveLength(1);
      expect(await intake.store.getTicket('EXO-2026-000002')).toBeNull();
    });
  });
});
