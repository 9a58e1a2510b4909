import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/**
 * A short-lived presigned GET that forces a download under the given file name and a neutral type,
 * whatever the stored object says, so that nothing a client or an agent uploaded renders in our origin.
 * Shared by the attachment links and the upload store (both hand out such links).
 */
export async function presignedDownload(
  s3: S3Client,
  input: { bucket: string; key: string; filename: string; now: Date; expiresInSeconds: number },
): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: input.bucket,
      Key: input.key,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(input.filename)}`,
      ResponseContentType: 'application/octet-stream',
    }),
    { expiresIn: input.expiresInSeconds, signingDate: input.now },
  );
  return { url, expiresAt: new Date(input.now.getTime() + input.expiresInSeconds * 1000).toISOString() };
}
