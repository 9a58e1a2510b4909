import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { AttachmentLinks } from '../../ports/attachment-links';
import type { Clock } from '../../ports/clock';

/** Five minutes: long enough to click, short enough that a link pasted in a chat soon stops working. */
const DEFAULT_EXPIRES_SECONDS = 300;

/**
 * Presigned S3 GETs for attachment bodies (s3rver locally). The link forces a download under the
 * client's file name and a neutral type, whatever the object says, so nothing renders in our origin.
 */
export class S3AttachmentLinks implements AttachmentLinks {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly clock: Clock,
    private readonly expiresInSeconds = DEFAULT_EXPIRES_SECONDS,
  ) {}

  async link(input: {
    key: string;
    filename: string;
    contentType: string;
  }): Promise<{ url: string; expiresAt: string }> {
    const now = this.clock.now();
    const url = await getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: input.key,
        ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(input.filename)}`,
        ResponseContentType: 'application/octet-stream',
      }),
      { expiresIn: this.expiresInSeconds, signingDate: now },
    );
    return { url, expiresAt: new Date(now.getTime() + this.expiresInSeconds * 1000).toISOString() };
  }
}
