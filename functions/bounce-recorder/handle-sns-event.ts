import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  deliveryFeedbackOf,
  parseSesFeedback,
  SnsEventSchema,
} from '../../shared/adapters/aws/ses-feedback-event';
import { InputError } from '../../shared/domain/errors';
import type { Clock } from '../../shared/ports/clock';
import type { TicketStore } from '../../shared/ports/ticket-store';
import { type FeedbackResult, recordDeliveryFeedback } from '../../shared/use-cases/record-delivery-feedback';
import { BOUNCE_METRICS } from './bounce-metrics';

export type BounceRecorderDependencies = { tickets: Pick<TicketStore, 'putSuppressedAddress'>; clock: Clock };

/**
 * SNS (SES bounce/complaint topic) → suppressed addresses. A record that is not an SES notification
 * is logged and skipped (retrying it cannot help); a store failure is thrown so that SNS/Lambda retry.
 */
export function createBounceRecorderHandler(
  deps: BounceRecorderDependencies,
  telemetry: { logger: Logger; metrics: Metrics },
) {
  const { logger, metrics } = telemetry;
  return async (event: unknown): Promise<FeedbackResult[]> => {
    const parsed = SnsEventSchema.safeParse(event);
    if (!parsed.success) {
      throw new InputError('the bounce recorder was invoked with something that is not an SNS event', {
        hint: 'subscribe it to the SES feedback topic only',
      });
    }
    const results: FeedbackResult[] = [];
    try {
      for (const record of parsed.data.Records) {
        let feedback: ReturnType<typeof parseSesFeedback>;
        try {
          feedback = parseSesFeedback(record.Sns.Message);
        } catch (error) {
          logger.warn('SNS message is not an SES notification: skipped', {
            snsMessageId: record.Sns.MessageId,
            error: error as Error,
          });
          continue;
        }
        const result = await recordDeliveryFeedback(deliveryFeedbackOf(feedback), deps);
        logger.info(`feedback ${result.label}`, {
          snsMessageId: record.Sns.MessageId,
          sesMessageId: feedback.mail.messageId,
          ...result,
        });
        if (result.suppressed.length > 0) {
          metrics.addMetric(
            result.label === 'Complaint' ? BOUNCE_METRICS.complaints : BOUNCE_METRICS.hardBounces,
            MetricUnit.Count,
            result.suppressed.length,
          );
        }
        results.push(result);
      }
      return results;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}
