import libmime from 'libmime';
import type { AttachmentMeta } from '../../domain/mail/inbound-email';
import type { CollectedAttachment } from './collect-message';

const MAX_FILENAME_CHARS = 200;
/** Content-IDs and types are short in real mail; longer ones only bloat the ticket message item. */
export const MAX_CONTENT_ID_CHARS = 250;
const MAX_CONTENT_TYPE_CHARS = 200;

/**
 * A file name that is safe to store and to offer for download: the message's name without any
 * directory part, control or reserved characters; `attachment-N.ext` when nothing usable is left.
 */
export function safeFilename(name: string | undefined, index: number, contentType: string): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^\.+/, '');
  if (cleaned) return truncateKeepingExtension(cleaned);
  const extension = libmime.detectExtension(contentType) || 'bin';
  return `attachment-${index + 1}.${extension}`;
}

function truncateKeepingExtension(name: string): string {
  if (name.length <= MAX_FILENAME_CHARS) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, MAX_FILENAME_CHARS - extension.length) + extension;
}

export function attachmentMeta(attachment: CollectedAttachment, index: number): AttachmentMeta {
  const declared = attachment.contentType.toLowerCase();
  const contentType = declared.length <= MAX_CONTENT_TYPE_CHARS ? declared : 'application/octet-stream';
  const cid = attachment.cid ? attachment.cid.replace(/^<|>$/g, '') : null;
  return {
    filename: safeFilename(attachment.filename, index, contentType),
    contentType,
    size: attachment.size,
    sha256: attachment.sha256,
    // An over-long id cannot be matched usefully by the HTML's cid: links: the part shows as a file.
    contentId: cid && cid.length <= MAX_CONTENT_ID_CHARS ? cid : null,
    inline: attachment.contentDisposition === 'inline' || attachment.related,
  };
}
