import libmime from 'libmime';
import type { AttachmentMeta } from '../../domain/mail/inbound-email';
import type { CollectedAttachment } from './collect-message';

const MAX_FILENAME_CHARS = 200;

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
  const contentType = attachment.contentType.toLowerCase();
  return {
    filename: safeFilename(attachment.filename, index, contentType),
    contentType,
    size: attachment.size,
    sha256: attachment.sha256,
    contentId: attachment.cid ? attachment.cid.replace(/^<|>$/g, '') : null,
    inline: attachment.contentDisposition === 'inline' || attachment.related,
  };
}
