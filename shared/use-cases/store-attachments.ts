import type { StoredAttachment, TicketMessage } from '../domain/ticket';
import type { AttachmentStore } from '../ports/attachment-store';
import type { ParsedMessage } from '../ports/mail-parser';
import type { TicketStore } from '../ports/ticket-store';

const ATTACHMENT_PUT_CONCURRENCY = 4;

/**
 * Writes the attachment bodies at their keys, before the message is committed: keys are
 * content-addressed under the desk (no reference needed), so the message is committed with
 * `attachmentsStored` already true and nothing is written to the table afterwards. Puts are
 * idempotent: a retry, or a concurrent duplicate, writes the same objects again. False when a body
 * is missing (the raw mail still holds it) or the bodies were not extracted (over the size limit).
 */
export async function putAttachments(
  attachments: readonly StoredAttachment[],
  parsed: ParsedMessage,
  deps: { attachments: AttachmentStore },
): Promise<boolean> {
  if (attachments.length === 0) return true;
  if (parsed.attachmentsSkipped) return false;
  const bodies = new Map(parsed.attachments.map((a) => [a.meta.sha256, a.content]));
  const unique = [...new Map(attachments.map((a) => [a.key, a])).values()];
  let missing = 0;
  for (let i = 0; i < unique.length; i += ATTACHMENT_PUT_CONCURRENCY) {
    await Promise.all(
      unique.slice(i, i + ATTACHMENT_PUT_CONCURRENCY).map(async (attachment) => {
        const content = bodies.get(attachment.sha256);
        if (!content) {
          missing++;
          return;
        }
        await deps.attachments.put({
          key: attachment.key,
          content,
          contentType: attachment.contentType,
          filename: attachment.filename,
          sha256: attachment.sha256,
        });
      }),
    );
  }
  return missing === 0;
}

/**
 * Completes a committed message whose attachments are not all stored (a body was missing when it was
 * committed, or it was committed before bodies were written ahead of the commit): writes them again
 * and marks the message.
 */
export async function storeAttachments(
  message: TicketMessage,
  parsed: ParsedMessage,
  deps: { attachments: AttachmentStore; tickets: Pick<TicketStore, 'markAttachmentsStored'> },
): Promise<void> {
  // Over the size limit the bodies were not extracted: they stay in the raw mail only.
  if (message.attachmentsStored || message.attachmentsSkipped) return;
  if (await putAttachments(message.attachments, parsed, deps)) {
    await deps.tickets.markAttachmentsStored(message.reference, message.id);
  }
}
