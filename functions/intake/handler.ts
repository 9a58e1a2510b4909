// First, before any module builds a zod schema: parsers are not generated with eval (cold start).
import '../../shared/wiring/zod-jitless';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { loadIntakeEnv } from '../../shared/config';
import { createIntakeDependencies } from '../../shared/wiring/aws';
import { createAwsClients } from '../../shared/wiring/aws-clients';
import { createFunctionLogger } from '../../shared/wiring/function-logger';
import { createIntakeHandler } from './handle-ses-event';
import { INTAKE_METRICS } from './intake-metrics';

// Cold start: a bad environment fails here, once, with every problem named.
const env = loadIntakeEnv(process.env);
const clients = createAwsClients({ region: env.AWS_REGION });
// Active tracing (X-Ray): one trace per SES event, with a subsegment per S3, DynamoDB and SES call, so
// a slow or lost acknowledgement can be followed from the receipt to the send. Outside Lambda the
// tracer is off by itself. The document client shares the DynamoDB client's middleware stack.
const tracer = new Tracer({ serviceName: env.POWERTOOLS_SERVICE_NAME });
tracer.captureAWSv3Client(clients.s3);
tracer.captureAWSv3Client(clients.dynamodb);
tracer.captureAWSv3Client(clients.ses);

const logger = createFunctionLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.LOG_LEVEL });
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
  { logger, metrics, tracer },
);
