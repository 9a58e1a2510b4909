import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { NotFoundError } from '../../domain/errors';
import type { Receipt } from '../../domain/mail/receipt';
import type { RawMailStore } from '../../ports/raw-mail-store';
import { awsCall } from './aws-errors';

/**
 * Raw messages in S3. SES's S3 action writes `prefix + messageId`; the SMTP listener and the CLI
 * write under `prefix + channel/deliveryId`, so that their ids can never collide with SES's.
 */
export class S3RawMailStore implements RawMailStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  keyFor(delivery: Pick<Receipt, 'channel' | 'deliveryId'>): string {
    return delivery.channel === 'ses'
      ? `${this.prefix}${delivery.deliveryId}`
      : `${this.prefix}${delivery.channel}/${delivery.deliveryId}`;
  }

  async get(key: string): Promise<Uint8Array> {
    const out = await awsCall(`reading raw mail ${this.describe(key)}`, () =>
      this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })),
    );
    if (!out.Body) throw new NotFoundError(`raw mail ${this.describe(key)} has no body`);
    if (out.Body instanceof Readable && out.ContentLength !== undefined) {
      return readInto(out.Body, out.ContentLength);
    }
    return out.Body.transformToByteArray();
  }

  async put(key: string, raw: Uint8Array): Promise<void> {
    await awsCall(`writing raw mail ${this.describe(key)}`, () =>
      this.s3.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: raw, ContentType: 'message/rfc822' }),
      ),
    );
  }

  describe(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }
}

/**
 * The body in one buffer of the announced length, filled as it streams in. transformToByteArray()
 * keeps every chunk and then copies them all into one array: for a moment the mail is in memory
 * twice, and for a 30 MB message that moment was the intake's peak (npm run bench, memory).
 */
async function readInto(body: Readable, length: number): Promise<Uint8Array> {
  const bytes = Buffer.allocUnsafe(length);
  let received = 0;
  let overflow: Buffer[] | null = null;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (overflow === null && received + chunk.length <= length) {
      chunk.copy(bytes, received);
    } else {
      // More than announced: keep it all rather than cut the mail short.
      overflow ??= [bytes.subarray(0, received)];
      overflow.push(chunk);
    }
    received += chunk.length;
  }
  if (overflow) return Buffer.concat(overflow, received);
  // Fewer than announced: exactly what arrived, without the unfilled end of the buffer.
  return received === length ? bytes : Buffer.from(bytes.subarray(0, received));
}
