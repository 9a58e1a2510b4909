import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDbClientAccessStore } from '../adapters/aws/dynamodb/client-access-store';
import { DynamoDbClientDirectoryStore } from '../adapters/aws/dynamodb/client-directory-store';
import { DynamoDbTicketStore } from '../adapters/aws/dynamodb/ticket-store';
import { S3AttachmentStore } from '../adapters/aws/s3-attachment-store';
import { S3RawMailStore } from '../adapters/aws/s3-raw-mail-store';
import { SesMailSender } from '../adapters/aws/ses-mail-sender';
import { mailparserMailParser } from '../adapters/mailparser-mail-parser';
import type { IntakeEnv } from '../config';
import type { InvalidClientRow } from '../domain/desk/client-directory';
import { systemClock } from '../ports/clock';
import { linkMinter } from '../use-cases/client-links';
import type { IntakeDependencies } from '../use-cases/intake-email';
import type { AwsClients } from './aws-clients';
import { cachedClientDirectory } from './client-directory-cache';

export type IntakeWiringOverrides = Partial<
  Pick<IntakeDependencies, 'clock' | 'newId' | 'sleep' | 'mailSender'>
> & {
  limits?: Partial<IntakeDependencies['limits']>;
  /** SES Message-ID domain when the endpoint is not SES's own (the emulator). */
  messageIdDomain?: string;
  /** Told of the client directory's invalid rows, left out of each read (logged, counted, alarmed). */
  onInvalidClients?: (invalid: InvalidClientRow[]) => void;
};

/** The intake's dependencies, with the stores behind them (the CLI, the local stack and tests read and seed them). */
export type AwsIntakeDependencies = IntakeDependencies & {
  store: DynamoDbTicketStore;
  directory: DynamoDbClientDirectoryStore;
};

/** The intake's dependencies on AWS: DynamoDB table, S3 bucket, SES. The one place they meet. */
export function createIntakeDependencies(
  env: IntakeEnv,
  clients: AwsClients,
  overrides: IntakeWiringOverrides = {},
): AwsIntakeDependencies {
  const clock = overrides.clock ?? systemClock;
  const store = new DynamoDbTicketStore(clients.doc, env.TABLE_NAME);
  const directory = new DynamoDbClientDirectoryStore(clients.doc, env.TABLE_NAME, overrides.onInvalidClients);
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
    directory,
    config: env.SERVICE_DESK_CONFIG,
    clients: cachedClientDirectory(directory, clock),
    parser: mailparserMailParser,
    tickets: store,
    rawMail: new S3RawMailStore(clients.s3, env.RAW_MAIL_BUCKET, env.RAW_MAIL_PREFIX),
    attachments: new S3AttachmentStore(clients.s3, env.RAW_MAIL_BUCKET, env.ATTACHMENTS_PREFIX),
    mailSender: sender,
    mintLink: linkMinter({
      access: new DynamoDbClientAccessStore(clients.doc, env.TABLE_NAME),
      clock,
      randomBytes,
    }),
    clock,
    newId: overrides.newId ?? randomUUID,
    ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
    limits: { maxAttachmentBytes: env.MAX_ATTACHMENT_BYTES, ...overrides.limits },
  };
}
