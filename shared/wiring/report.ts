import * as z from 'zod';
import { DynamoDbClientDirectoryStore } from '../adapters/aws/dynamodb/client-directory-store';
import { dynamoReportStore } from '../adapters/aws/dynamodb/report-store';
import { Table } from '../adapters/aws/dynamodb/table';
import { S3RVER_CREDENTIALS } from '../adapters/local/services/s3rver';
import { EMULATOR_REGION } from '../adapters/local/services/ses-emulator';
import type { ClientEntry } from '../domain/desk/client-directory';
import { ConfigError } from '../domain/errors';
import type { ReportStore } from '../ports/report-store';
import { createDynamoDbClients } from './aws-clients';

/** The report index of a local table (DynamoDB Local of `npm start` or of the tests). */
export function localReportStore(endpoint: string, tableName: string): ReportStore {
  const { doc } = createDynamoDbClients({
    region: EMULATOR_REGION,
    endpoints: { dynamodb: endpoint },
    credentials: { ...S3RVER_CREDENTIALS },
  });
  return dynamoReportStore(new Table(doc, tableName));
}

const ReportEnvSchema = z.object({ TABLE_NAME: z.string().min(1), AWS_REGION: z.string().min(1) });

/**
 * The report index of a deployed table, from the environment the operator commands share
 * (TABLE_NAME, AWS_REGION; credentials from the SDK's default chain, as `reprocess` and `clients`).
 */
export function awsReportStore(env: NodeJS.ProcessEnv = process.env): ReportStore {
  const parsed = ReportEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError('--table needs TABLE_NAME and AWS_REGION in the environment', {
      hint: 'export TABLE_NAME=<the stateful stack output> AWS_REGION=eu-west-3 (docs/operations.md)',
    });
  const { doc } = createDynamoDbClients({ region: parsed.data.AWS_REGION });
  return dynamoReportStore(new Table(doc, parsed.data.TABLE_NAME));
}

/** The client directory as a report reads it (the monthly report per client: name, contract, home desk). */
export type ReportDirectory = () => Promise<readonly ClientEntry[]>;

/** The client directory of a local table (the monthly report per client). */
export function localReportDirectory(endpoint: string, tableName: string): ReportDirectory {
  const { doc } = createDynamoDbClients({
    region: EMULATOR_REGION,
    endpoints: { dynamodb: endpoint },
    credentials: { ...S3RVER_CREDENTIALS },
  });
  const store = new DynamoDbClientDirectoryStore(doc, tableName);
  return () => store.listClients();
}

/** The client directory of the deployed table (TABLE_NAME, AWS_REGION, as awsReportStore). */
export function awsReportDirectory(env: NodeJS.ProcessEnv = process.env): ReportDirectory {
  const parsed = ReportEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError('--table needs TABLE_NAME and AWS_REGION in the environment', {
      hint: 'export TABLE_NAME=<the stateful stack output> AWS_REGION=eu-west-3 (docs/operations.md)',
    });
  const { doc } = createDynamoDbClients({ region: parsed.data.AWS_REGION });
  const store = new DynamoDbClientDirectoryStore(doc, parsed.data.TABLE_NAME);
  return () => store.listClients();
}
