import * as z from 'zod';

/** A mailbox as found in a header: address lower-cased, display name decoded (may be empty). */
export const MailAddressSchema = z.object({
  address: z.string(),
  name: z.string(),
});
export type MailAddress = z.infer<typeof MailAddressSchema>;

export const AttachmentMetaSchema = z.object({
  /** Safe file name (no path, no control characters); generated when the message gave none. */
  filename: z.string().min(1),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Content-ID without angle brackets, for inline images referenced as cid: in the HTML. */
  contentId: z.string().nullable(),
  inline: z.boolean(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMetaSchema>;

export const LanguageSchema = z.enum(['fr', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/**
 * One inbound message, parsed and validated. Produced by the MailParser port from raw RFC 5322
 * bytes; everything the rules need and nothing that ties it to a parser library.
 */
export const InboundEmailSchema = z.object({
  /**
   * Message-ID with angle brackets. When missing, derived from what the sender wrote (From, Date,
   * Subject, the body's hash: never transit headers, so that a second delivery is a duplicate); when
   * over 500 characters, derived from the id itself.
   */
  messageId: z.string().min(3),
  messageIdDerived: z.boolean(),
  from: MailAddressSchema.nullable(),
  replyTo: z.array(MailAddressSchema),
  to: z.array(MailAddressSchema),
  cc: z.array(MailAddressSchema),
  /** Decoded subject, CR/LF and control characters removed. Empty string when missing. */
  subject: z.string(),
  /** The client's Date header as an ISO instant; null when missing or invalid. Never used for SLA. */
  date: z.string().nullable(),
  /** Message-IDs with angle brackets. */
  inReplyTo: z.array(z.string()),
  references: z.array(z.string()),
  /** Full plain text (text/plain part, else converted from HTML). */
  text: z.string(),
  /**
   * The HTML body as sent, unsanitised (hostile: scripts, handlers, remote content); null when the message
   * had none. Never served as is: the agent API sanitises it at each display (`displayHtml`).
   */
  html: z.string().nullable(),
  /** The text the sender wrote in this message: quoted history and signature removed. */
  newText: z.string(),
  /** What was removed from `text` to get `newText` (quoted history, forwarded part, signature). */
  quotedText: z.string(),
  attachments: z.array(AttachmentMetaSchema),
  /**
   * Header fields, names lower-cased, values decoded, every occurrence kept in order.
   * Bounded: only the first 64 KiB of header data is kept.
   */
  headers: z.record(z.string(), z.array(z.string())),
  language: LanguageSchema,
  /** Size of the raw message in bytes. */
  sizeBytes: z.number().int().nonnegative(),
  /** Non-fatal problems met while parsing (bad charset, truncated body...), for agents and logs. */
  warnings: z.array(z.string()),
});
export type InboundEmail = z.infer<typeof InboundEmailSchema>;

/**
 * How a parser's warning says that header fields past its budget were dropped: rules that must see
 * every occurrence of a field (DKIM-Signature, sender-trust.ts) refuse to conclude from a cut list.
 */
export const HEADERS_CUT_WARNING = 'header data over';

export function headersComplete(email: Pick<InboundEmail, 'warnings'>): boolean {
  return !email.warnings.some((w) => w.startsWith(HEADERS_CUT_WARNING));
}

/** First value of a header (name lower-case), or undefined. */
export function headerValue(email: Pick<InboundEmail, 'headers'>, name: string): string | undefined {
  return email.headers[name.toLowerCase()]?.[0];
}
