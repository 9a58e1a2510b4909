/** @20minutes/s3rver (the maintained fork of s3rver, same API) ships no types: the part of its API the local
 * stack and the tests use (s3rver's README, "Programmatically"). */
declare module '@20minutes/s3rver' {
  import type { Server } from 'node:http';
  import type { AddressInfo } from 'node:net';

  type S3rverOptions = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    configureBuckets?: Array<{ name: string; configs: Array<string | Buffer> }>;
  };

  export default class S3rver {
    constructor(options?: S3rverOptions);
    /** Resolves with the listening address. */
    run(): Promise<AddressInfo>;
    /** Set once `run()` resolved. */
    httpServer: Server | undefined;
    close(): Promise<void>;
    reset(): void;
  }
}
