import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { InputError } from '../../shared/domain/errors';
import type { DeliveryFeedback } from '../../shared/domain/mail/delivery-feedback';
import type { Clock } from '../../shared/ports/clock';
import type { TicketStore } from '../../shared/ports/ticket-store';
import { type FeedbackResult, recordDeliveryFeedback } from '../../shared/use-cases/record-delivery-feedback';
import { readDeliveryFeedback, readSnsRecords } from '../../shared/wiring/bounce-recorder';
import { BOUNCE_METRICS } from './bounce-metrics';

export type BounceRecorderDependencies = {
  tickets: Pick<TicketStore, 'putSuppressedAddress' | 'markOutboundFeedback'>;
  clock: Clock;
};

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
    const records = readSnsRecords(event);
    if (records === null) {
      throw new InputError('the bounce recorder was invoked with something that is not an SNS event', {
        hint: 'subscribe it to the SES feedback topic only',
      });
    }
    const results: FeedbackResult[] = [];
    try {
      for (const record of records) {
        let feedback: DeliveryFeedback;
        try {
          feedback = readDeliveryFeedback(record.message);
        } catch (error) {
          logger.warn('SNS message is not an SES notification: skipped', {
            snsMessageId: record.snsMessageId,
            error: error as Error,
          });
          continue;
        }
        const result = await recordDeliveryFeedback(feedback, deps);
        logger.info(`feedback ${result.label}`, {
          snsMessageId: record.snsMessageId,
          sesMessageId: feedback.sentMessageId,
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
