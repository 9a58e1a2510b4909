import type { AttachmentMeta, InboundEmail } from '../domain/inbound-email';

export type ParseOptions = {
  /** Messages larger than this are parsed for headers and text only: attachments are not extracted. */
  maxAttachmentBytes?: number;
  /** Hard limit on wall time spent parsing one message (pathological MIME). */
  timeoutMs?: number;
};

export type ParsedAttachment = { meta: AttachmentMeta; content: Buffer };

export type ParsedMessage = {
  email: InboundEmail;
  /** Attachment bodies, same order as email.attachments; empty when they were not extracted. */
  attachments: ParsedAttachment[];
  /** True when the message was over maxAttachmentBytes and its attachments were left in the raw mail. */
  attachmentsSkipped: boolean;
};

/** Turns raw RFC 5322 bytes into an InboundEmail. Throws IntakeError, never anything else. */
export interface MailParser {
  parse(raw: Uint8Array, options?: ParseOptions): Promise<ParsedMessage>;
}
