import { handle } from 'hono/aws-lambda';
import { loadIntakeEnv } from '../../shared/config';
import { createAwsClients } from '../../shared/wiring/aws-clients';
import { createClientPortalLambdaApp } from '../../shared/wiring/client';
import { createFunctionLogger } from '../../shared/wiring/function-logger';

// Cold start: a bad environment fails here, once, with every problem named. The client portal reads what
// the intake reads: its messages go through the intake (docs/client-portal.md, "Writing").
const env = loadIntakeEnv(process.env);
const logger = createFunctionLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.LOG_LEVEL });
const clients = createAwsClients({ region: env.AWS_REGION });

/** API Gateway HTTP API (payload 2.0) → the client portal's hono app. */
export const handler = handle(createClientPortalLambdaApp(env, clients, logger));
