import type { Agent } from '../domain/desk/agent';
import { InputError, NotFoundError } from '../domain/errors';
import {
  AGENT_REPLY_LIMITS,
  type AttachmentLimits,
  attachmentRefusals,
  formatSize,
  nameRefusal,
  refusalMessage,
  sanitiseFileName,
} from '../domain/mail/attachment-policy';
import type { OutboundAttachment } from '../domain/ticket/outbound-message';
import type { ReplyUploadRequest } from '../domain/ticket/reply-effects';
import { assertMayAct } from '../domain/ticket/ticket-actions';
import type { AgentTicketStore } from '../ports/agent-ticket-store';
import type { PresignedUpload, UploadStore } from '../ports/upload-store';
import { verifyUploads } from './verify-uploads';

/** Where agents' reply files are kept: in the mail bucket, under the ticket they were uploaded for. */
export type ReplyUploadDeps = {
  uploads: UploadStore;
  /** Key prefix of uploads in the bucket (`uploads/`): `<prefix><reference>/replies/<uploadId>`. */
  uploadsPrefix: string;
  limits?: AttachmentLimits;
  newId: () => string;
};

export type ReplyUploadAnswer = PresignedUpload & { uploadId: string; filename: string };

export function replyUploadKey(
  deps: Pick<ReplyUploadDeps, 'uploadsPrefix'>,
  reference: string,
  uploadId: string,
) {
  return `${deps.uploadsPrefix}${reference}/replies/${uploadId}`;
}

/**
 * A presigned POST for one file of an agent's reply on this ticket: the server chooses the key
 * (under the ticket, a fresh id), the size limit and the stored name; a name the policy refuses
 * (a program) is refused before any byte is sent. The stored object is checked again when the reply
 * is sent (verifyUploads): the size and the type the browser announced are only a first filter.
 */
export async function presignReplyUpload(
  reference: string,
  request: ReplyUploadRequest,
  agent: Agent,
  deps: ReplyUploadDeps & { store: Pick<AgentTicketStore, 'getTicket'> },
): Promise<ReplyUploadAnswer> {
  const ticket = await deps.store.getTicket(reference);
  if (!ticket) throw new NotFoundError(`ticket ${reference} does not exist`);
  assertMayAct(ticket, agent);
  const limits = deps.limits ?? AGENT_REPLY_LIMITS;
  const filename = sanitiseFileName(request.filename);
  const refused = nameRefusal(request.filename);
  if (refused) throw new InputError(`« ${filename} » refusé : ${refused}.`);
  const maxBytes = Math.min(
    limits.maxFileBytes ?? Number.MAX_SAFE_INTEGER,
    limits.maxTotalBytes ?? Number.MAX_SAFE_INTEGER,
  );
  if (request.size === 0) throw new InputError(`« ${filename} » refusé : le fichier est vide.`);
  if (request.size > maxBytes)
    throw new InputError(
      `« ${filename} » refusé : ${formatSize(request.size)}, ${formatSize(maxBytes)} au plus par fichier.`,
    );
  const uploadId = deps.newId();
  const presigned = await deps.uploads.presignPost({
    key: replyUploadKey(deps, reference, uploadId),
    maxBytes,
    filename,
  });
  return { ...presigned, uploadId, filename };
}

/**
 * The files of a reply, checked on what was stored (count, total, each type and size: the agent
 * limits) and read to be mailed. Only this ticket's uploads can be named: an id uploaded for another
 * ticket is not under this ticket's prefix, so it is "introuvable". A refused file is deleted.
 */
export async function loadReplyAttachments(
  reference: string,
  uploadIds: readonly string[],
  deps: ReplyUploadDeps,
): Promise<{ records: OutboundAttachment[]; files: Array<{ filename: string; content: Uint8Array }> }> {
  if (uploadIds.length === 0) return { records: [], files: [] };
  const keys = uploadIds.map((id) => replyUploadKey(deps, reference, id));
  const verified = await verifyUploads(deps.uploads, keys, deps.limits ?? AGENT_REPLY_LIMITS);
  const contents = await Promise.all(verified.map((v) => deps.uploads.read(v.key)));
  // A presigned form stays usable until it expires: the bytes read are judged again, not only the
  // ones sniffed a moment ago.
  const facts = verified.map((v, i) => ({
    filename: v.filename,
    size: contents[i]!.length,
    firstBytes: contents[i]!,
  }));
  const refusals = attachmentRefusals(facts, deps.limits ?? AGENT_REPLY_LIMITS);
  if (refusals.length > 0) throw new InputError(refusalMessage(refusals));
  return {
    records: verified.map((v, i) => ({
      uploadId: uploadIds[i]!,
      key: v.key,
      filename: v.filename,
      size: v.size,
    })),
    files: verified.map((v, i) => ({ filename: v.filename, content: contents[i]! })),
  };
}

/** The files of a message already recorded (a resend): read again from where they were kept. */
export async function reloadAttachments(
  records: readonly OutboundAttachment[],
  deps: Pick<ReplyUploadDeps, 'uploads'>,
): Promise<Array<{ filename: string; content: Uint8Array }>> {
  return Promise.all(
    records.map(async (r) => ({ filename: r.filename, content: await deps.uploads.read(r.key) })),
  );
}

/** A short-lived download link to a file mailed with a reply (the same rights as reading the ticket). */
export async function replyAttachmentLink(
  input: { reference: string; key: string; uploadId: string },
  deps: Pick<ReplyUploadDeps, 'uploads'> & { store: Pick<AgentTicketStore, 'getOutbound'> },
): Promise<{ url: string; expiresAt: string; filename: string }> {
  const message = await deps.store.getOutbound(input.reference, input.key);
  const file = message?.attachments.find((a) => a.uploadId === input.uploadId);
  if (!file)
    throw new NotFoundError(`no file ${input.uploadId} on the message ${input.key} of ${input.reference}`);
  const link = await deps.uploads.downloadLink({ key: file.key, filename: file.filename });
  return { ...link, filename: file.filename };
}
