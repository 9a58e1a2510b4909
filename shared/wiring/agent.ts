import { randomUUID } from 'node:crypto';
import { DynamoDbAgentStore } from '../adapters/aws/dynamodb/agent-store';
import { DynamoDbClientDirectoryStore } from '../adapters/aws/dynamodb/client-directory-store';
import { DynamoDbTicketStore } from '../adapters/aws/dynamodb/ticket-store';
import { S3AttachmentLinks } from '../adapters/aws/s3-attachment-links';
import { S3AttachmentStore } from '../adapters/aws/s3-attachment-store';
import { S3RawMailStore } from '../adapters/aws/s3-raw-mail-store';
import type { AgentAppDeps } from '../adapters/http/app';
import { type AgentAuth, createCognitoClaimsAuth } from '../adapters/http/auth';
import type { ErrorLogger } from '../adapters/http/errors';
import { mailparserMailParser } from '../adapters/mailparser-mail-parser';
import type { AgentApiEnv } from '../agent-config';
import type { ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { type Clock, systemClock } from '../ports/clock';
import type { AwsClients } from './aws-clients';
import { cachedClientDirectory } from './client-directory-cache';

// The SLA watcher's wiring has its own module: its bundle needs no mail parser (npm run bench).
export { createSlaWatcherDependencies } from './sla-watcher';

/** Where the agent app's data lives: the intake's table and mail bucket (names and prefixes). */
export type AgentStorage = {
  tableName: string;
  bucket: string;
  rawMailPrefix: string;
  attachmentsPrefix: string;
  maxAttachmentBytes: number;
  linkSeconds?: number;
};

/**
 * The agent app's dependencies on DynamoDB and S3, for Lambda and for the local server alike: only
 * `auth` differs (Cognito claims on AWS, dev login locally). The one place they meet the use cases.
 */
export function createAgentAppDeps(input: {
  config: ServiceDeskConfig;
  clients: Pick<AwsClients, 'doc' | 's3'>;
  storage: AgentStorage;
  auth: AgentAuth;
  clock?: Clock;
  log?: ErrorLogger;
}): AgentAppDeps {
  const { clients, storage } = input;
  const clock = input.clock ?? systemClock;
  const tickets = new DynamoDbTicketStore(clients.doc, storage.tableName);
  return {
    config: input.config,
    clock,
    store: new DynamoDbAgentStore(clients.doc, storage.tableName),
    links: new S3AttachmentLinks(clients.s3, storage.bucket, clock, storage.linkSeconds),
    auth: input.auth,
    convert: {
      clients: cachedClientDirectory(new DynamoDbClientDirectoryStore(clients.doc, storage.tableName), clock),
      parser: mailparserMailParser,
      tickets,
      rawMail: new S3RawMailStore(clients.s3, storage.bucket, storage.rawMailPrefix),
      attachments: new S3AttachmentStore(clients.s3, storage.bucket, storage.attachmentsPrefix),
      newId: randomUUID,
      maxAttachmentBytes: storage.maxAttachmentBytes,
    },
    ...(input.log ? { log: input.log } : {}),
  };
}

/** The Lambda's wiring: environment → deps, Cognito claims for auth. */
export function createAgentApiDependencies(
  env: AgentApiEnv,
  clients: AwsClients,
  log?: ErrorLogger,
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
    },
    auth: createCognitoClaimsAuth({
      config: env.SERVICE_DESK_CONFIG,
      cognito: { domain: env.COGNITO_DOMAIN, clientId: env.COGNITO_CLIENT_ID },
    }),
    ...(log ? { log } : {}),
  });
}
