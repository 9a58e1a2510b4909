import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDbAgentStore } from '../adapters/aws/dynamodb/agent-store';
import { DynamoDbClientAccessStore } from '../adapters/aws/dynamodb/client-access-store';
import { DynamoDbClientDirectoryStore } from '../adapters/aws/dynamodb/client-directory-store';
import { dynamoReportStore } from '../adapters/aws/dynamodb/report-store';
import { Table } from '../adapters/aws/dynamodb/table';
import { DynamoDbTicketStore } from '../adapters/aws/dynamodb/ticket-store';
import { S3AttachmentLinks } from '../adapters/aws/s3-attachment-links';
import { S3AttachmentStore } from '../adapters/aws/s3-attachment-store';
import { S3RawMailStore } from '../adapters/aws/s3-raw-mail-store';
import { S3UploadStore, s3BucketOrigin } from '../adapters/aws/s3-upload-store';
import { SesMailSender } from '../adapters/aws/ses-mail-sender';
import { type AgentAppDeps, createAgentApp } from '../adapters/http/app';
import { type AgentAuth, createCognitoClaimsAuth } from '../adapters/http/auth';
import type { ErrorLogger } from '../adapters/http/errors';
import { mailparserMailParser } from '../adapters/mailparser-mail-parser';
import type { AgentApiEnv } from '../agent-config';
import type { ServiceDeskConfig } from '../domain/desk/service-desk-config';
import type { AttachmentLinks } from '../ports/attachment-links';
import { type Clock, systemClock } from '../ports/clock';
import type { MailSender } from '../ports/mail-sender';
import { linkMinter } from '../use-cases/client-links';
import type { OutboundDeps } from '../use-cases/reply-to-client';
import { agentUseCases } from './agent-use-cases';
import type { AwsClients } from './aws-clients';
import { cachedClientDirectory } from './client-directory-cache';
import { outboundMetricsRecorder } from './outbound-metrics';
import { createSesV2Client } from './ses-v2-client';

/** Where the agent app's data lives: the intake's table and mail bucket (names and prefixes). */
export type AgentStorage = {
  tableName: string;
  bucket: string;
  rawMailPrefix: string;
  attachmentsPrefix: string;
  maxAttachmentBytes: number;
  linkSeconds?: number;
  /** Agents' reply files: `<uploadsPrefix><reference>/replies/<uploadId>` (default `uploads/`). */
  uploadsPrefix?: string;
  /** The origin browsers post uploads to (the CSP's connect-src): the bucket's S3 endpoint. */
  uploadOrigin?: string;
};

/** How the agent app mails clients: SES in the region (the configuration set for bounce feedback). */
export type AgentMailSettings = {
  region: string;
  configurationSet?: string;
  /** SES Message-ID domain when the endpoint is not SES's own (the emulator). */
  messageIdDomain?: string;
  /** Replaces SES (fault tests). */
  mailSender?: MailSender;
  onOutcome?: OutboundDeps['onOutcome'];
  sleep?: (ms: number) => Promise<void>;
};

/**
 * A reply's `sending` lease outlives the API function (30 s, API Gateway's own limit): a request still
 * running cannot see its lease taken for unconfirmed by a retry.
 */
const REPLY_LEASE_MS = 60_000;
/** A duplicate request waits this long for the first one's send, then answers 503 (retry). */
const REPLY_WAIT_MS = 8_000;
/** Where agents' reply files are kept in the mail bucket, by default (infra: UPLOADS_PREFIX). */
export const UPLOADS_PREFIX = 'uploads/';

/**
 * The agent app's dependencies on DynamoDB and S3, for Lambda and for the local server alike: only
 * `auth` differs (Cognito claims on AWS, dev login locally). The use cases are bound to these ports
 * here (agentUseCases) and reach the app as `cases`.
 */
export function createAgentAppDeps(input: {
  config: ServiceDeskConfig;
  /** With `sesv2`, mail goes through SES v2 SendEmail (raw, up to 40 MB: replies with attachments). */
  clients: Pick<AwsClients, 'doc' | 's3' | 'ses'> & { sesv2?: SESv2Client };
  storage: AgentStorage;
  mail: AgentMailSettings;
  auth: AgentAuth;
  clock?: Clock;
  log?: ErrorLogger;
  /** Replaces the S3 links signed at `clock` (a test whose S3 emulator checks them at the real time). */
  links?: AttachmentLinks;
}): AgentAppDeps {
  const { clients, storage } = input;
  const clock = input.clock ?? systemClock;
  const tickets = new DynamoDbTicketStore(clients.doc, storage.tableName);
  const { mail } = input;
  const mailSender =
    mail.mailSender ??
    new SesMailSender({
      client: clients.sesv2 ? { api: 'v2', client: clients.sesv2, command: SendEmailCommand } : clients.ses,
      region: mail.region,
      ...(mail.configurationSet ? { configurationSet: mail.configurationSet } : {}),
      ...(mail.messageIdDomain ? { messageIdDomain: mail.messageIdDomain } : {}),
    });
  const store = new DynamoDbAgentStore(clients.doc, storage.tableName);
  const cases = agentUseCases({
    config: input.config,
    clock,
    store,
    links: input.links ?? new S3AttachmentLinks(clients.s3, storage.bucket, clock, storage.linkSeconds),
    reports: dynamoReportStore(new Table(clients.doc, storage.tableName)),
    convert: {
      clients: cachedClientDirectory(new DynamoDbClientDirectoryStore(clients.doc, storage.tableName), clock),
      parser: mailparserMailParser,
      tickets,
      rawMail: new S3RawMailStore(clients.s3, storage.bucket, storage.rawMailPrefix),
      attachments: new S3AttachmentStore(clients.s3, storage.bucket, storage.attachmentsPrefix),
      newId: randomUUID,
      maxAttachmentBytes: storage.maxAttachmentBytes,
    },
    outbound: {
      mailSender,
      mintLink: linkMinter({
        access: new DynamoDbClientAccessStore(clients.doc, storage.tableName),
        clock,
        randomBytes,
      }),
      recipients: tickets,
      newId: randomUUID,
      sleep: mail.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      leaseMs: REPLY_LEASE_MS,
      waitMs: REPLY_WAIT_MS,
      ...(mail.onOutcome ? { onOutcome: mail.onOutcome } : {}),
      attachments: {
        uploads: new S3UploadStore(clients.s3, storage.bucket, clock),
        uploadsPrefix: storage.uploadsPrefix ?? UPLOADS_PREFIX,
        newId: randomUUID,
      },
    },
  });
  return {
    config: input.config,
    clock,
    store,
    auth: input.auth,
    cases,
    ...(storage.uploadOrigin ? { uploadOrigin: storage.uploadOrigin } : {}),
    ...(input.log ? { log: input.log } : {}),
  };
}

/**
 * The agent API's hono app on AWS (the Lambda handler adapts it to API Gateway events): errors to the
 * logger, outbound outcomes counted in the metrics (the OutboundUnconfirmed alarm).
 */
export function createAgentApiApp(
  env: AgentApiEnv,
  clients: AwsClients,
  observe: { logger: Logger; metrics: Metrics },
) {
  const { logger, metrics } = observe;
  return createAgentApp(
    createAgentApiDependencies(
      env,
      { ...clients, sesv2: createSesV2Client({ region: env.AWS_REGION }) },
      (message, detail) => logger.error(message, detail),
      outboundMetricsRecorder(logger, metrics),
    ),
  );
}

/** The Lambda's wiring: environment → deps, Cognito claims for auth. */

function createAgentApiDependencies(
  env: AgentApiEnv,
  clients: AwsClients & { sesv2: SESv2Client },
  log?: ErrorLogger,
  onOutcome?: OutboundDeps['onOutcome'],
): AgentAppDeps {
  return createAgentAppDeps({
    config: env.SERVICE_DESK_CONFIG,
    clients,
    storage: {
      tableName: env.TABLE_NAME,
      bucket: env.RAW_MAIL_BUCKET,
      rawMailPrefix: env.RAW_MAIL_PREFIX,
      attachmentsPrefix: env.ATTACHMENTS_PREFIX,
      maxAttachmentBytes: env.MAX_ATTACHMENT_BYTES,
      linkSeconds: env.ATTACHMENT_LINK_SECONDS,
      uploadsPrefix: env.UPLOADS_PREFIX,
      uploadOrigin: s3BucketOrigin(env.RAW_MAIL_BUCKET, env.AWS_REGION),
    },
    mail: {
      region: env.AWS_REGION,
      ...(env.SES_CONFIGURATION_SET ? { configurationSet: env.SES_CONFIGURATION_SET } : {}),
      ...(onOutcome ? { onOutcome } : {}),
    },
    auth: createCognitoClaimsAuth({
      config: env.SERVICE_DESK_CONFIG,
      cognito: { domain: env.COGNITO_DOMAIN, clientId: env.COGNITO_CLIENT_ID },
    }),
    ...(log ? { log } : {}),
  });
}
