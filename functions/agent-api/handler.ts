import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { handle } from 'hono/aws-lambda';
import { createAgentApp } from '../../shared/adapters/http/app';
import { loadAgentApiEnv } from '../../shared/agent-config';
import { createAgentApiDependencies } from '../../shared/wiring/agent';
import { createAwsClients } from '../../shared/wiring/aws';
import { OUTBOUND_METRICS, outboundMetricOf } from './outbound-metrics';

// Cold start: a bad environment fails here, once, with every problem named.
const env = loadAgentApiEnv(process.env);
const logger = new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.LOG_LEVEL });
const metrics = new Metrics({ serviceName: env.POWERTOOLS_SERVICE_NAME });
const clients = createAwsClients({ region: env.AWS_REGION });
const app = createAgentApp(
  createAgentApiDependencies(
    env,
    clients,
    (message, detail) => logger.error(message, detail),
    (outcome) => {
      const name = outboundMetricOf(outcome.state);
      if (name === null) return;
      if (name === OUTBOUND_METRICS.unconfirmed)
        logger.warn('outbound mail unconfirmed', { reference: outcome.reference, kind: outcome.kind });
      // Published at once: the API has no end-of-invocation hook, and these are rare.
      metrics.addMetric(name, MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
    },
  ),
);

/** API Gateway HTTP API (payload 2.0) → the hono app; the JWT authorizer's claims ride in the event. */
export const handler = handle(app);
