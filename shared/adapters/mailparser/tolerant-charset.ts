import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { decode as libmimeDecode, normalizeCharset } from 'libmime/lib/charset';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Declared charsets that are often a lie: the bytes decide between UTF-8 and Windows-1252. */
const GUESSABLE = /^(?:utf-?8|us-?ascii|ascii|iso-?8859-?(?:1|15)|latin-?1|windows-?1252|cp-?1252|)$/i;

/**
 * Body charset decoding that survives mislabelled mail: "utf-8" on Latin-1 bytes (Outlook Express,
 * old scanners), "iso-8859-1" on UTF-8 bytes (webmail forwards), or a charset nobody knows. For the
 * Latin/UTF-8 family the bytes decide (valid multi-byte UTF-8 is UTF-8, anything else Windows-1252);
 * any other charset libmime knows is decoded as declared, as mailparser would. iconv-lite, not
 * TextDecoder: Node's reads "windows-1252" as ISO-8859-1, losing € and typographic quotes. Returns the decoded text and,
 * when the declaration was not followed, why.
 */
export function decodeBody(bytes: Buffer, declared: string): { text: string; note: string | null } {
  const charset = declared
    .trim()
    .replace(/^"|"$/g, '')
    .replace(new RegExp(`^${SNIFF_PREFIX}`, 'i'), '');
  if (!GUESSABLE.test(charset) && isKnown(charset)) {
    return { text: libmimeDecode(bytes, charset), note: null };
  }
  const utf8 = tryUtf8(bytes);
  const saysUtf8 = /^(?:utf-?8|us-?ascii|ascii|)$/i.test(charset);
  const known = GUESSABLE.test(charset);
  if (utf8 !== null) {
    const multibyte = bytes.some((b) => b > 0x7f);
    const note = !known
      ? `unknown charset "${charset}": read as UTF-8`
      : multibyte && !saysUtf8
        ? `body declared "${charset}" is UTF-8: read as UTF-8`
        : null;
    return { text: utf8, note };
  }
  const note =
    known && !saysUtf8
      ? null
      : `body declared "${charset || 'none'}" is not valid UTF-8: read as Windows-1252`;
  return { text: iconv.decode(bytes, 'windows-1252'), note };
}

/** What mailparser's own decoder (libmime: iconv-lite plus the ISO-2022-JP family) can read. */
function isKnown(charset: string): boolean {
  return iconv.encodingExists(normalizeCharset(charset)) || /^jis|^iso-?2022-?jp|^eucjp/i.test(charset);
}

function tryUtf8(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * An `Iconv`-shaped class for mailparser's `Iconv` option (constructed as `new Iconv(from, to)`,
 * used as a stream), decoding with decodeBody. A text part is small enough to buffer whole, and the
 * guess needs all of its bytes. mailparser still refuses UTF-7 before reaching it.
 */
export function tolerantIconv(notes: string[]) {
  return class TolerantIconv extends Transform {
    private readonly chunks: Buffer[] = [];
    constructor(private readonly fromCharset: string) {
      super();
    }
    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
      this.chunks.push(chunk);
      done();
    }
    override _flush(done: TransformCallback): void {
      const { text, note } = decodeBody(Buffer.concat(this.chunks), this.fromCharset);
      if (note && !notes.includes(note)) notes.push(note);
      this.push(Buffer.from(text, 'utf-8'));
      done();
    }
  };
}

/** mailparser never hands UTF-8 or ASCII parts to a decoder, so relabelling routes them to ours. */
const SNIFF_PREFIX = 'x-sniff-';

/**
 * A copy of the raw message whose Content-Type headers declaring UTF-8 or ASCII, or a text part
 * with no charset, say `x-sniff-<charset>` instead, so that the second parse decodes those
 * parts with decodeBody; null when no such header exists. Only Content-Type header lines change.
 */
export function relabelUtf8Parts(raw: Buffer): Buffer | null {
  const source = raw.toString('latin1');
  const relabelled = source.replace(/^Content-Type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim, (field) => {
    if (/^Content-Type:\s*text\//i.test(field) && !/charset\s*=/i.test(field)) {
      return `${field}; charset=${SNIFF_PREFIX}us-ascii`;
    }
    return field.replace(/(charset\s*=\s*"?)(utf-?8|us-?ascii|ascii)\b/gi, `$1${SNIFF_PREFIX}$2`);
  });
  return relabelled === source ? null : Buffer.from(relabelled, 'latin1');
}
