import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { AttachmentStream, MessageText } from 'mailparser';
import { IntakeError } from '../../domain/errors';
import type { AttachmentMeta } from '../../domain/mail/inbound-email';
import type { AttachmentBodyConsumer } from '../../ports/mail-parser';
import { describe, feed, newMailParser } from './collect-message';

type Expected = Pick<AttachmentMeta, 'size' | 'sha256'>;

/**
 * The second pass of a large message (MailParser.streamAttachments): the same parser setup over the
 * same bytes as the first, each attachment's decoded content handed to `each` while mailparser
 * waits for release(), which is called only once the body has been read to its end. So one body at
 * a time is in flight, and it flows at the consumer's pace from the raw bytes to the consumer.
 */
export function streamAttachmentBodies(
  raw: Buffer,
  expected: readonly Expected[],
  each: AttachmentBodyConsumer,
  wanted: (index: number) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Text parts are decoded again and dropped: the first pass kept what the message needs.
    const parser = newMailParser([]);
    const source = feed(raw);
    let count = 0;
    let current: CheckedBody | null = null;
    // The parser may end while the last body is still with the consumer: the end waits for it.
    let inFlight: Promise<void> = Promise.resolve();
    let settled = false;

    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      if (error === null) {
        resolve();
        return;
      }
      // Destroying the body in flight tells its consumer (an S3 upload aborts on it) to stop.
      current?.destroy(error instanceof Error ? error : new Error(String(error)));
      source.destroy();
      parser.destroy();
      reject(error);
    };

    parser.on('error', (cause: unknown) =>
      finish(
        new IntakeError('UNPARSEABLE', `the MIME structure cannot be parsed again: ${describe(cause)}`, {
          hint: 'the first pass read it: keep the raw message and report it as a parser fixture',
          cause,
        }),
      ),
    );
    source.on('error', (cause: unknown) =>
      finish(
        new IntakeError('UNPARSEABLE', `the message cannot be read again: ${describe(cause)}`, { cause }),
      ),
    );
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (data.type !== 'attachment' || settled) return;
      const index = count++;
      const want = expected[index];
      if (!want) {
        finish(mismatch(`the second pass finds more than the ${expected.length} attachments of the first`));
        return;
      }
      const body = new CheckedBody(index, want);
      // Its failure is read by hand() (finished) and body.mismatch: not an uncaught 'error' while piped.
      body.on('error', () => {});
      current = body;
      data.content.on('error', (cause: Error) => body.destroy(cause));
      data.content.pipe(body);
      inFlight = hand(index, body).then(
        () => {
          current = null;
          data.release?.();
        },
        (error: unknown) => finish(body.mismatch ?? error),
      );
    });
    parser.on('end', () => {
      void inFlight.then(() =>
        finish(
          count === expected.length
            ? null
            : mismatch(`the second pass finds ${count} attachments, the first ${expected.length}`),
        ),
      );
    });
    source.pipe(parser);

    async function hand(index: number, body: CheckedBody): Promise<void> {
      if (wanted(index)) await each(index, body);
      // Not wanted, or left unread by the consumer: drained (and checked), or the parser waits forever.
      if (!body.readableEnded) body.resume();
      await finished(body);
    }
  });
}

/**
 * Passes the body on while hashing it, holding back its last chunk until size and sha256 are known
 * to match the first pass: a body that differs never reaches its consumer whole (an upload with the
 * first pass's Content-Length stays short and is aborted), and fails with ATTACHMENT_MISMATCH.
 */
class CheckedBody extends Transform {
  mismatch: IntakeError | null = null;
  private readonly hash = createHash('sha256');
  private size = 0;
  private held: Buffer | null = null;

  constructor(
    private readonly index: number,
    private readonly expected: Expected,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.size > this.expected.size) {
      done(this.fail(`over ${this.expected.size} bytes`));
      return;
    }
    const previous = this.held;
    this.held = chunk;
    done(null, previous ?? undefined);
  }

  override _flush(done: TransformCallback): void {
    const sha256 = this.hash.digest('hex');
    if (this.size !== this.expected.size || sha256 !== this.expected.sha256) {
      done(this.fail(`${this.size} bytes with sha256 ${sha256}`));
      return;
    }
    done(null, this.held ?? undefined);
  }

  private fail(found: string): IntakeError {
    this.mismatch = mismatch(
      `attachment ${this.index + 1} read again is ${found}; the first pass saw ${this.expected.size} bytes with sha256 ${this.expected.sha256}`,
    );
    return this.mismatch;
  }
}

function mismatch(message: string): IntakeError {
  return new IntakeError('ATTACHMENT_MISMATCH', message, {
    hint: 'the two passes over the raw message disagree: keep it, report it as a parser fixture; its bodies stay in the raw mail',
  });
}
