import { DynamoDbTicketStore } from '../adapters/aws/dynamodb/ticket-store';
import type { BounceRecorderEnv } from '../config';
import { type Clock, systemClock } from '../ports/clock';
import type { TicketStore } from '../ports/ticket-store';
import { createDynamoDbClients } from './aws-clients';

/** The bounce recorder's dependencies: the table: suppressed addresses, and the feedback on our sent replies and notifications. */
export function createBounceRecorderDependencies(env: BounceRecorderEnv): {
  tickets: Pick<TicketStore, 'putSuppressedAddress' | 'markOutboundFeedback'>;
  clock: Clock;
} {
  const { doc } = createDynamoDbClients({ region: env.AWS_REGION });
  return { tickets: new DynamoDbTicketStore(doc, env.TABLE_NAME), clock: systemClock };
}
