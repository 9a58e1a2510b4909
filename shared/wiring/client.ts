import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'hono';
import { DynamoDbAgentStore } from '../adapters/aws/dynamodb/agent-store';
import { DynamoDbClientAccessStore } from '../adapters/aws/dynamodb/client-access-store';
import { DynamoDbClientDirectoryStore } from '../adapters/aws/dynamodb/client-directory-store';
import { dynamoReportStore } from '../adapters/aws/dynamodb/report-store';
import { Table } from '../adapters/aws/dynamodb/table';
import { S3UploadStore, s3BucketOrigin } from '../adapters/aws/s3-upload-store';
import { SesMailSender } from '../adapters/aws/ses-mail-sender';
import { type ClientAppDeps, type ClientPortalApi, createClientApp } from '../adapters/http/client/app';
import type { ErrorLogger } from '../adapters/http/errors';
import { loadPortalAssets, type PortalAssets } from '../adapters/http/portal-assets';
import { composePortalMessage } from '../adapters/mime/portal-message-mime';
import type { IntakeEnv } from '../config';
import { type ClientRateLimits, DEFAULT_CLIENT_RATE_LIMITS } from '../domain/client/rate-limit';
import type { ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { type Clock, systemClock } from '../ports/clock';
import type { MailSender } from '../ports/mail-sender';
import {
  type ClientPortalDeps,
  endSession,
  listSessionTickets,
  openTicketSession,
  redeemSignIn,
  requestSignIn,
  sessionOf,
  viewTicket,
} from '../use-cases/client-portal';
import { clientMonthlyReport, clientReportMonths } from '../use-cases/client-reports';
import { clientAttachmentLink, presignClientUpload } from '../use-cases/client-uploads';
import {
  addClientMessage,
  answerClientPriorityQuestion,
  type ClientWriteDeps,
  confirmResolved,
  declareClientPriority,
} from '../use-cases/client-writes';
import type { IntakeDependencies } from '../use-cases/intake-email';
import { createIntakeDependencies } from './aws';
import type { AwsClients } from './aws-clients';
import { cachedClientDirectory } from './client-directory-cache';

/** The client portal's use-case dependencies on DynamoDB and SES (Lambda and local alike). */
export function createClientPortalDeps(input: {
  config: ServiceDeskConfig;
  clients: Pick<AwsClients, 'doc' | 'ses'>;
  tableName: string;
  mail: { region: string; configurationSet?: string; messageIdDomain?: string; mailSender?: MailSender };
  clock?: Clock;
  limits?: Partial<ClientRateLimits>;
  log: ErrorLogger;
}): ClientPortalDeps {
  const clock = input.clock ?? systemClock;
  const { doc } = input.clients;
  return {
    config: input.config,
    clock,
    access: new DynamoDbClientAccessStore(doc, input.tableName),
    tickets: new DynamoDbAgentStore(doc, input.tableName),
    directory: cachedClientDirectory(new DynamoDbClientDirectoryStore(doc, input.tableName), clock),
    mailSender:
      input.mail.mailSender ??
      new SesMailSender({
        client: input.clients.ses,
        region: input.mail.region,
        ...(input.mail.configurationSet ? { configurationSet: input.mail.configurationSet } : {}),
        ...(input.mail.messageIdDomain ? { messageIdDomain: input.mail.messageIdDomain } : {}),
      }),
    randomBytes,
    newId: randomUUID,
    limits: { ...DEFAULT_CLIENT_RATE_LIMITS, ...input.limits },
    log: input.log,
    reports: dynamoReportStore(new Table(doc, input.tableName)),
  };
}

/** The use cases bound to their dependencies: what the client app calls (it imports no use case). */
export function clientPortalApi(deps: ClientWriteDeps): ClientPortalApi {
  const view = (session: Parameters<ClientPortalApi['viewTicket']>[0], reference: string) =>
    viewTicket(session, reference, deps);
  return {
    addMessage: (session, reference, input) => addClientMessage(session, reference, input, deps),
    declarePriority: async (session, reference, level) => {
      await declareClientPriority(session, reference, level, deps);
      return view(session, reference);
    },
    answerPriority: async (session, reference, input) => {
      await answerClientPriorityQuestion(session, reference, input, deps);
      return view(session, reference);
    },
    confirmResolved: async (session, reference) => {
      await confirmResolved(session, reference, deps);
      return view(session, reference);
    },
    openTicketSession: (input, source) => openTicketSession(input, source, deps),
    sessionOf: (cookie) => sessionOf(cookie, deps),
    endSession: (cookie) => endSession(cookie, deps),
    viewTicket: (session, reference) => viewTicket(session, reference, deps),
    listTickets: (session) => listSessionTickets(session, deps),
    requestSignIn: (email, source) => noSoonerThan(SIGN_IN_ANSWER_MS, requestSignIn(email, source, deps)),
    redeemSignIn: (token, source) => redeemSignIn(token, source, deps),
    presignUpload: (session, reference, input) =>
      presignClientUpload(session, reference, input, { ...deps, ...deps.files }),
    attachmentLink: (session, reference, id) =>
      clientAttachmentLink(session, reference, id, { ...deps, downloads: deps.files.uploads }),
    reportMonths: (session) => clientReportMonths(session, deps),
    monthlyReport: (session, month) => clientMonthlyReport(session, month, deps),
  };
}

/**
 * A sign-in request answers the same 204 whether the address has tickets (a token is stored and a mail
 * sent) or not (nothing done); without a floor the answer's time would tell the two apart. SES and
 * DynamoDB take well under this on AWS, so every accepted request answers after about the same time.
 */
export const SIGN_IN_ANSWER_MS = 400;

/**
 * `task`'s result, given no sooner than `ms` after the call. A refusal (rate limit, bad input) is given at
 * once: it says nothing about the address.
 */
export async function noSoonerThan<T>(ms: number, task: Promise<T>): Promise<T> {
  const [result] = await Promise.all([task, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
  return result;
}

/** Where uploads are kept in the mail bucket (the agents' UPLOADS_PREFIX default; infra grants `uploads/*`). */
export const CLIENT_UPLOADS_PREFIX = 'uploads/';

/** The origin writes must come from: the portal base URL's. */
export function portalOrigin(portalBaseUrl: string): string {
  return new URL(portalBaseUrl).origin;
}

/** API Gateway HTTP API (payload 2.0): the caller's address as API Gateway saw it. */
export function lambdaSource(c: Context): string {
  const env = c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? 'unknown';
}

/** The client app over a set of deps: the page shell, the origin and cookies that fit the portal URL. */
export function createClientAppWith(
  deps: ClientPortalDeps,
  options: {
    shell: PortalAssets | null;
    sourceOf: ClientAppDeps['sourceOf'];
    /** The intake the portal's messages go through (the e-mail follow-up's own path). */
    intake: IntakeDependencies;
    /** Where the client's files go: the mail bucket, under `uploads/<reference>/client/`. */
    files: { s3: S3Client; bucket: string; uploadsPrefix?: string };
    uploadOrigins?: string[];
  },
) {
  const base = deps.config.contact.portalBaseUrl;
  const files = {
    // S3 checks signatures against real time: presigned links are signed on the system clock, not on a
    // test's fixed one.
    uploads: new S3UploadStore(options.files.s3, options.files.bucket, systemClock),
    uploadsPrefix: options.files.uploadsPrefix ?? CLIENT_UPLOADS_PREFIX,
    newUploadId: randomUUID,
  };
  return createClientApp({
    api: clientPortalApi({ ...deps, intake: options.intake, composeMail: composePortalMessage, files }),
    shell: options.shell,
    origin: portalOrigin(base),
    secureCookie: base.startsWith('https:'),
    sourceOf: options.sourceOf,
    ...(options.uploadOrigins ? { uploadOrigins: options.uploadOrigins } : {}),
    log: deps.log,
  });
}

/**
 * The client portal on AWS (functions/client-portal): the intake's environment (its messages go through
 * the intake), the pages from ./portal/ next to the bundle, the caller's address from API Gateway.
 */
export function createClientPortalLambdaApp(env: IntakeEnv, clients: AwsClients, logger: Logger) {
  const log: ErrorLogger = (message, detail) => logger.warn(message, detail);
  const deps = createClientPortalDeps({
    config: env.SERVICE_DESK_CONFIG,
    clients,
    tableName: env.TABLE_NAME,
    mail: {
      region: env.AWS_REGION,
      ...(env.SES_CONFIGURATION_SET ? { configurationSet: env.SES_CONFIGURATION_SET } : {}),
    },
    log,
  });
  let shell: PortalAssets | null = null;
  try {
    shell = loadPortalAssets();
  } catch {
    // No built client pages in the bundle (before portal-src/client exists): the placeholder shell.
  }
  return createClientAppWith(deps, {
    shell,
    sourceOf: lambdaSource,
    intake: createIntakeDependencies(env, clients),
    files: {
      s3: clients.s3,
      bucket: env.RAW_MAIL_BUCKET,
      uploadsPrefix: process.env.UPLOADS_PREFIX ?? CLIENT_UPLOADS_PREFIX,
    },
    uploadOrigins: [s3BucketOrigin(env.RAW_MAIL_BUCKET, env.AWS_REGION)],
  });
}
