import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from '@20minutes/s3rver';

export type S3rverInstance = {
  endpoint: string;
  port: number;
  /** Where the objects are, as files. */
  directory: string;
  /**
   * s3rver only accepts requests with its own access key, path-style; the region is not checked, nor the
   * signature (see `allowMismatchedSignatures` below); a presigned URL past its expiry is refused.
   */
  clientConfig: {
    endpoint: string;
    region: string;
    forcePathStyle: true;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /** Idempotent. */
  stop(): Promise<void>;
};

export type S3rverOptions = {
  /** Keep the objects in this directory (created if missing); by default a temporary one, removed by stop(). */
  directory?: string;
  /** A fixed port; by default one the OS picks. */
  port?: number;
};

/**
 * Browsers post uploads straight to the bucket (presigned POST, UploadStore) from the portals' origins
 * and read the answer: the emulator answers them with CORS, as the AWS bucket does (infra mail-storage.ts:
 * POST from any origin; the signed policy, not the origin, decides what is stored).
 */
const UPLOAD_CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** s3rver on 127.0.0.1 with these buckets (created if missing, existing objects kept). */
export async function startS3rver(buckets: string[], options: S3rverOptions = {}): Promise<S3rverInstance> {
  const temporary = options.directory === undefined;
  const directory = temporary ? await mkdtemp(join(tmpdir(), 's3rver-')) : resolve(options.directory!);
  if (!temporary) await mkdir(directory, { recursive: true });
  const instance = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    resetOnClose: false,
    // The fork's SigV4 check encodes query values unlike the SDK (encodeURIComponent, not RFC 3986):
    // it refuses a ListObjectsV2 with a prefix and a presigned GET whose response-content-disposition
    // holds `filename*=UTF-8''…`, both valid on S3. So signatures are not compared (the access key id
    // and the expiry of presigned URLs still are). docs/local.md lists what the emulator does not check.
    allowMismatchedSignatures: true,
    configureBuckets: buckets.map((name) => ({ name, configs: [UPLOAD_CORS] })),
  });
  const address = await instance.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  let stopped = false;
  return {
    endpoint,
    port: address.port,
    directory,
    clientConfig: {
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { ...S3RVER_CREDENTIALS },
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // SDK clients keep connections alive: close them, or close() waits for their timeout.
      instance.httpServer?.closeAllConnections();
      await instance.close();
      if (temporary) await rm(directory, { recursive: true, force: true });
    },
  };
}
