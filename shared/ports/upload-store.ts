/**
 * Browser uploads straight to object storage (S3 presigned POST): the API never carries file bodies.
 * The server fixes everything that matters in the signed policy (the object key, the maximum size,
 * the stored file name, a short expiry); the browser only chooses the bytes. Because a local emulator
 * does not enforce that policy and a browser may lie about names and types, the server checks every
 * stored object again (head + first bytes, attachment-policy.ts) before using it, and deletes what fails.
 */

export type PresignedUpload = {
  /** Where the browser POSTs its multipart form. */
  url: string;
  /** The form fields to send first, as they are; the file goes last, in the field `file`. */
  fields: Record<string, string>;
  /** The object key the server chose. */
  key: string;
  /** The largest body S3 accepts for this form (the policy's `content-length-range`). */
  maxBytes: number;
  expiresAt: string;
};

export type PresignUploadInput = {
  /** Chosen by the server, never by the browser (no `${filename}`, no prefix condition). */
  key: string;
  /** Inclusive upper bound of the body, in bytes. */
  maxBytes: number;
  /** The sanitised file name, kept as object metadata (`x-amz-meta-filename`, percent-encoded). */
  filename: string;
  /** Seconds the form stays valid; default 300. */
  expiresInSeconds?: number;
};

export type StoredUpload = {
  key: string;
  /** What S3 stored, not what the browser announced. */
  size: number;
  /** The name fixed in the policy (decoded), or null when the object has none. */
  filename: string | null;
  contentType: string | null;
};

export interface UploadStore {
  presignPost(input: PresignUploadInput): Promise<PresignedUpload>;
  /** null when there is no such object (never uploaded, expired, deleted). */
  head(key: string): Promise<StoredUpload | null>;
  /** The first `count` bytes (fewer if the object is shorter). */
  firstBytes(key: string, count: number): Promise<Uint8Array>;
  /** The whole body (to attach it to a mail: bounded by the policy's limits). */
  read(key: string): Promise<Uint8Array>;
  /** Idempotent: deleting a missing object is fine. */
  delete(key: string): Promise<void>;
  /** A short-lived GET that downloads under `filename` (Content-Disposition: attachment), never renders. */
  downloadLink(input: { key: string; filename: string }): Promise<{ url: string; expiresAt: string }>;
}
