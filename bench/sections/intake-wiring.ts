import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createIntakeHandler } from '../../functions/intake/handle-ses-event';
import { ensureTable } from '../../shared/adapters/aws/dynamodb/table-schema';
import type { SesReceiptEvent } from '../../shared/adapters/aws/ses-inbound-event';
import { S3RVER_CREDENTIALS } from '../../shared/adapters/local/services/s3rver';
import { EMULATOR_REGION } from '../../shared/adapters/local/services/ses-emulator';
import { loadIntakeEnv } from '../../shared/config';
import type { ClientEntry } from '../../shared/domain/desk/client-directory';
import type { ServiceDeskConfig } from '../../shared/domain/desk/service-desk-config';
import type { Clock } from '../../shared/ports/clock';
import type { IntakeResult } from '../../shared/use-cases/intake-email';
import { createIntakeDependencies } from '../../shared/wiring/aws';
import { createAwsClients } from '../../shared/wiring/aws-clients';
import { RequestMeter } from './request-meter';

export type Endpoints = { dynamodb: string; s3: string; ses: string };

/** One delivery as SES makes it: which desk, when. */
export type Delivery = { sesId: string; deskAddress: string; receivedAt: string };

export type BenchIntake = {
  meter: RequestMeter;
  /** What SES does before invoking the function (put the raw mail in the bucket): not timed. */
  store(sesId: string, raw: Buffer): Promise<void>;
  /** The Lambda handler on the SES event of this delivery, "a couple of seconds after" it was received. */
  handle(delivery: Delivery): Promise<IntakeResult>;
  destroy(): void;
};

/**
 * The intake wired exactly as the Lambda's handler module wires it (createAwsClients,
 * createIntakeDependencies, createIntakeHandler), on a fresh table of the local DynamoDB and a
 * prefix of the local bucket, with the request meter on its SDK clients.
 */
export async function createBenchIntake(options: {
  endpoints: Endpoints;
  bucket: string;
  tableName: string;
  config: ServiceDeskConfig;
  clients: readonly ClientEntry[];
  maxAttachmentBytes: number;
}): Promise<BenchIntake> {
  const { endpoints, bucket, tableName } = options;
  const rawPrefix = rawPrefixOf(tableName);
  const clock = new CorpusClock();
  const meter = new RequestMeter();
  const credentials = { ...S3RVER_CREDENTIALS };
  const aws = createAwsClients({ region: EMULATOR_REGION, endpoints, credentials });
  meter.attachDynamoDb(aws.dynamodb);
  meter.attach('s3', aws.s3);
  meter.attach('ses', aws.ses);
  const env = loadIntakeEnv({
    AWS_REGION: EMULATOR_REGION,
    TABLE_NAME: tableName,
    RAW_MAIL_BUCKET: bucket,
    RAW_MAIL_PREFIX: rawPrefix,
    ATTACHMENTS_PREFIX: `${tableName}/attachments/`,
    SERVICE_DESK_CONFIG: JSON.stringify(options.config),
    MAX_ATTACHMENT_BYTES: String(options.maxAttachmentBytes),
    LOG_LEVEL: 'SILENT',
  });
  await ensureTable(aws.dynamodb, tableName);
  const deps = createIntakeDependencies(env, aws, { clock });
  for (const client of options.clients) await deps.directory.putClient(client);
  // The handler publishes its metrics as on Lambda; here they are not printed.
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const handler = createIntakeHandler(deps, {
    logger: new Logger({ serviceName: 'exodata-intake-bench', logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'Exodata/IntakeBench', serviceName: 'exodata-intake-bench' }),
  });
  const uploader = new S3Client({
    region: EMULATOR_REGION,
    endpoint: endpoints.s3,
    forcePathStyle: true,
    credentials,
  });

  return {
    meter,
    async store(sesId, raw) {
      await uploader.send(new PutObjectCommand({ Bucket: bucket, Key: `${rawPrefix}${sesId}`, Body: raw }));
    },
    async handle(delivery) {
      const [result] = await clock.run(delivery.receivedAt, () => handler(sesEventOf(delivery)));
      if (!result) throw new Error(`no result for ${delivery.sesId}`);
      return result;
    },
    destroy() {
      uploader.destroy();
      aws.doc.destroy();
      aws.dynamodb.destroy();
      aws.s3.destroy();
      aws.ses.destroy();
    },
  };
}

/** Where SES's S3 action would have put the raw mail of a delivery to this bench table. */
export function rawPrefixOf(tableName: string): string {
  return `${tableName}/inbound/`;
}

/** The SES Lambda action's event for this delivery (spec/ses-lambda-event.sample.json). */
function sesEventOf({ sesId, deskAddress, receivedAt }: Delivery): SesReceiptEvent {
  const pass = { status: 'PASS' };
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        ses: {
          mail: {
            timestamp: receivedAt,
            source: 'client@example.com',
            messageId: sesId,
            destination: [deskAddress],
          },
          receipt: {
            timestamp: receivedAt,
            recipients: [deskAddress],
            spamVerdict: pass,
            virusVerdict: pass,
            spfVerdict: pass,
            dkimVerdict: pass,
            dmarcVerdict: pass,
          },
        },
      },
    ],
  };
}

/**
 * The corpus spans a month: each message is processed "two seconds after SES received it", even
 * with 16 in flight, so that reopen windows and acknowledgement rate limits see the corpus's own
 * spacing rather than everything arriving within the same minute of the bench run.
 */
class CorpusClock implements Clock {
  private readonly current = new AsyncLocalStorage<number>();

  run<T>(receivedAt: string, work: () => Promise<T>): Promise<T> {
    const offset = Date.parse(receivedAt) + 2000 - performance.now();
    return this.current.run(offset, work);
  }

  now(): Date {
    const offset = this.current.getStore();
    return offset === undefined ? new Date() : new Date(offset + performance.now());
  }
}
