import type { WatchSlaResult } from '../../shared/use-cases/watch-sla';

/**
 * Metric names the SLA watcher publishes (namespace Exodata/Intake, dimension service). The one
 * source of each name: the handler publishes them and the stack's alarms import them, so a rename
 * cannot leave an alarm watching a metric nobody publishes (issue 13 §10).
 */
export const SLA_METRICS = {
  ticketsScanned: 'SlaTicketsScanned',
  warnings: 'SlaWarnings',
  breachesNotified: 'SlaBreachesNotified',
  breaches: 'SlaBreaches',
  escalations: 'FollowTheSunEscalations',
  notificationFailures: 'SlaNotificationFailures',
  watchErrors: 'SlaWatchErrors',
} as const;

type SlaMetricName = (typeof SLA_METRICS)[keyof typeof SLA_METRICS];

/** Which count of a round each metric carries. */
export const SLA_ROUND_COUNTS: ReadonlyArray<readonly [keyof WatchSlaResult, SlaMetricName]> = [
  ['scanned', SLA_METRICS.ticketsScanned],
  ['warnings', SLA_METRICS.warnings],
  ['breaches', SLA_METRICS.breachesNotified],
  ['breachesMarked', SLA_METRICS.breaches],
  ['escalations', SLA_METRICS.escalations],
  ['notificationFailures', SLA_METRICS.notificationFailures],
  ['errors', SLA_METRICS.watchErrors],
];
