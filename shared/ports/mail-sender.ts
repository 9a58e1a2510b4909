import type { OutboundMail } from '../domain/mail/outbound-mail';

export type SentMail = {
  /** The Message-ID clients will reply to, with <>: SES replaces ours with <MessageId@REGION.amazonses.com>. */
  messageId: string;
  /** The raw MIME handed to the transport (for audit and tests: the SES emulator drops custom headers). */
  raw: Buffer;
};

export interface MailSender {
  send(mail: OutboundMail): Promise<SentMail>;
}
