import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type AttachmentStream, type HeaderLines, MailParser, type MessageText } from 'mailparser';
import { IntakeError } from '../../domain/errors';
import { tolerantIconv } from './tolerant-charset';

/** One MIME part that mailparser treats as an attachment, hashed while it streams past. */
export type CollectedAttachment = {
  filename: string | undefined;
  contentType: string;
  contentDisposition: string | undefined;
  cid: string | undefined;
  related: boolean;
  size: number;
  sha256: string;
  /** null when bodies were not kept (a large message, streamed later, or one over the attachment budget). */
  content: Buffer | null;
};

export type CollectedMessage = {
  headerLines: HeaderLines;
  text: string | undefined;
  html: string | undefined;
  attachments: CollectedAttachment[];
  /** Charset problems met while decoding text parts. */
  charsetNotes: string[];
};

export type CollectOptions = {
  keepAttachmentBodies: boolean;
  timeoutMs: number;
  /** The error to reject with when timeoutMs has passed. */
  onTimeout: () => IntakeError;
};

/** Feeding the parser in slices gives the event loop a turn between them, so the time budget can fire. */
const FEED_CHUNK_BYTES = 64 * 1024;

/**
 * Runs mailparser's streaming MailParser rather than simpleParser: simpleParser buffers every
 * attachment and cannot be stopped, while here an attachment over budget is hashed and dropped as
 * it streams, and a message over the time budget is destroyed, not left running in the background.
 * HTML is not converted to text here (skipHtmlToText): the adapter does it with its own options.
 */
export function collectMessage(raw: Buffer, options: CollectOptions): Promise<CollectedMessage> {
  return new Promise((resolve, reject) => {
    const charsetNotes: string[] = [];
    const parser = newMailParser(charsetNotes);
    const source = feed(raw);
    const collected: CollectedMessage = {
      headerLines: [],
      text: undefined,
      html: undefined,
      attachments: [],
      charsetNotes,
    };
    let settled = false;

    const finish = (error: IntakeError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        source.destroy();
        parser.destroy();
        reject(error);
      } else {
        resolve(collected);
      }
    };

    const timer = setTimeout(() => finish(options.onTimeout()), options.timeoutMs);

    parser.on('headers', () => {
      collected.headerLines = parser.headerLines || [];
    });
    parser.on('error', (cause: unknown) =>
      finish(
        new IntakeError('UNPARSEABLE', `the MIME structure cannot be parsed: ${describe(cause)}`, {
          hint: 'keep the raw message and have an agent open it',
          cause,
        }),
      ),
    );
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (data.type === 'text') {
        collected.text = data.text;
        collected.html = data.html;
        return;
      }
      readAttachment(data, options.keepAttachmentBodies, {
        done: (attachment) => collected.attachments.push(attachment),
        failed: (cause) =>
          finish(
            new IntakeError('UNPARSEABLE', `an attachment cannot be decoded: ${describe(cause)}`, { cause }),
          ),
      });
    });
    parser.on('end', () => finish(null));
    source.on('error', (cause: unknown) =>
      finish(new IntakeError('UNPARSEABLE', `the message cannot be read: ${describe(cause)}`, { cause })),
    );
    source.pipe(parser);
  });
}

/**
 * The one MailParser setup of this adapter: the first pass (collectMessage) and the second one over
 * the same bytes (streamAttachments) must see the same parts.
 */
export function newMailParser(charsetNotes: string[]): MailParser {
  return new MailParser({
    Iconv: tolerantIconv(charsetNotes),
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    // hashed by the callers instead, so that the digest is known when the part ends
    checksumAlgo: false,
  });
}

/** The raw bytes as a stream to pipe into the parser, in slices (see sliced). */
export function feed(raw: Buffer): Readable {
  return Readable.from(sliced(raw), { objectMode: false });
}

/** Stream callbacks run as microtasks; setImmediate between slices lets the timer phase run too. */
async function* sliced(raw: Buffer): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < raw.length; offset += FEED_CHUNK_BYTES) {
    yield raw.subarray(offset, offset + FEED_CHUNK_BYTES);
    await nextTurn();
  }
}

/**
 * Reads the attachment stream to its end (the parser waits for release()), keeping the bytes if
 * asked. Callbacks, not a promise: the result must be recorded before release() lets the parser end.
 */
function readAttachment(
  attachment: AttachmentStream,
  keepBody: boolean,
  on: { done: (attachment: CollectedAttachment) => void; failed: (cause: unknown) => void },
): void {
  const hash = createHash('sha256');
  let size = 0;
  let body = keepBody ? Buffer.allocUnsafe(64 * 1024) : null;
  attachment.content.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    if (body) {
      if (size + chunk.length > body.length) {
        const grown = Buffer.allocUnsafe(Math.max(body.length * 2, size + chunk.length));
        body.copy(grown, 0, 0, size);
        body = grown;
      }
      chunk.copy(body, size);
    }
    size += chunk.length;
  });
  attachment.content.on('error', on.failed);
  attachment.content.on('end', () => {
    on.done({
      filename: attachment.filename,
      contentType: attachment.contentType,
      contentDisposition: attachment.contentDisposition,
      cid: attachment.cid,
      related: attachment.related === true,
      size,
      sha256: hash.digest('hex'),
      content: body ? body.subarray(0, size) : null,
    });
    attachment.release?.();
  });
}

export function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
