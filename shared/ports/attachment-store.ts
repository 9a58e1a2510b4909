import type { Readable } from 'node:stream';

/** One attachment body to keep, at a content-addressed key (same bytes → same key → same object). */
export type AttachmentObject = {
  key: string;
  content: Buffer;
  contentType: string;
  /** The safe file name, for Content-Disposition when an agent downloads it. */
  filename: string;
  sha256: string;
};

/**
 * The same, with the body as a stream of exactly `size` bytes whose sha256 is known before it
 * flows (a large message's attachment read again from the raw mail): the store checks the bytes
 * against `sha256` end to end. A stream that fails or closes before its end fails the put.
 */
export type AttachmentStreamObject = Omit<AttachmentObject, 'content'> & { body: Readable; size: number };

/**
 * Attachment bodies, content-addressed under the desk the message came to, so that they can be
 * written before the ticket (and its reference) exists. Writes are idempotent, so a retry may repeat them.
 */
export interface AttachmentStore {
  /**
   * The key of an attachment: `<prefix><deskId>/<sha256>/<file name>`. Messages stored before this
   * layout keep theirs (`<prefix><reference>/…`): a message always says where its bodies are.
   */
  keyFor(deskId: string, sha256: string, filename: string): string;
  put(object: AttachmentObject): Promise<void>;
  /** As put, reading the body as it streams: the body is never held whole. */
  putStream(object: AttachmentStreamObject): Promise<void>;
}

/**
 * A file name reduced to what is safe in an object key and a URL: ASCII letters, digits, dot, dash,
 * underscore; accents lose their marks; never empty, never a dot-name, at most 100 characters.
 */
export function safeObjectName(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .replace(/_+/g, '_');
  const cut = ascii.length > 100 ? ascii.slice(ascii.length - 100) : ascii;
  return cut === '' ? 'attachment' : cut;
}
