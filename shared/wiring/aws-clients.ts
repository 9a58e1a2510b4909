import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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
  const common = commonOptions(options);
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
  return { ...createDynamoDbClients(options), s3, ses };
}

/**
 * DynamoDB alone, for the functions that touch nothing else (bounce recorder, SLA watcher): their
 * bundles then leave out the S3 and SES clients.
 */
export function createDynamoDbClients(options: AwsClientOptions): Pick<AwsClients, 'dynamodb' | 'doc'> {
  const dynamodb = new DynamoDBClient({
    ...commonOptions(options),
    ...(options.endpoints?.dynamodb ? { endpoint: options.endpoints.dynamodb } : {}),
  });
  const doc = DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { dynamodb, doc };
}

function commonOptions(options: AwsClientOptions) {
  return {
    region: options.region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}
