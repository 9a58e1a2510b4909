import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { OutboundState } from '../domain/ticket/outbound-message';
import type { OutboundDeps } from '../use-cases/reply-to-client';

/** Metric names of the agent API (namespace of POWERTOOLS_METRICS_NAMESPACE); docs/operations.md lists the alarm. */
export const OUTBOUND_METRICS = {
  sent: 'OutboundSent',
  /** Alarmed (infra/stacks/stateless-stack.ts): the outcome was lost, the mail may have left. */
  unconfirmed: 'OutboundUnconfirmed',
  rejected: 'OutboundRejected',
} as const;

export function outboundMetricOf(state: OutboundState): string | null {
  switch (state) {
    case 'sent':
      return OUTBOUND_METRICS.sent;
    case 'unconfirmed':
      return OUTBOUND_METRICS.unconfirmed;
    case 'rejected':
      return OUTBOUND_METRICS.rejected;
    default:
      return null;
  }
}

/** Each outbound outcome counted (and an unconfirmed one logged as a warning), for the Lambda. */
export function outboundMetricsRecorder(
  logger: Logger,
  metrics: Metrics,
): NonNullable<OutboundDeps['onOutcome']> {
  return (outcome) => {
    const name = outboundMetricOf(outcome.state);
    if (name === null) return;
    if (name === OUTBOUND_METRICS.unconfirmed)
      logger.warn('outbound mail unconfirmed', { reference: outcome.reference, kind: outcome.kind });
    // Published at once: the API has no end-of-invocation hook, and these are rare.
    metrics.addMetric(name, MetricUnit.Count, 1);
    metrics.publishStoredMetrics();
  };
}
