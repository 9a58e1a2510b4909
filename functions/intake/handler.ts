import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { loadIntakeEnv } from '../../shared/config';
import { createAwsClients, createIntakeDependencies } from '../../shared/wiring/aws';
import { createIntakeHandler } from './handle-ses-event';
import { INTAKE_METRICS } from './intake-metrics';

// Cold start: a bad environment fails here, once, with every problem named.
const env = loadIntakeEnv(process.env);
const clients = createAwsClients({ region: env.AWS_REGION });

const logger = new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.LOG_LEVEL });
const metrics = new Metrics({
  namespace: env.POWERTOOLS_METRICS_NAMESPACE,
  serviceName: env.POWERTOOLS_SERVICE_NAME,
});

export const handler = createIntakeHandler(
  createIntakeDependencies(env, clients, {
    // A bad row is left out, not fatal: said in the log and counted (the InvalidClientRows alarm).
    onInvalidClients: (invalid) => {
      logger.warn('client directory rows left out', { invalid });
      metrics.addMetric(INTAKE_METRICS.invalidClientRows, MetricUnit.Count, invalid.length);
    },
  }),
  { logger, metrics },
);
