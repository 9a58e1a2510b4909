import { NOT_CHECKED_VERDICTS, type Receipt, ReceiptSchema } from '../../domain/mail/receipt';
import type { SmtpEnvelope } from './smtp-listener';

/**
 * The receipt of a message taken by the local SMTP listener, as SES would have written it: the
 * arrival time starts the SLA clock, recipients and sender come from the envelope (RCPT TO includes
 * Bcc), and nothing was checked for spam, viruses or DMARC.
 */
export function smtpReceipt(envelope: SmtpEnvelope, deliveryId: string): Receipt {
  return ReceiptSchema.parse({
    receivedAt: envelope.receivedAt.toISOString(),
    recipients: envelope.recipients,
    envelopeFrom: envelope.mailFrom,
    verdicts: NOT_CHECKED_VERDICTS,
    dmarcPolicy: null,
    channel: 'smtp',
    deliveryId,
  });
}
