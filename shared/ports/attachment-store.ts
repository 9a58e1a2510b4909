/** One attachment body to keep, at a content-addressed key (same bytes → same key → same object). */
export type AttachmentObject = {
  key: string;
  content: Buffer;
  contentType: string;
  /** The safe file name, for Content-Disposition when an agent downloads it. */
  filename: string;
  sha256: string;
};

/** Attachment bodies, kept under their ticket. Writes are idempotent, so a retry may repeat them. */
export interface AttachmentStore {
  /** The key of an attachment of a ticket: `<prefix><reference>/<sha256>/<file name>`. */
  keyFor(reference: string, sha256: string, filename: string): string;
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
