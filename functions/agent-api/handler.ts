import { Metrics } from '@aws-lambda-powertools/metrics';
import { handle } from 'hono/aws-lambda';
import { loadAgentApiEnv } from '../../shared/agent-config';
import { createAgentApiApp } from '../../shared/wiring/agent';
import { createAwsClients } from '../../shared/wiring/aws-clients';
import { createFunctionLogger } from '../../shared/wiring/function-logger';

// Cold start: a bad environment fails here, once, with every problem named.
const env = loadAgentApiEnv(process.env);
const logger = createFunctionLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.LOG_LEVEL });
const metrics = new Metrics({ serviceName: env.POWERTOOLS_SERVICE_NAME });
const clients = createAwsClients({ region: env.AWS_REGION });
// Outbound outcomes (OutboundSent/Unconfirmed/Rejected) are counted by the wiring's recorder.
const app = createAgentApiApp(env, clients, { logger, metrics });

/** API Gateway HTTP API (payload 2.0) → the hono app; the JWT authorizer's claims ride in the event. */
export const handler = handle(app);
