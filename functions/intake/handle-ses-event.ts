import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { InputError, TransientError } from '../../shared/domain/errors';
import type { IntakeDependencies, IntakeResult } from '../../shared/use-cases/intake-email';
import {
  readSesReceiptEvent,
  recordSesRecordFailure,
  runSesRecord,
  type SesRecord,
} from '../../shared/wiring/intake-event';
import { INTAKE_METRICS, metricsOf } from './intake-metrics';

/** The tracer is optional: local runs and the CLI have none. */
export type Telemetry = { logger: Logger; metrics: Metrics; tracer?: Tracer };

/** X-Ray annotations of a record's subsegment: searchable with `annotation.<name> = "…"`. */
export const TRACE_ANNOTATIONS = {
  sesMessageId: 'sesMessageId',
  messageId: 'messageId',
  reference: 'reference',
  outcome: 'outcome',
  acknowledgement: 'acknowledgement',
} as const;

/**
 * SES receipt event → for each record: raw mail from S3 → intakeEmail → one log line and the
 * metrics. Any failure is thrown: Lambda retries the event (every step is idempotent) and, when the
 * retries are spent, sends it to the on-failure destination for `exo-intake redrive`.
 */
export function createIntakeHandler(deps: IntakeDependencies, telemetry: Telemetry) {
  return async (event: unknown, context?: Context): Promise<IntakeResult[]> => {
    if (context) telemetry.logger.addContext(context);
    const parsed = readSesReceiptEvent(event);
    if (!parsed.ok) {
      const { issues } = parsed;
      telemetry.logger.error('not an SES receipt event', { issues });
      throw new InputError(
        `the intake was invoked with something that is not an SES receipt event: ${issues}`,
        {
          hint: 'only the SES receipt rule should invoke this function',
        },
      );
    }
    // The domain gets a plain instant on its own clock, not the Lambda context.
    const run: IntakeDependencies = context
      ? { ...deps, deadline: new Date(deps.clock.now().getTime() + context.getRemainingTimeInMillis()) }
      : deps;
    try {
      const results: IntakeResult[] = [];
      for (const record of parsed.records) results.push(await processRecord(record, run, telemetry));
      return results;
    } finally {
      telemetry.metrics.publishStoredMetrics();
    }
  };
}

export async function processRecord(
  record: SesRecord,
  deps: IntakeDependencies,
  { logger, metrics, tracer }: Telemetry,
): Promise<IntakeResult> {
  logger.appendKeys({ sesMessageId: record.ses.mail.messageId });
  // The Lambda segment itself cannot carry annotations: each record gets its own subsegment.
  const parent = tracer?.getSegment();
  const subsegment = parent?.addNewSubsegment('## intake record');
  if (tracer && subsegment) tracer.setSegment(subsegment);
  const annotate = (key: string, value: string | null | undefined) => {
    // Annotation values are indexed strings: a hostile Message-ID is cut to a sane length.
    if (tracer && subsegment && value) tracer.putAnnotation(key, value.slice(0, 250));
  };
  annotate(TRACE_ANNOTATIONS.sesMessageId, record.ses.mail.messageId);
  try {
    const result = await runSesRecord(record, deps);
    annotate(TRACE_ANNOTATIONS.messageId, result.messageId);
    annotate(TRACE_ANNOTATIONS.reference, result.reference);
    annotate(TRACE_ANNOTATIONS.outcome, result.outcome);
    annotate(TRACE_ANNOTATIONS.acknowledgement, result.acknowledgement?.state);
    logger.appendKeys({ reference: result.reference ?? undefined });
    logger.info(`intake ${result.outcome}`, { result });
    for (const name of metricsOf(result)) metrics.addMetric(name, MetricUnit.Count, 1);
    return result;
  } catch (error) {
    subsegment?.addError(error as Error);
    await recordSesRecordFailure(record, deps, error);
    const transient = error instanceof TransientError;
    metrics.addMetric(
      transient ? INTAKE_METRICS.transientFailures : INTAKE_METRICS.intakeFailures,
      MetricUnit.Count,
      1,
    );
    logger.error(transient ? 'intake failed, will be retried' : 'intake failed', {
      error: error as Error,
      transient,
    });
    throw error;
  } finally {
    logger.removeKeys(['sesMessageId', 'reference']);
    subsegment?.close();
    if (tracer && parent) tracer.setSegment(parent);
  }
}
