import * as z from 'zod';
import { type Receipt, type Verdict, VerdictSchema } from '../../domain/mail/receipt';

/**
 * The event SES's Lambda action sends (spec/ses-lambda-event.sample.json): no body and no object
 * key: the raw message is at the S3 action's `objectKeyPrefix + mail.messageId`. Only what the
 * intake reads is checked; anything else SES adds is let through.
 */
const VerdictField = z.object({ status: z.string() }).loose().optional();

const SesReceiptRecordSchema = z.object({
  eventSource: z.literal('aws:ses'),
  ses: z.object({
    mail: z
      .object({
        messageId: z
          .string()
          .min(1)
          .regex(/^[A-Za-z0-9._-]+$/, 'an SES messageId is a safe object-key suffix'),
        source: z.string(),
        timestamp: z.string(),
        destination: z.array(z.string()).optional(),
      })
      .loose(),
    receipt: z
      .object({
        timestamp: z.iso.datetime({ offset: true }),
        recipients: z.array(z.string()).min(1),
        spamVerdict: VerdictField,
        virusVerdict: VerdictField,
        spfVerdict: VerdictField,
        dkimVerdict: VerdictField,
        dmarcVerdict: VerdictField,
        dmarcPolicy: z.string().optional(),
      })
      .loose(),
  }),
});
export type SesReceiptRecord = z.infer<typeof SesReceiptRecordSchema>;

export const SesReceiptEventSchema = z.object({ Records: z.array(SesReceiptRecordSchema).min(1) });
export type SesReceiptEvent = z.infer<typeof SesReceiptEventSchema>;

/** Route on `receipt.recipients` (envelope, includes Bcc), not `mail.destination` (pitfalls.md). */
export function receiptFromSes(record: SesReceiptRecord): Receipt {
  const { mail, receipt } = record.ses;
  return {
    receivedAt: receipt.timestamp,
    recipients: receipt.recipients.map((r) => r.trim().toLowerCase()),
    envelopeFrom: mail.source
      .trim()
      .toLowerCase()
      .replace(/^<(.*)>$/, '$1'),
    verdicts: {
      spam: verdict(receipt.spamVerdict),
      virus: verdict(receipt.virusVerdict),
      spf: verdict(receipt.spfVerdict),
      dkim: verdict(receipt.dkimVerdict),
      dmarc: verdict(receipt.dmarcVerdict),
    },
    dmarcPolicy: receipt.dmarcPolicy?.toLowerCase() ?? null,
    channel: 'ses',
    deliveryId: mail.messageId,
  };
}

/**
 * A missing verdict means the rule did not scan; an unknown status is treated as a failed check.
 * `NOT_CHECKED` is ours (local deliveries, trusted as "not checked"): from SES it is a failed check.
 */
function verdict(field: { status: string } | undefined): Verdict {
  if (!field) return 'DISABLED';
  const parsed = VerdictSchema.safeParse(field.status.toUpperCase());
  return parsed.success && parsed.data !== 'NOT_CHECKED' ? parsed.data : 'PROCESSING_FAILED';
}
