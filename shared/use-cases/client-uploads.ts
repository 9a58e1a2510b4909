import { UploadRefusedError } from '../domain/client/client-errors';
import { isDeliveredToClient, isPublicClientMessage } from '../domain/client/client-view';
import { InputError, NotFoundError } from '../domain/errors';
import {
  attachmentRefusals,
  CLIENT_UPLOAD_LIMITS,
  formatSize,
  nameRefusal,
  refusalMessage,
  sanitiseFileName,
} from '../domain/mail/attachment-policy';
import type { ClientSession } from '../ports/client-access-store';
import type { UploadStore } from '../ports/upload-store';
import { type ClientPortalDeps, ticketOfSession } from './client-portal';
import { verifyUploads } from './verify-uploads';

/**
 * The client portal's files (docs/client-portal.md, "Files"): the shared upload module (presigned
 * POST under a key the server fixes, checked again on what S3 stored) with the client limits.
 */
export type ClientUploadDeps = {
  uploads: UploadStore;
  /** `uploads/`: a client's file is `<prefix><reference>/client/<uploadId>`. */
  uploadsPrefix: string;
  newUploadId: () => string;
};

export function clientUploadKey(prefix: string, reference: string, uploadId: string): string {
  return `${prefix}${reference}/client/${uploadId}`;
}

/** A presigned POST for one file of a client's message on a ticket the session may see. */
export async function presignClientUpload(
  session: ClientSession,
  reference: string,
  request: { name: string; size: number },
  deps: Pick<ClientPortalDeps, 'tickets' | 'log'> & ClientUploadDeps,
): Promise<{ uploadId: string; url: string; fields: Record<string, string> }> {
  const { ticket } = await ticketOfSession(session, reference, deps);
  const filename = sanitiseFileName(request.name);
  const refused = nameRefusal(request.name);
  if (refused) throw new UploadRefusedError(`« ${filename} » refusé : ${refused}.`);
  const maxBytes = CLIENT_UPLOAD_LIMITS.maxFileBytes ?? Number.MAX_SAFE_INTEGER;
  if (request.size > maxBytes)
    throw new UploadRefusedError(
      `« ${filename} » refusé : ${formatSize(request.size)}, ${formatSize(maxBytes)} au plus par fichier.`,
    );
  const uploadId = deps.newUploadId();
  const presigned = await deps.uploads.presignPost({
    key: clientUploadKey(deps.uploadsPrefix, ticket.reference, uploadId),
    maxBytes,
    filename,
  });
  return { uploadId, url: presigned.url, fields: presigned.fields };
}

/**
 * The files a client names for a message, verified on what was stored (a refused file is deleted)
 * and read to be attached to the message's mail. An id uploaded for another ticket is not under this
 * ticket's prefix: "introuvable". Every refusal is an UploadRefusedError (400, French).
 */
export async function loadClientUploads(
  reference: string,
  uploadIds: readonly string[],
  deps: ClientUploadDeps,
): Promise<{ keys: string[]; files: Array<{ filename: string; content: Uint8Array }> }> {
  if (uploadIds.length === 0) return { keys: [], files: [] };
  const keys = uploadIds.map((id) => clientUploadKey(deps.uploadsPrefix, reference, id));
  try {
    const verified = await verifyUploads(deps.uploads, keys, CLIENT_UPLOAD_LIMITS);
    const contents = await Promise.all(verified.map((v) => deps.uploads.read(v.key)));
    // The form stays usable until it expires: the bytes read are judged again.
    const refusals = attachmentRefusals(
      verified.map((v, i) => ({ filename: v.filename, size: contents[i]!.length, firstBytes: contents[i]! })),
      CLIENT_UPLOAD_LIMITS,
    );
    if (refusals.length > 0) {
      await Promise.all(keys.map((key) => deps.uploads.delete(key)));
      throw new InputError(refusalMessage(refusals));
    }
    return { keys, files: verified.map((v, i) => ({ filename: v.filename, content: contents[i]! })) };
  } catch (err) {
    if (err instanceof InputError) throw new UploadRefusedError(err.message, { hint: err.hint });
    throw err;
  }
}

/**
 * A short-lived download (Content-Disposition: attachment) of a file of a public client message of a
 * ticket the session may see. Anything else is the same refusal as an invalid link.
 */
export async function clientAttachmentLink(
  session: ClientSession,
  reference: string,
  attachmentId: string,
  deps: Pick<ClientPortalDeps, 'tickets' | 'log'> & { downloads: Pick<UploadStore, 'downloadLink'> },
): Promise<string> {
  const view = await ticketOfSession(session, reference, deps);
  const file =
    view.messages
      .filter(isPublicClientMessage)
      .flatMap((m) => m.attachments)
      .find((a) => !a.inline && a.sha256 === attachmentId) ??
    view.outbound
      .filter(isDeliveredToClient)
      .flatMap((o) => o.attachments)
      .find((a) => a.uploadId === attachmentId);
  if (!file) throw new NotFoundError(`no attachment ${attachmentId} on ${reference}`);
  const link = await deps.downloads.downloadLink({ key: file.key, filename: file.filename });
  return link.url;
}
