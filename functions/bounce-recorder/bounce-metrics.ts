/**
 * Metric names the bounce recorder publishes (namespace Exodata/Intake, dimension service): the one
 * source of each name, for the handler and for any alarm on them (issue 13 §10).
 */
export const BOUNCE_METRICS = {
  complaints: 'Complaints',
  hardBounces: 'HardBounces',
} as const;
