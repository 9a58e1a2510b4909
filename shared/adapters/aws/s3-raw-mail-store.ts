import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { NotFoundError } from '../../domain/errors';
import type { Receipt } from '../../domain/receipt';
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
