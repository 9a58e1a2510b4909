import type { Desk } from '../desk/service-desk-config';
import type { MailAddress } from '../mail/inbound-email';
import type { OutboundMail } from '../mail/outbound-mail';
import { LOOP_HEADER } from '../triage/automated-mail';
import type { AcknowledgementContent } from './acknowledgement';

/**
 * RFC 3834 marks the acknowledgement as an automatic reply (so that well-behaved autoresponders
 * do not answer it), Exchange is told not to send its own auto-replies, and our loop header lets
 * the intake recognise the acknowledgement if it ever comes back to a desk address.
 */
function acknowledgementHeaders(reference: string): Record<string, string> {
  return {
    'Auto-Submitted': 'auto-replied',
    'X-Auto-Response-Suppress': 'All',
    [LOOP_HEADER]: reference,
  };
}

export type AcknowledgementMailInput = {
  reference: string;
  desk: Pick<Desk, 'address' | 'displayName'>;
  /** The requester: the Reply-To of the client's message when it has one, else its From. */
  requester: MailAddress;
  /** The client's message we answer: its Message-ID (with <>) and its References. */
  inbound: { messageId: string; references: readonly string[] };
  content: AcknowledgementContent;
};

/** acknowledgement.md, "Headers": from and to the right people, threaded on the client's message. */
export function acknowledgementMail(input: AcknowledgementMailInput): OutboundMail {
  return {
    from: { name: input.desk.displayName, address: input.desk.address },
    replyTo: input.desk.address,
    to: { name: input.requester.name, address: input.requester.address },
    subject: input.content.subject,
    text: input.content.text,
    html: input.content.html,
    inReplyTo: input.inbound.messageId,
    references: [...input.inbound.references],
    headers: acknowledgementHeaders(input.reference),
    idempotencyKey: `${input.reference}:acknowledgement`,
  };
}
