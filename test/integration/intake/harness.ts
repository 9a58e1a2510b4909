import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { createIntakeHandler } from '../../../functions/intake/handle-ses-event';
import { versionedTicketUpdate } from '../../../shared/adapters/aws/dynamodb/items';
import { ensureTable } from '../../../shared/adapters/aws/dynamodb/table-schema';
import type { DynamoDbTicketStore } from '../../../shared/adapters/aws/dynamodb/ticket-store';
import type { SesReceiptEvent } from '../../../shared/adapters/aws/ses-inbound-event';
import {
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '../../../shared/adapters/local/services/dynamodb-local';
import { type S3rverInstance, startS3rver } from '../../../shared/adapters/local/services/s3rver';
import {
  EMULATOR_REGION,
  type SesEmulator,
  startSesEmulator,
} from '../../../shared/adapters/local/services/ses-emulator';
import { type IntakeEnv, loadIntakeEnv } from '../../../shared/config';
import type { ClientEntry } from '../../../shared/domain/desk/client-directory';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import type { Clock } from '../../../shared/ports/clock';
import type { IntakeResult } from '../../../shared/use-cases/intake-email';
import {
  type AwsIntakeDependencies,
  createIntakeDependencies,
  type IntakeWiringOverrides,
} from '../../../shared/wiring/aws';
import { type AwsClients, createAwsClients } from '../../../shared/wiring/aws-clients';
import { FaultInjector } from './faults';

export const BUCKET = 'exodata-raw-mail-test';
export const SERVICE_DESK_CONFIG_JSON = readFileSync(
  new URL('../../../config/service-desk.json', import.meta.url),
  'utf8',
);

/** A clock the test moves by hand (leases, rate windows, reopen windows). */
class MutableClock implements Clock {
  private at: number;
  constructor(start: string) {
    this.at = Date.parse(start);
  }
  now(): Date {
    return new Date(this.at);
  }
  set(instant: string): void {
    this.at = Date.parse(instant);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

const CLIENTS: ClientEntry[] = [
  {
    clientId: 'CLI-RE-0012',
    name: 'Hôtel Lagon Bleu',
    contract: 'premium',
    homeDesk: 'reunion',
    addresses: [],
    domains: ['hotel-lagon-bleu.re'],
  },
  {
    clientId: 'CLI-RE-0027',
    name: 'Quincaillerie du Port',
    contract: 'standard',
    homeDesk: 'reunion',
    addresses: [],
    domains: ['quincaillerie-du-port.re'],
  },
  {
    clientId: 'CLI-MQ-0019',
    name: 'Pharmacie du Lamentin',
    contract: 'standard',
    homeDesk: 'martinique',
    addresses: ['comptoir@pharmacie-du-lamentin.mq'],
    domains: [],
  },
];

/** Powertools Metrics that keeps what the handler counted instead of printing EMF. */
export class RecordingMetrics extends Metrics {
  readonly recorded: string[] = [];
  override addMetric(...args: Parameters<Metrics['addMetric']>): this {
    const [name, , value] = args;
    for (let i = 0; i < value; i++) this.recorded.push(name);
    return super.addMetric(...args);
  }
  override publishStoredMetrics(): this {
    this.clearMetrics();
    return this;
  }
}

export type Services = { ddb: DynamoDbLocal; s3: S3rverInstance; ses: SesEmulator };

/** DynamoDB Local, s3rver and the SES emulator, on free ports: once per test file. */
export async function startServices(): Promise<Services> {
  // A generous start-up wait: on a machine shared by several test runs the JVM can take a minute.
  const started = await Promise.allSettled([
    startDynamoDbLocal({ timeoutMs: 120_000 }),
    startS3rver([BUCKET]),
    startSesEmulator(),
  ]);
  const [ddb, s3, ses] = started;
  if (ddb.status === 'fulfilled' && s3.status === 'fulfilled' && ses.status === 'fulfilled') {
    return { ddb: ddb.value, s3: s3.value, ses: ses.value };
  }
  // One failed: stop the others, or a JVM outlives the test run.
  await Promise.allSettled(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
  const failure = started.find((s) => s.status === 'rejected');
  throw failure?.status === 'rejected' ? failure.reason : new Error('a local service did not start');
}

export async function stopServices(services: Partial<Services> | undefined): Promise<void> {
  await Promise.allSettled([services?.ddb?.stop(), services?.s3?.stop(), services?.ses?.stop()]);
}

export type Intake = {
  env: IntakeEnv;
  clients: AwsClients;
  deps: AwsIntakeDependencies;
  store: DynamoDbTicketStore;
  clock: MutableClock;
  faults: FaultInjector;
  metrics: RecordingMetrics;
  /** The Lambda handler; `remainingMs` gives it a Lambda context with that much time left (on `clock`). */
  handler: (event: unknown, remainingMs?: number) => Promise<IntakeResult[]>;
  /** Puts the raw mail where SES would and builds the event SES would send (same `sesId` = same delivery). */
  arrive(raw: string | Buffer, delivery?: DeliveryOptions): Promise<SesReceiptEvent>;
  /** arrive + handler: one SES delivery processed. */
  deliver(raw: string | Buffer, delivery?: DeliveryOptions): Promise<IntakeResult>;
  /** The SES emulator's outbox, oldest first. */
  sentMails(): ReturnType<SesEmulator['store']>;
  listObjects(prefix: string): Promise<string[]>;
  getObject(
    key: string,
  ): Promise<{ body: Buffer; contentType: string | undefined; disposition: string | undefined }>;
  destroy(): void;
};

export type DeliveryOptions = {
  sesId?: string;
  recipients?: string[];
  receivedAt?: string;
  source?: string;
  verdicts?: Partial<Record<'spam' | 'virus' | 'spf' | 'dkim' | 'dmarc', string>>;
  dmarcPolicy?: string;
};

let sequence = 0;

/**
 * One intake wired exactly as the Lambda's (createIntakeDependencies + createIntakeHandler), on its
 * own table, against the local services; SDK faults are injected through the clients' middleware.
 */
export async function createIntake(
  services: Services,
  options: {
    tableName: string;
    start?: string;
    overrides?: IntakeWiringOverrides;
    clients?: ClientEntry[];
    /** The service-desk configuration (JSON), instead of config/service-desk.json. */
    serviceDeskConfigJson?: string;
  },
): Promise<Intake> {
  const clock = new MutableClock(options.start ?? '2026-11-30T06:00:00.000Z');
  const env = loadIntakeEnv({
    AWS_REGION: EMULATOR_REGION,
    TABLE_NAME: options.tableName,
    RAW_MAIL_BUCKET: BUCKET,
    RAW_MAIL_PREFIX: `${options.tableName}/inbound/`,
    ATTACHMENTS_PREFIX: `${options.tableName}/attachments/`,
    SERVICE_DESK_CONFIG: options.serviceDeskConfigJson ?? SERVICE_DESK_CONFIG_JSON,
    MAX_ATTACHMENT_BYTES: String(200 * 1024),
    LOG_LEVEL: 'SILENT',
  });
  const clients = createAwsClients({
    region: EMULATOR_REGION,
    credentials: services.ddb.clientConfig.credentials,
    endpoints: { dynamodb: services.ddb.endpoint, ses: services.ses.endpoint },
  });
  // s3rver wants its own credentials and region: a client of its own, path-style.
  clients.s3.destroy();
  clients.s3 = new S3Client(services.s3.clientConfig);
  const faults = new FaultInjector();
  faults.attach('dynamodb', clients.dynamodb);
  faults.attach('s3', clients.s3);
  faults.attach('ses', clients.ses);
  await ensureTable(clients.dynamodb, env.TABLE_NAME);
  const deps = createIntakeDependencies(env, clients, {
    clock,
    // Real waits, ten times shorter: backoffs and polls keep their order without slowing the suite.
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / 10)),
    ...options.overrides,
  });
  for (const client of options.clients ?? CLIENTS) await deps.directory.putClient(client);
  const metrics = new RecordingMetrics({
    namespace: 'Exodata/IntakeTest',
    serviceName: 'exodata-intake-test',
  });
  const handler = createIntakeHandler(deps, {
    logger: new Logger({ serviceName: 'exodata-intake-test', logLevel: 'SILENT' }),
    metrics,
  });
  const s3 = clients.s3;

  const arrive: Intake['arrive'] = async (raw, delivery = {}) => {
    const sesId = delivery.sesId ?? `ses-${options.tableName}-${++sequence}`;
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${env.RAW_MAIL_PREFIX}${sesId}`, Body: raw }));
    return sesEvent(sesId, delivery, clock);
  };
  return {
    env,
    clients,
    deps,
    store: deps.store,
    clock,
    faults,
    metrics,
    handler: (event, remainingMs) =>
      handler(event, remainingMs === undefined ? undefined : lambdaContext(remainingMs)),
    arrive,
    async deliver(raw, delivery) {
      const [result] = await handler(await arrive(raw, delivery));
      if (!result) throw new Error('the handler returned no result');
      return result;
    },
    sentMails: () => services.ses.store(),
    async listObjects(prefix) {
      const out = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
      return (out.Contents ?? []).map((o) => o.Key ?? '').sort();
    },
    async getObject(key) {
      const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return {
        body: Buffer.from(await out.Body!.transformToByteArray()),
        contentType: out.ContentType,
        disposition: out.ContentDisposition,
      };
    },
    destroy() {
      clients.dynamodb.destroy();
      clients.s3.destroy();
      clients.ses.destroy();
    },
  };
}

/** The part of a Lambda context the handler reads: its remaining time (and what the logger adds). */
function lambdaContext(remainingMs: number): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'exodata-intake-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:exodata-intake-test',
    memoryLimitInMB: '1024',
    awsRequestId: 'test-request',
    logGroupName: '/aws/lambda/exodata-intake-test',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => remainingMs,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/** The event of spec/ses-lambda-event.sample.json, for this delivery. */
function sesEvent(sesId: string, delivery: DeliveryOptions, clock: Clock): SesReceiptEvent {
  const receivedAt = delivery.receivedAt ?? clock.now().toISOString();
  const verdict = (name: 'spam' | 'virus' | 'spf' | 'dkim' | 'dmarc', fallback: string) => ({
    status: delivery.verdicts?.[name] ?? fallback,
  });
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        ses: {
          mail: {
            timestamp: receivedAt,
            source: delivery.source ?? 'client@example.com',
            messageId: sesId,
            destination: delivery.recipients ?? ['reunion@exodata.fr'],
          },
          receipt: {
            timestamp: receivedAt,
            recipients: delivery.recipients ?? ['reunion@exodata.fr'],
            spamVerdict: verdict('spam', 'PASS'),
            virusVerdict: verdict('virus', 'PASS'),
            spfVerdict: verdict('spf', 'PASS'),
            dkimVerdict: verdict('dkim', 'PASS'),
            dmarcVerdict: verdict('dmarc', 'PASS'),
            ...(delivery.dmarcPolicy ? { dmarcPolicy: delivery.dmarcPolicy } : {}),
          },
        },
      },
    ],
  };
}

/** What an agent does elsewhere (agent API): here, straight in the table, to set up a follow-up case. */
export async function setTicketStatus(
  intake: Intake,
  reference: string,
  status: Ticket['status'],
  resolvedAt: string | null,
): Promise<void> {
  const ticket = await intake.store.getTicket(reference);
  if (!ticket) throw new Error(`no ticket ${reference}`);
  const next: Ticket = { ...ticket, status, resolvedAt, version: ticket.version + 1 };
  // As the agent store writes it: an update, so the events embedded in the ticket item stay.
  const { Update } = versionedTicketUpdate(intake.env.TABLE_NAME, next, ticket.version);
  if (!Update) throw new Error('versionedTicketUpdate gives an Update');
  await intake.clients.doc.send(new UpdateCommand(Update));
}
