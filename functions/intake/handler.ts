import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { loadIntakeEnv } from '../../shared/config';
import { createIntakeDependencies } from '../../shared/wiring/aws';
import { createAwsClients } from '../../shared/wiring/aws-clients';
import { createIntakeHandler } from './handle-ses-event';

// Cold start: a bad environment fails here, once, with every problem named.
const env = loadIntakeEnv(process.env);
const clients = createAwsClients({ region: env.AWS_REGION });

export const handler = createIntakeHandler(createIntakeDependencies(env, clients), {
  logger: new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.LOG_LEVEL }),
  metrics: new Metrics({
    namespace: env.POWERTOOLS_METRICS_NAMESPACE,
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  }),
});
