import { DESK_CAP_REASON } from '../../shared/domain/acknowledgement/acknowledge-decision';
import type { IntakeResult } from '../../shared/use-cases/intake-email';

/** Metric names in the Exodata/Intake namespace (docs/operations.md lists the alarms on them). */
export const INTAKE_METRICS = {
  ticketsCreated: 'TicketsCreated',
  followUps: 'FollowUps',
  ticketsReopened: 'TicketsReopened',
  suspended: 'Suspended',
  held: 'HeldUnverified',
  quarantined: 'Quarantined',
  loopsIgnored: 'LoopsIgnored',
  duplicates: 'DuplicateDeliveries',
  acknowledgementsSent: 'AcknowledgementsSent',
  acknowledgementsSuppressed: 'AcknowledgementsSuppressed',
  /** A desk reached its hourly acknowledgement cap (conversation.md §2): alarmed. */
  acknowledgementsCapped: 'AcknowledgementsCapped',
  acknowledgementsFailed: 'AcknowledgementsFailed',
  acknowledgementsUnconfirmed: 'AcknowledgementsUnconfirmed',
  intakeFailures: 'IntakeFailures',
  transientFailures: 'IntakeTransientFailures',
  /** Client directory rows left out because they are invalid (counted per directory read). */
  invalidClientRows: 'InvalidClientRows',
} as const;

export type IntakeMetricName = (typeof INTAKE_METRICS)[keyof typeof INTAKE_METRICS];

/** The counts one intake result adds: each effect is counted by the run that made it, once. */
export function metricsOf(result: IntakeResult): IntakeMetricName[] {
  const out: IntakeMetricName[] = [];
  switch (result.outcome) {
    case 'ticket-created':
      out.push(INTAKE_METRICS.ticketsCreated);
      break;
    case 'follow-up':
      out.push(INTAKE_METRICS.followUps);
      break;
    case 'reopened':
      out.push(INTAKE_METRICS.followUps, INTAKE_METRICS.ticketsReopened);
      break;
    case 'suspended':
      out.push(INTAKE_METRICS.suspended);
      break;
    case 'held':
      out.push(INTAKE_METRICS.held);
      break;
    case 'quarantined':
      out.push(INTAKE_METRICS.quarantined);
      break;
    case 'loop-ignored':
      out.push(INTAKE_METRICS.loopsIgnored);
      break;
    case 'duplicate':
      out.push(INTAKE_METRICS.duplicates);
      break;
  }
  switch (result.acknowledgementChanged) {
    case 'sent':
      out.push(INTAKE_METRICS.acknowledgementsSent);
      break;
    case 'suppressed':
      out.push(INTAKE_METRICS.acknowledgementsSuppressed);
      if (result.acknowledgement?.reason?.startsWith(DESK_CAP_REASON)) {
        out.push(INTAKE_METRICS.acknowledgementsCapped);
      }
      break;
    case 'failed':
      out.push(INTAKE_METRICS.acknowledgementsFailed);
      break;
    case 'unconfirmed':
      out.push(INTAKE_METRICS.acknowledgementsUnconfirmed);
      break;
  }
  return out;
}
