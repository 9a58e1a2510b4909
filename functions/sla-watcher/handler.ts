import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { SNSClient } from '@aws-sdk/client-sns';
import { loadSlaWatcherEnv } from '../../shared/agent-config';
import { type WatchSlaResult, watchSla } from '../../shared/use-cases/watch-sla';
import { createDynamoDbClients } from '../../shared/wiring/aws-clients';
import { createFunctionLogger } from '../../shared/wiring/function-logger';
import { createSlaWatcherDependencies } from '../../shared/wiring/sla-watcher';
import { SLA_ROUND_COUNTS } from './sla-metrics';

// Cold start: a bad environment (a desk without topic) fails here, once, with every problem named.
const env = loadSlaWatcherEnv(process.env);
const logger = createFunctionLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.LOG_LEVEL });
const metrics = new Metrics({
  namespace: env.POWERTOOLS_METRICS_NAMESPACE,
  serviceName: env.POWERTOOLS_SERVICE_NAME,
});
const { doc } = createDynamoDbClients({ region: env.AWS_REGION });
const deps = createSlaWatcherDependencies(
  env,
  { doc, sns: new SNSClient({ region: env.AWS_REGION }) },
  { onError: (reference, error) => logger.error('SLA watch of a ticket failed', { reference, error }) },
);

/** EventBridge schedule (every 5 minutes): one round over the open tickets, one log line, metrics. */
export async function handler(): Promise<WatchSlaResult> {
  try {
    const result = await watchSla(deps);
    for (const [key, name] of SLA_ROUND_COUNTS)
      metrics.addMetric(name, MetricUnit.Count, Number(result[key]));
    logger.info('SLA round', { ...result });
    return result;
  } finally {
    metrics.publishStoredMetrics();
  }
}
