import { DynamoDbTicketStore } from '../adapters/aws/dynamodb/ticket-store';
import { deliveryFeedbackOf, parseSesFeedback, SnsEventSchema } from '../adapters/aws/ses-feedback-event';
import type { BounceRecorderEnv } from '../config';
import type { DeliveryFeedback } from '../domain/mail/delivery-feedback';
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

/** The records of an SNS event (SES's feedback topic), or null when the event is not an SNS event. */
export function readSnsRecords(event: unknown): { snsMessageId: string; message: string }[] | null {
  const parsed = SnsEventSchema.safeParse(event);
  if (!parsed.success) return null;
  return parsed.data.Records.map((r) => ({ snsMessageId: r.Sns.MessageId, message: r.Sns.Message }));
}

/**
 * The SES notification carried by one SNS record's Message, in the intake's own terms. Throws (zod,
 * JSON) when the message is not an SES notification.
 */
export function readDeliveryFeedback(message: string): DeliveryFeedback {
  return deliveryFeedbackOf(parseSesFeedback(message));
}
