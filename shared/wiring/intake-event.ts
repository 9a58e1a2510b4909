import {
  receiptFromSes,
  SesReceiptEventSchema,
  type SesReceiptRecord,
} from '../adapters/aws/ses-inbound-event';
import {
  type IntakeDependencies,
  type IntakeOptions,
  type IntakeResult,
  intakeEmail,
} from '../use-cases/intake-email';

/**
 * Where an SES receipt event meets the intake use case. The event's shape belongs to the SES adapter;
 * the handler (functions/intake) and `exo-intake redrive` get records and run them through here, so
 * that neither of them imports an adapter.
 */
export type SesRecord = SesReceiptRecord;

/** An SES receipt event's records, or why it is not one (each zod issue as `path: message`). */
export function readSesReceiptEvent(
  event: unknown,
): { ok: true; records: SesRecord[] } | { ok: false; issues: string } {
  const parsed = SesReceiptEventSchema.safeParse(event);
  if (parsed.success) return { ok: true, records: parsed.data.Records };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
  };
}

/** One SES receipt record through the intake: its raw mail from S3 (SES wrote it there first), then the use case. */
export async function runSesRecord(
  record: SesRecord,
  deps: IntakeDependencies,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  const receipt = receiptFromSes(record);
  const raw = await deps.rawMail.get(deps.rawMail.keyFor(receipt));
  return intakeEmail(raw, receipt, deps, options);
}

/**
 * Best effort, so that `exo-intake reprocess --delivery` finds the receipt of a message whose intake
 * failed; a later successful run (Lambda's retry, a redrive) writes the delivery's real outcome over it.
 */
export async function recordSesRecordFailure(
  record: SesRecord,
  deps: IntakeDependencies,
  error: unknown,
): Promise<void> {
  const receipt = receiptFromSes(record);
  await deps.tickets
    .putDelivery({
      channel: receipt.channel,
      deliveryId: receipt.deliveryId,
      outcome: 'failed',
      reference: null,
      deskId: null,
      messageId: null,
      rawKey: deps.rawMail.keyFor(receipt),
      receipt,
      error: (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000),
      at: deps.clock.now().toISOString(),
    })
    .catch(() => {});
}
