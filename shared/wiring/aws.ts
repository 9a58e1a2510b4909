import { randomUUID } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbTicketStore } from '../adapters/aws/dynamodb-ticket-store';
import { S3AttachmentStore } from '../adapters/aws/s3-attachment-store';
import { S3RawMailStore } from '../adapters/aws/s3-raw-mail-store';
import { SesMailSender } from '../adapters/aws/ses-mail-sender';
import { mailparserMailParser } from '../adapters/mailparser-mail-parser';
import type { IntakeEnv } from '../config';
import type { ClientEntry } from '../domain/client-directory';
import { type Clock, systemClock } from '../ports/clock';
import type { ClientDirectoryStore } from '../ports/ticket-store';
import type { IntakeDependencies } from '../use-cases/intake-email';

export type AwsClients = {
  dynamodb: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  s3: S3Client;
  ses: SESClient;
};

export type AwsClientOptions = {
  region: string;
  /** Local services (tests, `npm start`); on AWS the SDK's defaults (and AWS_ENDPOINT_URL_*) apply. */
  endpoints?: { dynamodb?: string; s3?: string; ses?: string };
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/**
 * The SDK clients, created once per process (module scope in the handlers) and reused by every
 * invocation. SES gets no SDK retry — a SendRawEmail retried after a timeout could send twice, and the
 * acknowledgement is "at most once": the intake retries what surely did not leave (throttling) — and
 * no kept-alive connection: a socket gone stale while Lambda was frozen fails with ECONNRESET, which
 * SesMailSender must read as "may have left" (a few acknowledgements a minute afford a fresh TLS
 * connection each).
 */
export function createAwsClients(options: AwsClientOptions): AwsClients {
  const common = {
    region: options.region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
  const dynamodb = new DynamoDBClient({
    ...common,
    ...(options.endpoints?.dynamodb ? { endpoint: options.endpoints.dynamodb } : {}),
  });
  const s3 = new S3Client({
    ...common,
    ...(options.endpoints?.s3 ? { endpoint: options.endpoints.s3, forcePathStyle: true } : {}),
  });
  const ses = new SESClient({
    ...common,
    maxAttempts: 1,
    requestHandler: {
      httpAgent: new HttpAgent({ keepAlive: false }),
      httpsAgent: new HttpsAgent({ keepAlive: false }),
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
    },
    ...(options.endpoints?.ses ? { endpoint: options.endpoints.ses } : {}),
  });
  const doc = DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { dynamodb, doc, s3, ses };
}

export type IntakeWiringOverrides = Partial<
  Pick<IntakeDependencies, 'clock' | 'newId' | 'sleep' | 'mailSender'>
> & {
  limits?: Partial<IntakeDependencies['limits']>;
  /** SES Message-ID domain when the endpoint is not SES's own (the emulator). */
  messageIdDomain?: string;
};

/** The intake's dependencies on AWS: DynamoDB table, S3 bucket, SES. The one place they meet. */
export function createIntakeDependencies(
  env: IntakeEnv,
  clients: AwsClients,
  overrides: IntakeWiringOverrides = {},
): IntakeDependencies & { store: DynamoDbTicketStore } {
  const clock = overrides.clock ?? systemClock;
  const store = new DynamoDbTicketStore(clients.doc, env.TABLE_NAME);
  const sender =
    overrides.mailSender ??
    new SesMailSender({
      client: clients.ses,
      region: env.AWS_REGION,
      ...(env.SES_CONFIGURATION_SET ? { configurationSet: env.SES_CONFIGURATION_SET } : {}),
      ...(overrides.messageIdDomain ? { messageIdDomain: overrides.messageIdDomain } : {}),
    });
  return {
    store,
    config: env.SERVICE_DESK_CONFIG,
    clients: cachedClientDirectory(store, clock),
    parser: mailparserMailParser,
    tickets: store,
    rawMail: new S3RawMailStore(clients.s3, env.RAW_MAIL_BUCKET, env.RAW_MAIL_PREFIX),
    attachments: new S3AttachmentStore(clients.s3, env.RAW_MAIL_BUCKET, env.ATTACHMENTS_PREFIX),
    mailSender: sender,
    clock,
    newId: overrides.newId ?? randomUUID,
    ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
    limits: { maxAttachmentBytes: env.MAX_ATTACHMENT_BYTES, ...overrides.limits },
  };
}

/**
 * The directory is read from the table and kept for a few minutes per container: a client added
 * with the CLI is seen by every function within `ttlMs`, without a read per email.
 */
export function cachedClientDirectory(
  store: ClientDirectoryStore,
  clock: Clock,
  ttlMs = 5 * 60 * 1000,
): () => Promise<readonly ClientEntry[]> {
  let cached: { at: number; entries: Promise<ClientEntry[]> } | null = null;
  return () => {
    const now = clock.now().getTime();
    if (!cached || now - cached.at > ttlMs) {
      const entries = store.listClients();
      cached = { at: now, entries };
      // A failed read is not cached: the next message tries again.
      entries.catch(() => {
        if (cached?.entries === entries) cached = null;
      });
    }
    return cached.entries;
  };
}
