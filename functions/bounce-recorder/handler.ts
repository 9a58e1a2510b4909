import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDbTicketStore } from '../../shared/adapters/aws/dynamodb/ticket-store';
import { loadBounceRecorderEnv } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { createDynamoDbClients } from '../../shared/wiring/aws-clients';
import { createBounceRecorderHandler } from './handle-sns-event';

// Cold start: a bad environment fails here, once, with every problem named.
const env = loadBounceRecorderEnv(process.env);
const { doc } = createDynamoDbClients({ region: env.AWS_REGION });

export const handler = createBounceRecorderHandler(
  { tickets: new DynamoDbTicketStore(doc, env.TABLE_NAME), clock: systemClock },
  {
    logger: new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME, logLevel: env.LOG_LEVEL }),
    metrics: new Metrics({
      namespace: env.POWERTOOLS_METRICS_NAMESPACE,
      serviceName: env.POWERTOOLS_SERVICE_NAME,
    }),
  },
);
