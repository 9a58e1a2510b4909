import { Metrics } from '@aws-lambda-powertools/metrics';
import { loadBounceRecorderEnv } from '../../shared/config';
import { createBounceRecorderDependencies } from '../../shared/wiring/bounce-recorder';
import { createFunctionLogger } from '../../shared/wiring/function-logger';
import { createBounceRecorderHandler } from './handle-sns-event';

// Cold start: a bad environment fails here, once, with every problem named.
const env = loadBounceRecorderEnv(process.env);

export const handler = createBounceRecorderHandler(createBounceRecorderDependencies(env), {
  logger: createFunctionLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.LOG_LEVEL }),
  metrics: new Metrics({
    namespace: env.POWERTOOLS_METRICS_NAMESPACE,
    serviceName: env.POWERTOOLS_SERVICE_NAME,
  }),
});
