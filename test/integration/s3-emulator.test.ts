import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3rverInstance, startS3rver } from '../../shared/adapters/local/services/s3rver';

const BUCKET = 's3-emulator-checks';

/**
 * What the local S3 (@20minutes/s3rver) refuses, so that the tests relying on it can fail: a link past
 * its expiry and a stranger's access key. What it does not check is listed in docs/local.md.
 */
describe('Local S3 emulator: what it refuses', () => {
  let s3rver: S3rverInstance;
  let client: S3Client;

  beforeAll(async () => {
    s3rver = await startS3rver([BUCKET]);
    client = new S3Client(s3rver.clientConfig);
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'attachments/a.txt', Body: 'contenu' }));
  });

  afterAll(async () => {
    client?.destroy();
    await s3rver?.stop();
  });

  it('serves a presigned GET within its validity, with the response headers the link asks for', async () => {
    const url = await getSignedUrl(
      client,
      new GetObjectCommand({
        Bucket: BUCKET,
        Key: 'attachments/a.txt',
        ResponseContentDisposition: "attachment; filename*=UTF-8''a%20b.txt",
        ResponseContentType: 'application/octet-stream',
      }),
      { expiresIn: 60 },
    );
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''a%20b.txt");
    expect(answer.headers.get('content-type')).toBe('application/octet-stream');
    expect(await answer.text()).toBe('contenu');
  });

  it('refuses a presigned GET past its expiry', async () => {
    const url = await getSignedUrl(
      client,
      new GetObjectCommand({ Bucket: BUCKET, Key: 'attachments/a.txt' }),
      {
        expiresIn: 60,
        signingDate: new Date(Date.now() - 3_600_000),
      },
    );
    const answer = await fetch(url);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('Request has expired');
  });

  it('refuses an access key that is not its own', async () => {
    const stranger = new S3Client({
      ...s3rver.clientConfig,
      credentials: { accessKeyId: 'AKIASTRANGER', secretAccessKey: 'not-the-emulator' },
    });
    try {
      await expect(
        stranger.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'attachments/a.txt' })),
      ).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    } finally {
      stranger.destroy();
    }
  });
});
