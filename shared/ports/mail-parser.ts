import type { Readable } from 'node:stream';
import type { AttachmentMeta, InboundEmail } from '../domain/mail/inbound-email';

export type ParseOptions = {
  /** Messages larger than this are parsed for headers and text only: attachments are not extracted. */
  maxAttachmentBytes?: number;
  /**
   * Messages larger than this (and within maxAttachmentBytes) keep no attachment body in memory:
   * `bodies` is 'streamed', and `streamAttachments` reads them again from the raw bytes.
   */
  streamAttachmentsOverBytes?: number;
  /** Hard limit on wall time spent parsing one message (pathological MIME). */
  timeoutMs?: number;
};

export type ParsedAttachment = { meta: AttachmentMeta; content: Buffer };

/**
 * Where parse() left the attachment bodies:
 * - 'in-memory': in `ParsedMessage.attachments`;
 * - 'streamed': not kept (a large message); `MailParser.streamAttachments` hands them over one at a time;
 * - 'skipped': not extracted at all (over maxAttachmentBytes): they are in the raw mail only.
 * Whatever the mode, `email.attachments` lists every attachment with its size and sha256.
 */
export type AttachmentBodies = 'in-memory' | 'streamed' | 'skipped';

export type ParsedMessage = {
  email: InboundEmail;
  /** Attachment bodies, same order as email.attachments; empty unless `bodies` is 'in-memory'. */
  attachments: ParsedAttachment[];
  bodies: AttachmentBodies;
};

/** The bodies were not extracted (over maxAttachmentBytes): the acknowledgement and the ticket say so. */
export function attachmentsSkipped(parsed: Pick<ParsedMessage, 'bodies'>): boolean {
  return parsed.bodies === 'skipped';
}

/**
 * Receives one attachment body (index into email.attachments) and settles once it has read it: the
 * parser does not go on before. A body not read to its end is drained by the parser.
 */
export type AttachmentBodyConsumer = (index: number, body: Readable) => Promise<void>;

/** Turns raw RFC 5322 bytes into an InboundEmail. Throws IntakeError, never anything else. */
export interface MailParser {
  parse(raw: Uint8Array, options?: ParseOptions): Promise<ParsedMessage>;
  /**
   * Parses `raw` again and hands the body of each attachment whose index `wanted` accepts to `each`,
   * in order and one at a time: at most one body is in flight and none is held whole, the parser
   * waiting on the consumer (backpressure). The bytes are checked as they pass against `expected`
   * (what parse() reported: email.attachments): a body of another size or sha256, or another number
   * of attachments, fails with IntakeError ATTACHMENT_MISMATCH. A rejection of `each` stops the pass
   * and is rethrown as is (an S3 failure stays a TransientError). No time budget: parse() already
   * bounded the MIME work, and the time here is the consumer's.
   */
  streamAttachments(
    raw: Uint8Array,
    expected: readonly AttachmentMeta[],
    each: AttachmentBodyConsumer,
    wanted?: (index: number) => boolean,
  ): Promise<void>;
}
