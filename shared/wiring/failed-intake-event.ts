import { destinationError, LambdaDestinationRecordSchema } from '../adapters/aws/lambda-destination-record';
import { SesReceiptEventSchema } from '../adapters/aws/ses-inbound-event';
import type { SesRecord } from './intake-event';

// Apart from intake-event.ts: only `exo-intake redrive` reads the on-failure queue, and the intake's Lambda,
// which imports intake-event.ts, would otherwise bundle the destination record's schemas and build them
// at every cold start.

/**
 * The body of a message of the intake's on-failure queue (a Lambda destination record): the error the
 * last attempt failed with and the SES records it carried. Throws (zod, JSON) when the body is not that.
 */
export function readFailedIntakeEvent(body: string): { failure: string; records: SesRecord[] } {
  const destination = LambdaDestinationRecordSchema.parse(JSON.parse(body));
  return {
    failure: destinationError(destination),
    records: SesReceiptEventSchema.parse(destination.requestPayload).Records,
  };
}
