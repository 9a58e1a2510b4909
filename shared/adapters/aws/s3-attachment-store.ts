import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type AttachmentObject, type AttachmentStore, safeObjectName } from '../../ports/attachment-store';
import { awsCall } from './aws-errors';

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
      this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: object.key,
          Body: object.content,
          ContentType: object.contentType,
          // Downloads save under the client's name (RFC 6266 / 5987), never render inline in the browser.
          ContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(object.filename)}`,
          Metadata: { sha256: object.sha256 },
        }),
      ),
    );
  }
}
