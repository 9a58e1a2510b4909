import * as z from 'zod';

/** SES verdict statuses; NOT_CHECKED is ours, for the local SMTP listener and the CLI. */
export const VerdictSchema = z.enum(['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED', 'NOT_CHECKED']);
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * What the receiving service knew about one delivery, independent of the message content:
 * SES receipt on AWS, the SMTP session locally, command-line flags in the CLI.
 */
export const ReceiptSchema = z.object({
  /** Instant the service received the message: the SLA clock starts here. ISO 8601. */
  receivedAt: z.iso.datetime({ offset: true }),
  /** Envelope recipients (RCPT TO; includes Bcc), lower-cased. */
  recipients: z.array(z.string()),
  /** Envelope sender (MAIL FROM / Return-Path); '' for the null sender <>; null when unknown. */
  envelopeFrom: z.string().nullable(),
  verdicts: z.object({
    spam: VerdictSchema,
    virus: VerdictSchema,
    spf: VerdictSchema,
    dkim: VerdictSchema,
    dmarc: VerdictSchema,
  }),
  /** SES dmarcPolicy (none/quarantine/reject) when DMARC failed. */
  dmarcPolicy: z.string().nullable(),
  /** Where it came from, and that channel's id for the delivery (SES messageId = S3 object key suffix). */
  channel: z.enum(['ses', 'smtp', 'cli', 'portal']),
  deliveryId: z.string().min(1),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const NOT_CHECKED_VERDICTS: Receipt['verdicts'] = {
  spam: 'NOT_CHECKED',
  virus: 'NOT_CHECKED',
  spf: 'NOT_CHECKED',
  dkim: 'NOT_CHECKED',
  dmarc: 'NOT_CHECKED',
};
