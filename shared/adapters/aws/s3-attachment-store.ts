import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  type AttachmentObject,
  type AttachmentStore,
  type AttachmentStreamObject,
  safeObjectName,
} from '../../ports/attachment-store';
import { asIntakeFailure, awsCall } from './aws-errors';

/**
 * Attachment bodies in S3 under `<prefix><deskId>/<sha256>/<safe name>`: the same file sent twice to
 * a desk is one object, and a retried put rewrites identical bytes.
 */
export class S3AttachmentStore implements AttachmentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  keyFor(deskId: string, sha256: string, filename: string): string {
    return `${this.prefix}${deskId}/${sha256}/${safeObjectName(filename)}`;
  }

  async put(object: AttachmentObject): Promise<void> {
    await awsCall(`writing attachment s3://${this.bucket}/${object.key}`, () =>
      this.s3.send(new PutObjectCommand({ ...this.fields(object), Body: object.content })),
    );
  }

  /**
   * One PutObject with the stream as its body: no multipart, so no part is ever buffered. With the
   * length and the checksum given, the SDK sends the body as it comes (its flexible-checksum step
   * adds no aws-chunked trailer when an x-amz-checksum header is already there) and S3 refuses bytes
   * whose SHA-256 differs. The SDK does not retry a streamed body: a failure goes to the caller.
   */
  async putStream(object: AttachmentStreamObject): Promise<void> {
    const { body } = object;
    // The SDK pipes the body into the request without listening to it: a body that fails or stops
    // early (bytes that differ, a parse that stopped) would leave the request waiting for the rest.
    const abort = new AbortController();
    const stopped = () => {
      if (!body.readableEnded)
        abort.abort(body.errored ?? new Error('the attachment body closed before its end'));
    };
    body.once('close', stopped);
    const what = `writing attachment s3://${this.bucket}/${object.key}`;
    try {
      await awsCall(what, () =>
        this.s3.send(
          new PutObjectCommand({
            ...this.fields(object),
            Body: body,
            ContentLength: object.size,
            ChecksumSHA256: Buffer.from(object.sha256, 'hex').toString('base64'),
          }),
          { abortSignal: abort.signal },
        ),
      );
    } catch (err) {
      // The body's own failure says more than the SDK's AbortError it caused.
      throw abort.signal.aborted && body.errored ? asIntakeFailure(what, body.errored) : err;
    } finally {
      body.off('close', stopped);
    }
  }

  private fields(object: Omit<AttachmentObject, 'content'>) {
    return {
      Bucket: this.bucket,
      Key: object.key,
      ContentType: object.contentType,
      // Downloads save under the client's name (RFC 6266 / 5987), never render inline in the browser.
      ContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(object.filename)}`,
      Metadata: { sha256: object.sha256 },
    };
  }
}
