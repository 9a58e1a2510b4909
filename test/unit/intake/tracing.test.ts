import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { describe, expect, it } from 'vitest';
import { processRecord, TRACE_ANNOTATIONS } from '../../../functions/intake/handle-ses-event';
import { SesReceiptEventSchema } from '../../../shared/adapters/aws/ses-inbound-event';
import { TransientError } from '../../../shared/domain/errors';
import type { IntakeDependencies } from '../../../shared/use-cases/intake-email';

const sample = JSON.parse(
  readFileSync(new URL('../../fixtures/intake/ses-lambda-event.json', import.meta.url), 'utf8'),
) as unknown;

/** A tracer stand-in that records what the handler does with segments and annotations. */
function recordingTracer() {
  const log: string[] = [];
  const segment = (name: string) => ({
    name,
    addNewSubsegment: (child: string) => {
      log.push(`open ${child}`);
      return segment(child);
    },
    addError: (error: Error) => log.push(`error ${error.message}`),
    close: () => log.push(`close ${name}`),
  });
  const lambda = segment('facade');
  let current: { name: string } = lambda;
  const tracer = {
    getSegment: () => current,
    setSegment: (s: { name: string }) => {
      current = s;
      log.push(`current ${s.name}`);
    },
    putAnnotation: (key: string, value: string) => log.push(`annotate ${current.name} ${key}=${value}`),
  } as unknown as Tracer;
  return { tracer, log, current: () => current.name };
}

describe('Function: processRecord (tracing)', () => {
  it('annotates the record subsegment with the SES message id, records the error and restores the segment', async () => {
    const [record] = SesReceiptEventSchema.parse(sample).Records;
    const fault = new TransientError('S3 is slow');
    // Fault injection: the raw mail cannot be read; the failure record is best effort.
    const deps = {
      rawMail: { keyFor: () => 'inbound/x', get: async () => Promise.reject(fault) },
      tickets: { putDelivery: async () => Promise.reject(new Error('table down')) },
      clock: { now: () => new Date('2026-12-03T10:00:00Z') },
    } as unknown as IntakeDependencies;
    const traced = recordingTracer();
    const telemetry = {
      logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'Test', serviceName: 'test' }),
      tracer: traced.tracer,
    };
    await expect(processRecord(record!, deps, telemetry)).rejects.toBe(fault);
    expect(traced.log).toEqual([
      'open ## intake record',
      'current ## intake record',
      `annotate ## intake record ${TRACE_ANNOTATIONS.sesMessageId}=${record!.ses.mail.messageId}`,
      'error S3 is slow',
      'close ## intake record',
      'current facade',
    ]);
    expect(traced.current()).toBe('facade');
  });

  it('runs without a tracer, as locally and in the CLI', async () => {
    const [record] = SesReceiptEventSchema.parse(sample).Records;
    const fault = new TransientError('S3 is slow');
    const deps = {
      rawMail: { keyFor: () => 'inbound/x', get: async () => Promise.reject(fault) },
      tickets: { putDelivery: async () => undefined },
      clock: { now: () => new Date('2026-12-03T10:00:00Z') },
    } as unknown as IntakeDependencies;
    const telemetry = {
      logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'Test', serviceName: 'test' }),
    };
    await expect(processRecord(record!, deps, telemetry)).rejects.toBe(fault);
  });
});
