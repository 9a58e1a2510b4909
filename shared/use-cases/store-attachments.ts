import { IntakeError } from '../domain/errors';
import type { StoredAttachment, TicketMessage } from '../domain/ticket/ticket';
import type { AttachmentStore } from '../ports/attachment-store';
import type { MailParser, ParsedMessage } from '../ports/mail-parser';
import type { TicketStore } from '../ports/ticket-store';

const ATTACHMENT_PUT_CONCURRENCY = 4;

/** The message as parsed and the raw bytes it was parsed from (a large message's bodies are read from them again). */
export type AttachmentSource = { parsed: ParsedMessage; raw: Uint8Array };

export type AttachmentDeps = {
  attachments: AttachmentStore;
  parser: Pick<MailParser, 'streamAttachments'>;
};

/**
 * Writes the attachment bodies at their keys, before the message is committed: keys are
 * content-addressed under the desk (no reference needed), so the message is committed with
 * `attachmentsStored` already true and nothing is written to the table afterwards. Puts are
 * idempotent: a retry, or a concurrent duplicate, writes the same objects again. False when a body
 * is missing (the raw mail still holds it) or the bodies were not extracted (over the size limit).
 */
export async function putAttachments(
  attachments: readonly StoredAttachment[],
  source: AttachmentSource,
  deps: AttachmentDeps,
): Promise<boolean> {
  if (attachments.length === 0) return true;
  switch (source.parsed.bodies) {
    case 'skipped':
      return false;
    case 'streamed':
      return putStreamed(attachments, source, deps);
    case 'in-memory':
      return putInMemory(attachments, source.parsed, deps);
  }
}

async function putInMemory(
  attachments: readonly StoredAttachment[],
  parsed: ParsedMessage,
  deps: AttachmentDeps,
): Promise<boolean> {
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
 * A large message: one more pass over the raw bytes hands each body, one at a time, straight to
 * its upload. Sequential on purpose: the bodies are large, and one in flight is the memory bound.
 * Each key is written from one part of the message with the same sha256 (same bytes).
 */
async function putStreamed(
  attachments: readonly StoredAttachment[],
  { parsed, raw }: AttachmentSource,
  deps: AttachmentDeps,
): Promise<boolean> {
  const parts = parsed.email.attachments;
  const targets = new Map<number, StoredAttachment>();
  const keys = new Set<string>();
  let missing = 0;
  for (const attachment of attachments) {
    if (keys.has(attachment.key)) continue;
    keys.add(attachment.key);
    const index = parts.findIndex((part, i) => part.sha256 === attachment.sha256 && !targets.has(i));
    if (index < 0) missing++;
    else targets.set(index, attachment);
  }
  if (targets.size === 0) return missing === 0;
  try {
    await deps.parser.streamAttachments(
      raw,
      parts,
      async (index, body) => {
        const target = targets.get(index)!;
        await deps.attachments.putStream({
          key: target.key,
          body,
          size: target.size,
          contentType: target.contentType,
          filename: target.filename,
          sha256: target.sha256,
        });
      },
      (index) => targets.has(index),
    );
  } catch (err) {
    // The second pass did not give the bytes the first one hashed (never seen: mailparser is
    // deterministic). The mismatching body was never completed in S3; the ticket must not wait for
    // it: it is committed with its attachments in the raw mail only, like a body that is missing.
    if (err instanceof IntakeError && err.code === 'ATTACHMENT_MISMATCH') return false;
    throw err;
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
  source: AttachmentSource,
  deps: AttachmentDeps & { tickets: Pick<TicketStore, 'markAttachmentsStored'> },
): Promise<void> {
  // Over the size limit the bodies were not extracted: they stay in the raw mail only.
  if (message.attachmentsStored || message.attachmentsSkipped) return;
  if (await putAttachments(message.attachments, source, deps)) {
    await deps.tickets.markAttachmentsStored(message.reference, message.id);
  }
}
