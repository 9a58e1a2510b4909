import { InputError } from '../domain/errors';
import {
  type AttachmentLimits,
  attachmentRefusals,
  type FileFacts,
  fileRefusals,
  refusalMessage,
  SNIFF_BYTES,
  sanitiseFileName,
} from '../domain/mail/attachment-policy';
import type { StoredUpload, UploadStore } from '../ports/upload-store';

export type VerifiedUpload = { key: string; filename: string; size: number };

/**
 * The server's own check of browser uploads, after they are stored and before anything uses them:
 * each object must exist, and the set must pass the attachment policy on what S3 stored (its size,
 * its first bytes, the name fixed in the signed policy) — never on what the browser said. A file
 * refused for itself (a program, too big, empty) is deleted at once: nothing refused stays stored.
 * A refusal of the set only (too many, too big in all) deletes nothing: the user removes one and
 * sends again. Throws InputError with the French reasons.
 */
export async function verifyUploads(
  store: UploadStore,
  keys: readonly string[],
  limits: AttachmentLimits,
): Promise<VerifiedUpload[]> {
  if (keys.length > limits.maxFiles)
    throw new InputError(refusalMessage(attachmentRefusals(keys.map(countOnly), limits)), {
      hint: 'retirez des fichiers puis envoyez de nouveau',
    });
  const stored = await Promise.all(keys.map((key) => store.head(key)));
  const missing = keys.filter((_, i) => stored[i] === null);
  if (missing.length > 0)
    throw new InputError(
      `Pièces jointes introuvables (${missing.length}) : le téléversement a échoué ou a expiré.`,
      { hint: 'joignez de nouveau ces fichiers' },
    );
  const found = stored as StoredUpload[];
  const facts: FileFacts[] = await Promise.all(
    found.map(async (s) => ({
      filename: s.filename ?? lastSegment(s.key),
      size: s.size,
      firstBytes: s.size > 0 ? await store.firstBytes(s.key, SNIFF_BYTES) : new Uint8Array(),
    })),
  );
  const refusals = attachmentRefusals(facts, limits);
  if (refusals.length > 0) {
    const refusedKeys = found.filter((_, i) => fileRefusals(facts[i]!, limits).length > 0).map((s) => s.key);
    await Promise.all(refusedKeys.map((key) => store.delete(key)));
    throw new InputError(refusalMessage(refusals), {
      hint: 'retirez ou remplacez ces fichiers puis envoyez de nouveau',
    });
  }
  return found.map((s, i) => ({
    key: s.key,
    filename: sanitiseFileName(facts[i]!.filename),
    size: s.size,
  }));
}

function countOnly(key: string): FileFacts {
  return { filename: lastSegment(key), size: 1 };
}

function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
