import type { TicketMessage } from '../domain/ticket';
import type { AttachmentStore } from '../ports/attachment-store';
import type { ParsedMessage } from '../ports/mail-parser';
import type { TicketStore } from '../ports/ticket-store';

const ATTACHMENT_PUT_CONCURRENCY = 4;

/**
 * Attachment bodies go under the ticket after the commit (the key needs the reference). Puts are
 * idempotent, so a run that finds them not yet marked stored simply writes them again.
 */
export async function storeAttachments(
  message: TicketMessage,
  parsed: ParsedMessage,
  deps: { attachments: AttachmentStore; tickets: Pick<TicketStore, 'markAttachmentsStored'> },
): Promise<void> {
  // Over the size limit the bodies were not extracted: they stay in the raw mail only.
  if (message.attachmentsStored || message.attachmentsSkipped) return;
  const bodies = new Map(parsed.attachments.map((a) => [a.meta.sha256, a.content]));
  const unique = [...new Map(message.attachments.map((a) => [a.key, a])).values()];
  let missing = 0;
  for (let i = 0; i < unique.length; i += ATTACHMENT_PUT_CONCURRENCY) {
    await Promise.all(
      unique.slice(i, i + ATTACHMENT_PUT_CONCURRENCY).map(async (attachment) => {
        const content = bodies.get(attachment.sha256);
        if (!content) {
          missing++; // parsed differently this time: left unmarked, the raw mail still holds it
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
  if (missing === 0) await deps.tickets.markAttachmentsStored(message.reference, message.id);
}
