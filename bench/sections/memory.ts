import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3RVER_CREDENTIALS } from '../../shared/adapters/local/services/s3rver';
import { EMULATOR_REGION } from '../../shared/adapters/local/services/ses-emulator';
import { generateLargeMessage } from '../corpus/generate';
import type { Progress } from '../lib/progress';
import { round } from '../lib/stats';
import { rawPrefixOf } from './intake-wiring';
import type { BenchServices } from './local-services';

const run = promisify(execFile);
const MEMORY_SCRIPT = fileURLToPath(new URL('./memory-process.ts', import.meta.url));
const MB = 1024 * 1024;

export type MemoryFigures = {
  messageBytes: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** (peak RSS − baseline RSS) / message size: how many copies of the message the intake holds at once. */
  peakRssRatio: number;
  handleMs: number;
  outcome: string;
  attachments: number;
  attachmentsSkipped: boolean;
  peakMeasuredFrom: string;
};

/**
 * Peak memory of the intake on one large message with big attachments, in a fresh process that
 * only wires the intake, warms it up on a small message and then handles the large one (the raw
 * mail is read from S3 as on Lambda). Just under the deployment's maxMessageBytes, so that the
 * attachments are extracted and stored, which is the expensive case.
 */
export async function benchMemory(options: {
  services: BenchServices;
  messageBytes: number;
  maxAttachmentBytes: number;
  progress: Progress;
}): Promise<MemoryFigures> {
  const { services, progress } = options;
  const tableName = `bench-mem-${Date.now()}`;
  progress.line(`generating a ${(options.messageBytes / MB).toFixed(1)} MB message…`);
  const large = await generateLargeMessage(30, options.messageBytes);
  const small = await generateLargeMessage(31, 64 * 1024, 1);
  const s3 = new S3Client({
    region: EMULATOR_REGION,
    endpoint: services.endpoints.s3,
    forcePathStyle: true,
    credentials: { ...S3RVER_CREDENTIALS },
  });
  const prefix = rawPrefixOf(tableName);
  await s3.send(
    new PutObjectCommand({ Bucket: services.bucket, Key: `${prefix}bench-mem-warmup`, Body: small }),
  );
  await s3.send(
    new PutObjectCommand({ Bucket: services.bucket, Key: `${prefix}bench-mem-large`, Body: large }),
  );
  s3.destroy();

  const job = {
    endpoints: services.endpoints,
    bucket: services.bucket,
    tableName,
    maxAttachmentBytes: options.maxAttachmentBytes,
    warmup: {
      sesId: 'bench-mem-warmup',
      deskAddress: 'reunion@exodata.fr',
      receivedAt: '2026-05-04T07:00:00.000Z',
    },
    large: {
      sesId: 'bench-mem-large',
      deskAddress: 'reunion@exodata.fr',
      receivedAt: '2026-05-04T07:05:00.000Z',
    },
    largeBytes: large.length,
  };
  progress.line('ingesting it in a fresh process…');
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', MEMORY_SCRIPT, JSON.stringify(job)],
    {
      maxBuffer: 1024 * 1024,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  const line = stdout.trim().split('\n').pop() ?? '{}';
  const out = JSON.parse(line) as {
    baselineRss: number;
    peakRss: number;
    ms: number;
    outcome: string;
    attachments: number;
    attachmentsSkipped: boolean;
    peakMeasuredFrom: string;
  };
  return {
    messageBytes: large.length,
    baselineRssMb: round(out.baselineRss / MB, 1),
    peakRssMb: round(out.peakRss / MB, 1),
    peakRssRatio: round((out.peakRss - out.baselineRss) / large.length, 2),
    handleMs: round(out.ms, 0),
    outcome: out.outcome,
    attachments: out.attachments,
    attachmentsSkipped: out.attachmentsSkipped,
    peakMeasuredFrom: out.peakMeasuredFrom,
  };
}
