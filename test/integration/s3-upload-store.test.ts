import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3UploadStore, s3BucketOrigin } from '../../shared/adapters/aws/s3-upload-store';
import { type S3rverInstance, startS3rver } from '../../shared/adapters/local/services/s3rver';
import { AGENT_REPLY_LIMITS } from '../../shared/domain/mail/attachment-policy';
import type { PresignedUpload } from '../../shared/ports/upload-store';
import { verifyUploads } from '../../shared/use-cases/verify-uploads';

const BUCKET = 'upload-store-checks';

/** The browser's part: the form fields as given, the file last (S3 reads fields up to the file). */
async function upload(presigned: PresignedUpload, bytes: Uint8Array, browserName: string): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(presigned.fields)) form.append(name, value);
  form.append('file', new Blob([Buffer.from(bytes)]), browserName);
  const answer = await fetch(presigned.url, { method: 'POST', body: form });
  await answer.arrayBuffer();
  return answer.status;
}

function policyOf(presigned: PresignedUpload): { expiration: string; conditions: unknown[] } {
  return JSON.parse(Buffer.from(presigned.fields.Policy!, 'base64').toString('utf8'));
}

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n');
const MZ = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(200, 1)]);

describe('S3UploadStore on the local S3 emulator', () => {
  let s3rver: S3rverInstance;
  let client: S3Client;
  let store: S3UploadStore;

  beforeAll(async () => {
    s3rver = await startS3rver([BUCKET]);
    client = new S3Client(s3rver.clientConfig);
    // The emulator checks presigned GETs against the wall clock: links are signed with it.
    store = new S3UploadStore(client, BUCKET, { now: () => new Date() });
  });

  afterAll(async () => {
    client?.destroy();
    await s3rver?.stop();
  });

  it('signs a POST whose key, size range, type and file name the server fixed, for 5 minutes', async () => {
    const before = Date.now();
    const presigned = await store.presignPost({
      key: 'uploads/replies/EXO-2026-000001/u1',
      maxBytes: 1000,
      filename: 'Relevé n°1.pdf',
    });
    expect(presigned.key).toBe('uploads/replies/EXO-2026-000001/u1');
    expect(Date.parse(presigned.expiresAt) - before).toBeGreaterThanOrEqual(300_000);
    expect(presigned.fields.key).toBe('uploads/replies/EXO-2026-000001/u1');
    const policy = policyOf(presigned);
    // The library signs with the process clock: the expiry is 300 s after signing.
    const expires = Date.parse(policy.expiration) - before;
    expect(expires).toBeGreaterThan(295_000);
    expect(expires).toBeLessThanOrEqual(301_000);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 1000],
        { key: 'uploads/replies/EXO-2026-000001/u1' },
        { bucket: BUCKET },
        { 'Content-Type': 'application/octet-stream' },
        { 'x-amz-meta-filename': 'Relev%C3%A9%20n%C2%B01.pdf' },
      ]),
    );
    // Never a prefix the browser could complete.
    expect(JSON.stringify(policy.conditions)).not.toContain('starts-with');
    await expect(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the library's placeholder, written literally
      store.presignPost({ key: 'uploads/x/${filename}', maxBytes: 10, filename: 'a' }),
    ).rejects.toThrow(/placeholder/);
  });

  it('stores what the browser posts, heads it, reads its first bytes, links it for download, deletes it', async () => {
    const key = 'uploads/replies/EXO-2026-000001/u2';
    const presigned = await store.presignPost({ key, maxBytes: 1000, filename: 'Relevé.pdf' });
    expect(await upload(presigned, PDF, 'ignored-browser-name.exe')).toBe(204);
    expect(await store.head(key)).toEqual({
      key,
      size: PDF.length,
      filename: 'Relevé.pdf',
      contentType: 'application/octet-stream',
    });
    expect(Buffer.from(await store.firstBytes(key, 4)).toString()).toBe('%PDF');
    expect(Buffer.from(await store.read(key))).toEqual(Buffer.from(PDF));

    const link = await store.downloadLink({ key, filename: 'Relevé.pdf' });
    const download = await fetch(link.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Relev%C3%A9.pdf");
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    await download.arrayBuffer();

    await store.delete(key);
    expect(await store.head(key)).toBeNull();
    await store.delete(key); // idempotent
  });

  it('verifies stored uploads: a renamed program is refused in French and deleted, nothing stays stored', async () => {
    const good = 'uploads/replies/EXO-2026-000001/good';
    const bad = 'uploads/replies/EXO-2026-000001/bad';
    await upload(await store.presignPost({ key: good, maxBytes: 1000, filename: 'devis.pdf' }), PDF, 'x');
    await upload(await store.presignPost({ key: bad, maxBytes: 1000, filename: 'facture.pdf' }), MZ, 'x');

    await expect(verifyUploads(store, [good, bad], AGENT_REPLY_LIMITS)).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('« facture.pdf » : son contenu est un programme Windows (MZ)'),
    });
    expect(await store.head(bad)).toBeNull();
    // The good file stays for the next attempt.
    expect(await verifyUploads(store, [good], AGENT_REPLY_LIMITS)).toEqual([
      { key: good, filename: 'devis.pdf', size: PDF.length },
    ]);
  });

  it('checks the stored size, since the emulator ignores the policy’s size range', async () => {
    const key = 'uploads/replies/EXO-2026-000001/big';
    const presigned = await store.presignPost({ key, maxBytes: 100, filename: 'gros.pdf' });
    // On S3 this POST is refused (EntityTooLarge); the emulator stores it: the server must not trust that.
    expect(await upload(presigned, Buffer.concat([Buffer.from(PDF), Buffer.alloc(500)]), 'x')).toBe(204);
    const limits = { maxFiles: 10, maxFileBytes: 100, maxTotalBytes: null };
    await expect(verifyUploads(store, [key], limits)).rejects.toThrow(
      /« gros\.pdf » : .* au plus par fichier/,
    );
    expect(await store.head(key)).toBeNull();
  });

  it('names the AWS origin browsers post to (the CSP connect-src) as the presigned POST does', async () => {
    const aws = new S3Client({
      region: 'eu-west-3',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'not-a-secret' },
    });
    try {
      const presigned = await new S3UploadStore(aws, 'exodata-mail-bucket-1a2b', {
        now: () => new Date(),
      }).presignPost({ key: 'uploads/EXO-2026-000001/replies/u', maxBytes: 10, filename: 'a.pdf' });
      expect(new URL(presigned.url).origin).toBe(s3BucketOrigin('exodata-mail-bucket-1a2b', 'eu-west-3'));
    } finally {
      aws.destroy();
    }
  });

  it('refuses a missing upload', async () => {
    await expect(
      verifyUploads(store, ['uploads/replies/EXO-2026-000001/never'], AGENT_REPLY_LIMITS),
    ).rejects.toThrow(/introuvables/);
  });
});
