import { randomBytes } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3RawMailStore } from '../../shared/adapters/aws/s3-raw-mail-store';
import { type S3rverInstance, startS3rver } from '../../shared/adapters/local/services/s3rver';

const BUCKET = 'raw-mail-download';

describe('Class: S3RawMailStore', () => {
  let s3rver: S3rverInstance;
  let client: S3Client;
  let store: S3RawMailStore;

  beforeAll(async () => {
    s3rver = await startS3rver([BUCKET]);
    client = new S3Client(s3rver.clientConfig);
    store = new S3RawMailStore(client, BUCKET, 'inbound/');
  });

  afterAll(async () => {
    client?.destroy();
    await s3rver?.stop();
  });

  describe('Method: get', () => {
    it('returns the exact bytes of a message that arrives in many chunks', async () => {
      const raw = randomBytes(5 * 1024 * 1024 + 3);
      await store.put('inbound/cli/large', raw);

      const got = await store.get('inbound/cli/large');

      expect(got.byteLength).toBe(raw.length);
      expect(Buffer.from(got).equals(raw)).toBe(true);
    });

    it('returns an empty array for an empty object', async () => {
      await store.put('inbound/cli/empty', new Uint8Array(0));

      expect((await store.get('inbound/cli/empty')).byteLength).toBe(0);
    });
  });
});
