import type { OutboundState } from '../../shared/domain/ticket/outbound-message';

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
