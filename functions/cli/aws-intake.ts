import { loadIntakeEnv } from '../../shared/config';
import type { IntakeDependencies } from '../../shared/use-cases/intake-email';
import { createIntakeDependencies } from '../../shared/wiring/aws';
import { type AwsClients, createAwsClients } from '../../shared/wiring/aws-clients';

export type AwsIntake = { deps: IntakeDependencies; clients: AwsClients; region: string };

/**
 * The intake as the Lambda runs it, from the same environment variables (TABLE_NAME, RAW_MAIL_BUCKET,
 * SERVICE_DESK_CONFIG…, see docs/operations.md) and the default AWS credentials: for the operator
 * commands `reprocess` and `redrive`.
 */
export async function awsIntakeFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<AwsIntake> {
  const parsed = loadIntakeEnv(env);
  const clients = createAwsClients({ region: parsed.AWS_REGION });
  return { deps: createIntakeDependencies(parsed, clients), clients, region: parsed.AWS_REGION };
}
