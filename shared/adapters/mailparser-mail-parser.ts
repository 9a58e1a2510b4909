import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { parseAddressHeader } from 'mailparser';
import { IntakeError } from '../domain/errors';
import {
  type AttachmentMeta,
  type InboundEmail,
  InboundEmailSchema,
  type MailAddress,
} from '../domain/mail/inbound-email';
import { detectLanguage } from '../domain/mail/language';
import { splitNewText } from '../domain/triage/new-text';
import type {
  AttachmentBodies,
  AttachmentBodyConsumer,
  MailParser,
  ParsedAttachment,
  ParsedMessage,
  ParseOptions,
} from '../ports/mail-parser';
import { attachmentMeta } from './mailparser/attachment-meta';
import { type CollectedMessage, type CollectOptions, collectMessage } from './mailparser/collect-message';
import {
  boundedMessageId,
  DERIVED_ID_DOMAIN,
  decodeHeaderLines,
  messageIdsOf,
  singleLine,
} from './mailparser/header-fields';
import { htmlToPlainText, keptBodyHtml } from './mailparser/html-body';
import { streamAttachmentBodies } from './mailparser/stream-attachments';
import { relabelUtf8Parts } from './mailparser/tolerant-charset';

const DEFAULT_PARSE_TIMEOUT_MS = 10_000;
/** Over this raw size attachments stay in the raw message (SES accepts up to 40 MB). */
const DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/**
 * Over this raw size attachment bodies are not kept by parse() but streamed from the raw bytes by a
 * second pass (streamAttachments): kept, they add about 0.75 × the message to the raw bytes the
 * parser needs anyway, and the intake's memory target is 2.5 × (docs/performance.md, Memory). Under
 * it, one parse is cheaper than two and the bodies are small: they stay in memory.
 */
const DEFAULT_STREAM_ATTACHMENTS_OVER_BYTES = 8 * 1024 * 1024;
/** Longest text kept on the InboundEmail; the raw message keeps the rest. */
export const MAX_TEXT_CHARS = 1_000_000;
/**
 * Bounds on what the message says about itself, so that every item built from it fits DynamoDB's
 * 400 KB (the record builders budget the whole item: intake-records.ts). The raw message keeps all.
 */
export const MAX_SUBJECT_BYTES = 2000;
export const MAX_NAME_CHARS = 200;
/** RFC 5321 allows 254; a longer "address" is not one and would only bloat keys and items. */
export const MAX_ADDRESS_CHARS = 320;
/** Shown in the warning when a Message-ID is replaced: enough to recognise it. */
const SHOWN_ID_CHARS = 200;
/** Space, tab, CR, LF: a message made only of these is empty. */
const BLANK_BYTES = new Set([0x20, 0x09, 0x0d, 0x0a]);

/**
 * The MailParser port on npm mailparser (maintenance mode upstream, so it stays inside this file
 * and its helpers in ./mailparser/). Input is untrusted: anything short of an empty or hopeless
 * message gives a result, with what went wrong listed in `warnings`.
 */
export class MailparserMailParser implements MailParser {
  async parse(raw: Uint8Array, options: ParseOptions = {}): Promise<ParsedMessage> {
    const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (!bytes.some((byte) => !BLANK_BYTES.has(byte))) {
      throw new IntakeError('EMPTY_MESSAGE', 'the message is empty (0 bytes or only blank lines)', {
        hint: 'nothing to turn into a ticket; check what delivered it',
      });
    }
    const timeoutMs = positiveOr(options.timeoutMs, DEFAULT_PARSE_TIMEOUT_MS);
    const maxAttachmentBytes = positiveOr(options.maxAttachmentBytes, DEFAULT_MAX_ATTACHMENT_BYTES);
    const streamOver = positiveOr(options.streamAttachmentsOverBytes, DEFAULT_STREAM_ATTACHMENTS_OVER_BYTES);
    const bodies: AttachmentBodies =
      bytes.length > maxAttachmentBytes ? 'skipped' : bytes.length > streamOver ? 'streamed' : 'in-memory';

    const deadline = performance.now() + timeoutMs;
    const collected = await collectTolerant(bytes, {
      keepAttachmentBodies: bodies === 'in-memory',
      timeoutMs,
      onTimeout: () => timeoutError(timeoutMs),
    });
    // mailsplit reports a line without a colon as a header line named '': that is not a field.
    if (!collected.headerLines.some((line) => line.key !== '')) {
      throw new IntakeError('UNPARSEABLE', 'no header fields found: this is not an RFC 5322 message', {
        hint: 'keep the raw message and have an agent open it',
      });
    }
    const { email, attachments } = buildEmail(bytes, collected, bodies, maxAttachmentBytes);
    // HTML sanitising and conversion run synchronously after the stream: check the budget once more.
    if (performance.now() > deadline) throw timeoutError(timeoutMs);
    const checked = InboundEmailSchema.safeParse(email);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new IntakeError('INVALID_PARSED_MESSAGE', `the parsed message is invalid: ${issues.join('; ')}`, {
        hint: 'add this message as a regression fixture and fix the parser adapter',
      });
    }
    return { email: checked.data, attachments, bodies };
  }

  /**
   * From the raw bytes themselves, never the relabelled copy collectTolerant may have parsed:
   * relabelling only touches Content-Type charsets, which mailparser does not apply to attachment
   * bodies, and the bytes are checked against the first pass anyway.
   */
  streamAttachments(
    raw: Uint8Array,
    expected: readonly AttachmentMeta[],
    each: AttachmentBodyConsumer,
    wanted: (index: number) => boolean = () => true,
  ): Promise<void> {
    const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    return streamAttachmentBodies(bytes, expected, each, wanted);
  }
}

function timeoutError(timeoutMs: number): IntakeError {
  return new IntakeError('PARSE_TIMEOUT', `parsing the message took more than ${timeoutMs} ms`, {
    hint: 'the MIME structure is pathological; keep the raw message and have an agent open it',
  });
}

/** The adapter has no state: one instance serves every message. */
export const mailparserMailParser: MailParser = new MailparserMailParser();

export function parseMail(raw: Uint8Array, options?: ParseOptions): Promise<ParsedMessage> {
  return mailparserMailParser.parse(raw, options);
}

/**
 * A part declared UTF-8 whose bytes are not (Latin-1 mail labelled UTF-8) comes out with U+FFFD:
 * parse once more with those parts relabelled for sniffing, within what is left of the time budget.
 */
async function collectTolerant(bytes: Buffer, options: CollectOptions): Promise<CollectedMessage> {
  const started = performance.now();
  const first = await collect(bytes, options);
  if (replacementCount(first) === 0) return first;
  const relabelled = relabelUtf8Parts(bytes);
  const timeLeft = options.timeoutMs - (performance.now() - started);
  if (!relabelled || timeLeft <= 0) return first;
  const second = await collect(relabelled, { ...options, timeoutMs: timeLeft });
  return replacementCount(second) < replacementCount(first) ? second : first;
}

function replacementCount(collected: CollectedMessage): number {
  const count = (s: string | undefined) => s?.split('\ufffd').length ?? 1;
  return count(collected.text) + count(collected.html) - 2;
}

async function collect(bytes: Buffer, options: CollectOptions): Promise<CollectedMessage> {
  try {
    return await collectMessage(bytes, options);
  } catch (cause) {
    if (cause instanceof IntakeError) throw cause;
    throw new IntakeError('UNPARSEABLE', `the message cannot be parsed: ${String(cause)}`, { cause });
  }
}

function buildEmail(
  bytes: Buffer,
  collected: CollectedMessage,
  bodies: AttachmentBodies,
  maxAttachmentBytes: number,
): { email: InboundEmail; attachments: ParsedAttachment[] } {
  const { headers, undecoded, warnings } = decodeHeaderLines(collected.headerLines);
  warnings.push(...collected.charsetNotes);
  const { messageId, derived, replaced } = messageIdOf(headers, bytes);
  if (replaced !== null) {
    warnings.push(
      `Message-ID of ${replaced.length} characters replaced by ${messageId}; it began ${replaced.slice(0, SHOWN_ID_CHARS)}…`,
    );
  } else if (derived) {
    warnings.push(`no usable Message-ID: derived ${messageId} from From, Date, Subject and the body`);
  }
  const date = dateOf(headers.date?.[0]);
  if (headers.date && !date) warnings.push(`unreadable Date header "${headers.date[0]}"`);
  const from = addressesOf(undecoded.from, warnings)[0] ?? null;
  if (!from) warnings.push('no sender address in From');

  const html = htmlOf(collected.html, warnings);
  const text = textOf(collected.text, html, warnings);
  const { newText, quotedText } = splitNewText(text);
  const subject = boundedSubject(singleLine(headers.subject?.[0] ?? ''), warnings);

  const metas = collected.attachments.map(attachmentMeta);
  const attachments =
    bodies === 'in-memory'
      ? collected.attachments.map((a, i) => ({ meta: metas[i]!, content: a.content ?? Buffer.alloc(0) }))
      : [];
  if (bodies === 'skipped') {
    warnings.push(
      `message of ${bytes.length} bytes is over the ${maxAttachmentBytes}-byte budget: attachments left in the raw message`,
    );
  }

  const email: InboundEmail = {
    messageId,
    messageIdDerived: derived,
    from,
    replyTo: addressesOf(undecoded['reply-to'], warnings),
    to: addressesOf(undecoded.to, warnings),
    cc: addressesOf(undecoded.cc, warnings),
    subject,
    date,
    inReplyTo: messageIdsOf(headers['in-reply-to']),
    references: messageIdsOf(headers.references),
    text,
    html,
    newText,
    quotedText,
    attachments: metas,
    headers,
    language: detectLanguage(subject, newText),
    sizeBytes: bytes.length,
    warnings,
  };
  return { email, attachments };
}

/** `replaced`: the id as written when it was too long to keep (boundedMessageId). */
function messageIdOf(
  headers: Record<string, string[]>,
  bytes: Buffer,
): { messageId: string; derived: boolean; replaced: string | null } {
  const value = singleLine(headers['message-id']?.[0] ?? '');
  const written = value.match(/<[^<>\s]+>/)?.[0] ?? (/^[^<>\s]+@[^<>\s]+$/.test(value) ? `<${value}>` : null);
  if (written) {
    const bounded = boundedMessageId(written);
    return { messageId: bounded.id, derived: bounded.replaced, replaced: bounded.replaced ? written : null };
  }
  return {
    messageId: `<${writtenDigest(headers, bytes)}@${DERIVED_ID_DOMAIN}>`,
    derived: true,
    replaced: null,
  };
}

/**
 * The id of a message without Message-ID, from what its sender wrote (From, Date, Subject and the
 * body), never from the headers added in transit (Received, Return-Path, X-SES-*, DKIM signatures):
 * those differ from one delivery of the message to the next, and the id is what makes a second
 * delivery a duplicate. Line ends and trailing blank lines are normalised for the same reason.
 */
function writtenDigest(headers: Record<string, string[]>, bytes: Buffer): string {
  const body = bodyBytes(bytes).toString('latin1').replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  const bodyHash = createHash('sha256').update(body, 'latin1').digest('hex');
  const field = (name: string) => singleLine(headers[name]?.[0] ?? '');
  return createHash('sha256')
    .update(JSON.stringify([field('from'), field('date'), field('subject'), bodyHash]))
    .digest('hex');
}

/** What follows the header section (the first blank line); nothing when there is none. */
function bodyBytes(bytes: Buffer): Buffer {
  const crlf = bytes.indexOf('\r\n\r\n');
  const lf = bytes.indexOf('\n\n');
  const ends = [crlf < 0 ? -1 : crlf + 4, lf < 0 ? -1 : lf + 2].filter((i) => i >= 0);
  return ends.length === 0 ? Buffer.alloc(0) : bytes.subarray(Math.min(...ends));
}

function boundedSubject(subject: string, warnings: string[]): string {
  if (Buffer.byteLength(subject) <= MAX_SUBJECT_BYTES) return subject;
  warnings.push(`subject over ${MAX_SUBJECT_BYTES} bytes: only its beginning is kept`);
  return cutUtf8(subject, MAX_SUBJECT_BYTES);
}

/** Cut so that the UTF-8 encoding fits `maxBytes`, on a code point boundary. */
function cutUtf8(value: string, maxBytes: number): string {
  return Buffer.from(value, 'utf8')
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD$/u, '');
}

function dateOf(value: string | undefined): string | null {
  if (!value) return null;
  const strict = DateTime.fromRFC2822(value.replace(/\s+/g, ' ').trim(), { setZone: true });
  if (strict.isValid) return strict.toUTC().toISO();
  // Clients write dates RFC 5322 does not allow (missing comma, zone names); V8's parser is lenient.
  const lenient = new Date(value);
  return Number.isNaN(lenient.getTime()) ? null : lenient.toISOString();
}

/**
 * Parsed from the undecoded values: mailparser decodes display names and refuses encoded addresses.
 * An address over MAX_ADDRESS_CHARS is dropped (it is not one), a display name cut.
 */
function addressesOf(values: string[] | undefined, warnings: string[]): MailAddress[] {
  if (!values?.length) return [];
  const parsed = parseAddressHeader(values, { flatten: true, decodePunycode: false });
  const addresses = parsed.value
    .filter((a) => a.address)
    .map((a) => ({ address: a.address!.trim().toLowerCase(), name: singleLine(a.name ?? '') }));
  const kept = addresses.filter((a) => a.address.length <= MAX_ADDRESS_CHARS);
  if (kept.length < addresses.length) {
    warnings.push(
      `${addresses.length - kept.length} address(es) over ${MAX_ADDRESS_CHARS} characters dropped`,
    );
  }
  return kept.map((a) => ({ ...a, name: Array.from(a.name).slice(0, MAX_NAME_CHARS).join('') }));
}

/** The HTML body as sent (hostile: shown only through the agent API's sanitiser), cut if overlong. */
function htmlOf(html: string | undefined, warnings: string[]): string | null {
  if (!html) return null;
  const kept = keptBodyHtml(html);
  if (kept.truncated) warnings.push('HTML body too long: only its beginning is kept');
  return kept.html;
}

/** The text/plain parts, else the text of the HTML (no script or style text, no javascript: links). */
function textOf(plain: string | undefined, html: string | null, warnings: string[]): string {
  let text = plain ?? '';
  if (!text.trim() && html) {
    try {
      text = htmlToPlainText(html);
    } catch (cause) {
      warnings.push(`HTML body could not be converted to text: ${String(cause)}`);
    }
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\ufffd')) warnings.push('body has undecodable characters (wrong or unknown charset)');
  if (!text.trim()) warnings.push('message has no body text');
  if (text.length > MAX_TEXT_CHARS) {
    warnings.push(`body text over ${MAX_TEXT_CHARS} characters: only its beginning is kept`);
    text = text.slice(0, MAX_TEXT_CHARS);
  }
  return text;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
