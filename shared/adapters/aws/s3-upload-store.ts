import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { InputError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type {
  PresignedUpload,
  PresignUploadInput,
  StoredUpload,
  UploadStore,
} from '../../ports/upload-store';
import { asIntakeFailure, awsCall } from './aws-errors';
import { presignedDownload } from './s3-download-link';

/** Five minutes: enough to pick files and send them on a slow phone, short enough to go stale quickly. */
const DEFAULT_EXPIRES_SECONDS = 300;
/** Every upload is stored as bytes to download, never as a type a browser would render. */
const STORED_TYPE = 'application/octet-stream';

/**
 * UploadStore on S3 (the local S3 emulator in tests and `npm start`). The presigned POST's policy
 * fixes the key (an `eq` condition, never `starts-with`), the size range, the stored type and the
 * file name metadata; S3 refuses any other form. The emulator checks none of it (docs/local.md),
 * which is why the callers verify the stored object (head + first bytes) before using it.
 */
export class S3UploadStore implements UploadStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly clock: Clock,
  ) {}

  async presignPost(input: PresignUploadInput): Promise<PresignedUpload> {
    // The library would turn a key ending in `${filename}` into a prefix the browser completes.
    if (input.key.includes('${'))
      throw new InputError(`upload key ${input.key} holds a placeholder`, {
        hint: 'the server builds upload keys from ids it generated',
      });
    const expires = input.expiresInSeconds ?? DEFAULT_EXPIRES_SECONDS;
    const filename = encodeURIComponent(input.filename);
    const fields = { 'Content-Type': STORED_TYPE, 'x-amz-meta-filename': filename };
    const presigned = await awsCall(`presigning an upload to s3://${this.bucket}/${input.key}`, () =>
      createPresignedPost(this.s3, {
        Bucket: this.bucket,
        Key: input.key,
        // Each field becomes an exact-match condition too (the library adds `{field: value}` and `{key}`).
        Conditions: [['content-length-range', 1, input.maxBytes]],
        Fields: fields,
        Expires: expires,
      }),
    );
    return {
      url: presigned.url,
      fields: presigned.fields,
      key: input.key,
      maxBytes: input.maxBytes,
      expiresAt: new Date(this.clock.now().getTime() + expires * 1000).toISOString(),
    };
  }

  async head(key: string): Promise<StoredUpload | null> {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const stored = out.Metadata?.filename;
      return {
        key,
        size: out.ContentLength ?? 0,
        filename: stored === undefined ? null : safeDecode(stored),
        contentType: out.ContentType ?? null,
      };
    } catch (err) {
      if (isMissing(err)) return null;
      throw asIntakeFailure(`reading s3://${this.bucket}/${key}`, err);
    }
  }

  async firstBytes(key: string, count: number): Promise<Uint8Array> {
    if (count <= 0) return new Uint8Array();
    const out = await awsCall(`reading the first bytes of s3://${this.bucket}/${key}`, () =>
      this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${count - 1}` })),
    );
    const bytes = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
    // A server that ignores Range sends everything: keep what was asked.
    return bytes.subarray(0, count);
  }

  async read(key: string): Promise<Uint8Array> {
    const out = await awsCall(`reading s3://${this.bucket}/${key}`, () =>
      this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })),
    );
    return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
  }

  async delete(key: string): Promise<void> {
    await awsCall(`deleting s3://${this.bucket}/${key}`, () =>
      this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })),
    );
  }

  async downloadLink(input: { key: string; filename: string }): Promise<{ url: string; expiresAt: string }> {
    return presignedDownload(this.s3, {
      bucket: this.bucket,
      key: input.key,
      filename: input.filename,
      now: this.clock.now(),
      expiresInSeconds: DEFAULT_EXPIRES_SECONDS,
    });
  }
}

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The origin a browser posts to for this bucket on AWS (virtual-hosted style, as the presigned POST's
 * URL): the agent portal's CSP allows it in connect-src. A test compares it with a real presign's URL.
 */
export function s3BucketOrigin(bucket: string, region: string): string {
  return `https://${bucket}.s3.${region}.amazonaws.com`;
}
