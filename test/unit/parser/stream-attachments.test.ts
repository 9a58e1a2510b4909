import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MailparserMailParser } from '../../../shared/adapters/mailparser-mail-parser';
import { emlFixture } from './eml-fixture';
import { intakeErrorOf } from './intake-error-of';

const parser = new MailparserMailParser();
const STREAMED = { streamAttachmentsOverBytes: 1 };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Two attachments: quoted-printable text and a base64 binary, after a Latin-1 body labelled UTF-8. */
function qpAndBase64Message(binaryBytes = 300_000): Buffer {
  const binary = Buffer.alloc(binaryBytes, 0);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 31 + (i >> 8)) % 251;
  const base64Lines = binary
    .toString('base64')
    .match(/.{1,76}/g)!
    .join('\r\n');
  const qpLines = Array.from(
    { length: 200 },
    (_, i) =>
      `2026-11-30 04:${String(i % 60).padStart(2, '0')};=C3=A9v=C3=A9nement n=C2=B0${i};file =\r\nd'attente bloqu=C3=A9e=0D`,
  ).join('\r\n');
  return Buffer.concat([
    Buffer.from(
      [
        'From: Marie Payet <marie.payet@hotel-lagon-bleu.re>',
        'To: reunion@exodata.fr',
        'Subject: Journal et vidage',
        'Message-ID: <stream-qp-base64@hotel-lagon-bleu.re>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="outer"',
        '',
        '--outer',
        'Content-Type: multipart/alternative; boundary="inner"',
        '',
        '--inner',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ].join('\r\n'),
    ),
    Buffer.from('Le serveur ne d\u00e9marre plus, caf\u00e9 renvers\u00e9.\r\n', 'latin1'),
    Buffer.from(
      [
        '--inner--',
        '--outer',
        'Content-Type: text/csv; charset=utf-8; name="journal.csv"',
        'Content-Disposition: attachment; filename="journal.csv"',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        qpLines,
        '--outer',
        'Content-Type: application/octet-stream; name="dump.bin"',
        'Content-Disposition: attachment; filename="dump.bin"',
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines,
        '--outer--',
        '',
      ].join('\r\n'),
    ),
  ]);
}

const MESSAGES: Array<[string, () => Buffer]> = [
  [
    'Apple Mail, nested multipart/related, base64 (eml/apple-mail-attachments-inline)',
    () => emlFixture('apple-mail-attachments-inline.eml'),
  ],
  [
    'hostile names, 7bit text and base64 (eml/hostile-attachment-names)',
    () => emlFixture('hostile-attachment-names.eml'),
  ],
  ['malformed MIME (eml/malformed-mime)', () => emlFixture('malformed-mime.eml')],
  [
    'printer with inline logo and PDF (intake/printer-with-attachments)',
    () => readFileSync(new URL('../../fixtures/intake/printer-with-attachments.eml', import.meta.url)),
  ],
  ['quoted-printable and base64 after a mislabelled body (built here)', () => qpAndBase64Message()],
];

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function streamedBodies(raw: Buffer): Promise<Map<number, Buffer>> {
  const { email } = await parser.parse(raw, STREAMED);
  const bodies = new Map<number, Buffer>();
  await parser.streamAttachments(raw, email.attachments, async (index, body) => {
    bodies.set(index, await readAll(body));
  });
  return bodies;
}

describe('Class: MailparserMailParser', () => {
  describe('Method: parse over streamAttachmentsOverBytes', () => {
    it('keeps no attachment body, says they are streamed and not skipped, and reads the same message', async () => {
      const raw = emlFixture('apple-mail-attachments-inline.eml');
      const inMemory = await parser.parse(raw);
      const streamed = await parser.parse(raw, STREAMED);

      expect(inMemory.bodies).toBe('in-memory');
      expect(streamed).toMatchObject({ bodies: 'streamed', attachments: [] });
      expect(streamed.email).toEqual(inMemory.email);
    });

    it('still skips bodies over maxAttachmentBytes, whatever the streaming threshold', async () => {
      const parsed = await parser.parse(emlFixture('apple-mail-attachments-inline.eml'), {
        ...STREAMED,
        maxAttachmentBytes: 1024,
      });

      expect(parsed).toMatchObject({ bodies: 'skipped', attachments: [] });
    });
  });

  describe('Method: streamAttachments', () => {
    it.each(MESSAGES)(
      'hands over every body byte-identical to the in-memory parse: %s',
      async (_name, load) => {
        const raw = load();
        const inMemory = await parser.parse(raw);
        expect(inMemory.attachments.length).toBeGreaterThan(0);

        const bodies = await streamedBodies(raw);

        expect([...bodies.keys()]).toEqual(inMemory.attachments.map((_, i) => i));
        inMemory.attachments.forEach((attachment, i) => {
          expect(bodies.get(i)!.equals(attachment.content)).toBe(true);
          expect(sha256(bodies.get(i)!)).toBe(attachment.meta.sha256);
        });
      },
    );

    it('reads the raw bytes even when the first pass kept the relabelled copy (a body mislabelled UTF-8)', async () => {
      const raw = qpAndBase64Message();
      const { email } = await parser.parse(raw, STREAMED);
      // The tolerant second parse was the one kept: the Latin-1 body reads right.
      expect(email.text).toContain('Le serveur ne démarre plus, café renversé.');

      const bodies = await streamedBodies(raw);

      expect(bodies.get(0)!.toString('utf8')).toContain(
        "2026-11-30 04:07;événement n°7;file d'attente bloquée\r",
      );
      expect(bodies.get(1)!.length).toBe(300_000);
    });

    it('does not hand over the next body before the consumer of the previous one has settled', async () => {
      const raw = qpAndBase64Message(2_000_000);
      const { email } = await parser.parse(raw, STREAMED);
      const events: string[] = [];
      let bufferedWhileWaiting = -1;
      let highWaterMark = -1;

      await parser.streamAttachments(raw, email.attachments, async (index, body) => {
        events.push(`start ${index}`);
        if (index === 1) {
          // A consumer that does not read yet (an upload still connecting): the parser must wait.
          for (let turn = 0; turn < 50; turn++) await nextTurn();
          bufferedWhileWaiting = body.readableLength;
          highWaterMark = body.readableHighWaterMark;
        }
        await readAll(body);
        for (let turn = 0; turn < 5; turn++) await nextTurn();
        events.push(`end ${index}`);
      });

      expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1']);
      // About a stream's high-water mark waits in the body (the chunk that crossed it included: 64 KiB by
      // default since Node 22), not the 2 MB attachment.
      expect(bufferedWhileWaiting).toBeGreaterThan(0);
      expect(bufferedWhileWaiting).toBeLessThanOrEqual(2 * highWaterMark);
      expect(highWaterMark).toBeLessThanOrEqual(64 * 1024);
    });

    it('hands over only the wanted bodies and drains the others', async () => {
      const raw = qpAndBase64Message();
      const { email } = await parser.parse(raw, STREAMED);
      const handed: number[] = [];

      await parser.streamAttachments(
        raw,
        email.attachments,
        async (index, body) => {
          handed.push(index);
          expect(sha256(await readAll(body))).toBe(email.attachments[index]!.sha256);
        },
        (index) => index === 1,
      );

      expect(handed).toEqual([1]);
    });

    it('goes on when a consumer settles without reading its body', async () => {
      const raw = qpAndBase64Message();
      const { email } = await parser.parse(raw, STREAMED);
      const handed: number[] = [];

      await parser.streamAttachments(raw, email.attachments, async (index) => {
        handed.push(index);
      });

      expect(handed).toEqual([0, 1]);
    });

    it('fails with ATTACHMENT_MISMATCH, never passing the whole body on, when the bytes differ from the first pass', async () => {
      const raw = qpAndBase64Message();
      const { email } = await parser.parse(raw, STREAMED);
      const expected = email.attachments.map((a, i) => (i === 1 ? { ...a, sha256: '0'.repeat(64) } : a));
      let received = 0;

      const error = await intakeErrorOf(
        parser.streamAttachments(raw, expected, async (index, body) => {
          body.on('data', (chunk: Buffer) => {
            if (index === 1) received += chunk.length;
          });
          await new Promise((resolve, reject) => {
            body.on('end', resolve);
            body.on('error', reject);
          });
        }),
      );

      expect(error.code).toBe('ATTACHMENT_MISMATCH');
      expect(error.message).toContain('attachment 2');
      expect(received).toBeGreaterThan(0);
      expect(received).toBeLessThan(expected[1]!.size);
    });

    it('fails with ATTACHMENT_MISMATCH when the second pass finds another number of attachments', async () => {
      const raw = qpAndBase64Message();
      const { email } = await parser.parse(raw, STREAMED);
      const drain = async (_index: number, body: Readable) => {
        await readAll(body);
      };

      const more = await intakeErrorOf(
        parser.streamAttachments(raw, [...email.attachments, email.attachments[0]!], drain),
      );
      const fewer = await intakeErrorOf(parser.streamAttachments(raw, email.attachments.slice(0, 1), drain));

      expect([more.code, fewer.code]).toEqual(['ATTACHMENT_MISMATCH', 'ATTACHMENT_MISMATCH']);
    });

    it("stops at the consumer's failure and rethrows it as is", async () => {
      const raw = qpAndBase64Message();
      const { email } = await parser.parse(raw, STREAMED);
      const failure = new Error('S3 is down');
      const handed: number[] = [];

      const error = await parser
        .streamAttachments(raw, email.attachments, async (index) => {
          handed.push(index);
          throw failure;
        })
        .catch((e: unknown) => e);

      expect(error).toBe(failure);
      expect(handed).toEqual([0]);
    });
  });
});
