import { beforeAll, describe, expect, it } from 'vitest';
import { BOUNCE_METRICS } from '../../functions/bounce-recorder/bounce-metrics';
import { INTAKE_METRICS } from '../../functions/intake/intake-metrics';
import { SLA_METRICS } from '../../functions/sla-watcher/sla-metrics';
import { METRICS_NAMESPACE } from '../../infra/constructs/exodata-function';
import { OUTBOUND_METRICS } from '../../shared/wiring/outbound-metrics';
import { type SynthesizedIntake, synthIntake } from './synth';

/**
 * Issue 13 §10: an alarm on a metric that no code publishes never fires (missing data is not a
 * breach). Our own names come from the single-source modules the functions publish with; AWS's
 * namespaces are allowed explicitly, metric by metric, because AWS publishes them.
 */
const PUBLISHED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    METRICS_NAMESPACE,
    new Set<string>([
      ...Object.values(INTAKE_METRICS),
      ...Object.values(SLA_METRICS),
      ...Object.values(BOUNCE_METRICS),
      ...Object.values(OUTBOUND_METRICS),
    ]),
  ],
  ['AWS/Lambda', new Set(['Errors', 'Throttles'])],
  ['AWS/SQS', new Set(['ApproximateNumberOfMessagesVisible'])],
  ['AWS/ApiGateway', new Set(['5xx'])],
  ['AWS/SES', new Set(['Reputation.BounceRate', 'Reputation.ComplaintRate'])],
]);

type AlarmProps = {
  AlarmName?: unknown;
  Namespace?: string;
  MetricName?: string;
  Metrics?: Array<{ MetricStat?: { Metric?: { Namespace?: string; MetricName?: string } } }>;
};

/** `alarm: Namespace/MetricName` for every metric an alarm watches that nobody publishes. */
function unpublishedAlarmMetrics(
  alarms: Record<string, { Properties: AlarmProps }>,
  published: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const out: string[] = [];
  for (const [id, { Properties: p }] of Object.entries(alarms)) {
    const watched = [
      ...(p.MetricName !== undefined ? [{ Namespace: p.Namespace, MetricName: p.MetricName }] : []),
      ...(p.Metrics ?? []).flatMap((m) => (m.MetricStat?.Metric ? [m.MetricStat.Metric] : [])),
    ];
    if (watched.length === 0) out.push(`${id}: watches no metric`);
    for (const m of watched)
      if (!published.get(String(m.Namespace))?.has(String(m.MetricName)))
        out.push(`${id}: ${m.Namespace}/${m.MetricName}`);
  }
  return out;
}

describe('Alarms watch metrics that some code publishes', () => {
  let synth: SynthesizedIntake;
  beforeAll(() => {
    synth = synthIntake();
  });

  function alarms(template = synth.stateless$): Record<string, { Properties: AlarmProps }> {
    return template.findResources('AWS::CloudWatch::Alarm') as Record<string, { Properties: AlarmProps }>;
  }

  it('every alarm of the stateless stack watches a published metric', () => {
    const all = alarms();
    expect(Object.keys(all).length).toBeGreaterThan(10);
    expect(unpublishedAlarmMetrics(all, PUBLISHED)).toEqual([]);
  });

  it('the stateful stack has no alarm left unchecked', () => {
    expect(unpublishedAlarmMetrics(alarms(synth.stateful$), PUBLISHED)).toEqual([]);
  });

  it('finds an alarm whose metric was renamed on the alarm side only', () => {
    const doctored = structuredClone(alarms());
    const [id, quarantined] = Object.entries(doctored).find(
      ([, a]) => a.Properties.MetricName === INTAKE_METRICS.quarantined,
    )!;
    quarantined.Properties.MetricName = 'QuarantinedMessages';
    expect(unpublishedAlarmMetrics(doctored, PUBLISHED)).toEqual([
      `${id}: Exodata/Intake/QuarantinedMessages`,
    ]);
  });

  it('finds an alarm whose metric was renamed on the publishing side only', () => {
    const renamed = new Set(
      [...PUBLISHED.get(METRICS_NAMESPACE)!].filter((n) => n !== SLA_METRICS.watchErrors),
    );
    renamed.add('SlaWatcherErrors');
    const published = new Map(PUBLISHED).set(METRICS_NAMESPACE, renamed);
    const found = unpublishedAlarmMetrics(alarms(), published);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/: Exodata\/Intake\/SlaWatchErrors$/);
  });

  it('finds a metric of a math expression and an AWS metric outside the allowed list', () => {
    const doctored = {
      Math: {
        Properties: {
          Metrics: [{ MetricStat: { Metric: { Namespace: METRICS_NAMESPACE, MetricName: 'Nobody' } } }],
        },
      },
      Dynamo: { Properties: { Namespace: 'AWS/DynamoDB', MetricName: 'ThrottledRequests' } },
    };
    expect(unpublishedAlarmMetrics(doctored, PUBLISHED)).toEqual([
      'Math: Exodata/Intake/Nobody',
      'Dynamo: AWS/DynamoDB/ThrottledRequests',
    ]);
  });
});
