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
