import type { Receipt } from '../domain/mail/receipt';

/**
 * Where raw RFC 5322 messages live: SES writes them there before it invokes the intake (key = prefix
 * + SES messageId); the SMTP listener and the CLI write them through `put`. The raw mail is the
 * source of truth: it is kept whatever becomes of the message.
 */
export interface RawMailStore {
  /** The key of a delivery's raw message (SES: prefix + messageId; other channels under their name). */
  keyFor(delivery: Pick<Receipt, 'channel' | 'deliveryId'>): string;
  /** Throws NotFoundError when absent, TransientError when the store failed in a retryable way. */
  get(key: string): Promise<Uint8Array>;
  /** Idempotent: writing the same key again with the same bytes changes nothing. */
  put(key: string, raw: Uint8Array): Promise<void>;
  /** A location a human can paste (s3://bucket/key). */
  describe(key: string): string;
}
