import type { S3Client } from '@aws-sdk/client-s3';
import type { AttachmentLinks } from '../../ports/attachment-links';
import type { Clock } from '../../ports/clock';
import { presignedDownload } from './s3-download-link';

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
    return presignedDownload(this.s3, {
      bucket: this.bucket,
      key: input.key,
      filename: input.filename,
      now: this.clock.now(),
      expiresInSeconds: this.expiresInSeconds,
    });
  }
}
