import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import libmime from 'libmime';
import type { HeaderLines } from 'mailparser';
import { HEADERS_CUT_WARNING } from '../../domain/mail/inbound-email';

/** Bound on the decoded header data kept in InboundEmail.headers (inbound-email.ts). */
const MAX_HEADER_BYTES = 64 * 1024;

export type DecodedHeaders = {
  /** Lower-case name → decoded values, every occurrence, in message order. */
  headers: Record<string, string[]>;
  /**
   * The same values before RFC 2047 decoding, for address parsing: decoding first would let an
   * encoded word such as =?utf-8?Q?=3Cceo=40bank=2Ecom=3E?= pose as the sender's address.
   */
  undecoded: Record<string, string[]>;
  warnings: string[];
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * mailparser's parsed `headers` map is lossy for our use (repeated fields collapsed, X-Priority and
 * Importance merged into one `priority`, raw 8-bit Latin-1 turned into U+FFFD), so the header map is
 * rebuilt from its raw lines: unfolded, 8-bit bytes read as UTF-8 else Windows-1252, RFC 2047 words decoded.
 */
export function decodeHeaderLines(lines: HeaderLines): DecodedHeaders {
  const headers: Record<string, string[]> = Object.create(null);
  const undecoded: Record<string, string[]> = Object.create(null);
  const warnings: string[] = [];
  let budget = MAX_HEADER_BYTES;
  let eightBitLatin = false;
  for (const { key, line } of lines) {
    const { text, latin } = decodeRawLine(line);
    eightBitLatin ||= latin;
    const colon = text.indexOf(':');
    if (!key || colon < 0) continue;
    const rawValue = unfold(text.slice(colon + 1)).trim();
    const value = decodeWords(rawValue);
    const cost = Buffer.byteLength(key) + Buffer.byteLength(value);
    if (cost > budget) {
      warnings.push(
        `${HEADERS_CUT_WARNING} ${MAX_HEADER_BYTES} bytes: "${key}" and the fields after it were dropped`,
      );
      break;
    }
    budget -= cost;
    if (!Object.hasOwn(headers, key)) {
      headers[key] = [];
      undecoded[key] = [];
    }
    headers[key]!.push(value);
    undecoded[key]!.push(rawValue);
  }
  if (eightBitLatin) warnings.push('raw 8-bit header bytes are not UTF-8: read as Windows-1252');
  return { headers: { ...headers }, undecoded, warnings };
}

/** mailparser keeps header lines as binary strings (one char per byte). */
function decodeRawLine(line: string): { text: string; latin: boolean } {
  if (!/[^\p{ASCII}]/u.test(line)) return { text: line, latin: false };
  const bytes = Buffer.from(line, 'latin1');
  try {
    return { text: utf8.decode(bytes), latin: false };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), latin: true };
  }
}

function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '');
}

function decodeWords(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value; // an encoded word that does not decode is kept as written
  }
}

/** Domain of the Message-IDs the intake makes up (a message without one, or with one too long to key on). */
export const DERIVED_ID_DOMAIN = 'derived.exodata.invalid';
/**
 * Longest Message-ID kept as written. RFC 5322 lines are 998 characters; DynamoDB refuses a partition
 * key over 2048 bytes (1024 for a sort key), and the id is part of several keys (docs/table-design.md).
 */
export const MAX_MESSAGE_ID_CHARS = 500;

/**
 * The id as written when it is short enough to key on, else one derived from it: the same long id
 * always gives the same derived one, so a reply quoting it in In-Reply-To still finds its thread.
 */
export function boundedMessageId(id: string): { id: string; replaced: boolean } {
  if (id.length <= MAX_MESSAGE_ID_CHARS) return { id, replaced: false };
  const digest = createHash('sha256').update(id).digest('hex');
  return { id: `<${digest}@${DERIVED_ID_DOMAIN}>`, replaced: true };
}

/**
 * Every `<id>` token of a Message-ID list header; a bare id with an @ is given its brackets; an id
 * over MAX_MESSAGE_ID_CHARS is replaced by its derived form (boundedMessageId).
 */
export function messageIdsOf(values: readonly string[] | undefined): string[] {
  const ids: string[] = [];
  for (const value of values ?? []) {
    const bracketed = value.match(/<[^<>\s]+>/g);
    if (bracketed) ids.push(...bracketed);
    else
      ids.push(
        ...value
          .split(/[\s,]+/)
          .filter((token) => /^[^<>\s]+@[^<>\s]+$/.test(token))
          .map((t) => `<${t}>`),
      );
  }
  return [...new Set(ids.map((id) => boundedMessageId(id).id))];
}

/** Control characters (C0, C1) and invisible format characters (bidi overrides, zero-width, BOM). */
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}]/gu;

/** One line of text: CR, LF and tabs become spaces, other control characters go, spaces collapse. */
export function singleLine(value: string): string {
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}
