import type { OutboundMail } from '../domain/mail/outbound-mail';

export type SentMail = {
  /** The Message-ID clients will reply to, with <>: SES replaces ours with <MessageId@REGION.amazonses.com>. */
  messageId: string;
  /** The raw MIME handed to the transport (for audit and tests: the SES emulator drops custom headers). */
  raw: Buffer;
};

export interface MailSender {
  /**
   * Hands the mail to the transport. On failure only a definite refusal means "not sent":
   * MailRejectedError (for good) or TransientError (for now); anything else thrown means the mail
   * may have left (see sendFailureOf in mail-sender-errors.ts).
   */
  send(mail: OutboundMail): Promise<SentMail>;
}
