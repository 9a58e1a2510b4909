import { describe, expect, it } from 'vitest';
import { MailparserMailParser } from '../../../shared/adapters/mailparser-mail-parser';
import { IntakeError, TransientError } from '../../../shared/domain/errors';
import type { StoredAttachment } from '../../../shared/domain/ticket/ticket';
import type { AttachmentObject, AttachmentStore } from '../../../shared/ports/attachment-store';
import { putAttachments } from '../../../shared/use-cases/store-attachments';
import { emlFixture } from '../parser/eml-fixture';

const raw = emlFixture('apple-mail-attachments-inline.eml');

/** The fixture parsed as a large message (bodies left for the streaming pass). */
async function streamedSource() {
  const parsed = await new MailparserMailParser().parse(raw, { streamAttachmentsOverBytes: 1 });
  const attachments: StoredAttachment[] = parsed.email.attachments.map((meta) => ({
    ...meta,
    key: `attachments/reunion/${meta.sha256}/${meta.filename}`,
  }));
  return { parsed, attachments };
}

function recordingStore(): AttachmentStore & { written: string[] } {
  const written: string[] = [];
  return {
    written,
    keyFor: (desk, sha, name) => `attachments/${desk}/${sha}/${name}`,
    put: async (o: AttachmentObject) => {
      written.push(o.key);
    },
    putStream: async (o) => {
      o.body.resume();
      written.push(o.key);
    },
  };
}

describe('putAttachments of a large message (streamed bodies)', () => {
  it('writes every body through the second pass and says all are stored', async () => {
    const { parsed, attachments } = await streamedSource();
    expect(parsed.bodies).toBe('streamed');
    expect(attachments.length).toBeGreaterThan(0);
    const store = recordingStore();

    const stored = await putAttachments(
      attachments,
      { parsed, raw },
      { attachments: store, parser: new MailparserMailParser() },
    );

    expect(stored).toBe(true);
    expect(store.written.sort()).toEqual([...new Set(attachments.map((a) => a.key))].sort());
  });

  it('leaves the bodies in the raw mail, without failing the message, when the second pass disagrees', async () => {
    const { parsed, attachments } = await streamedSource();
    const store = recordingStore();
    const disagreeing = {
      streamAttachments: async () => {
        throw new IntakeError('ATTACHMENT_MISMATCH', 'attachment 1 is 10 bytes, the first pass said 12');
      },
    };

    const stored = await putAttachments(
      attachments,
      { parsed, raw },
      { attachments: store, parser: disagreeing },
    );

    expect(stored).toBe(false);
    expect(store.written).toEqual([]);
  });

  it('lets a transient failure through, so that the delivery is retried', async () => {
    const { parsed, attachments } = await streamedSource();
    const failing = {
      streamAttachments: async () => {
        throw new TransientError('S3 SlowDown', {});
      },
    };

    await expect(
      putAttachments(attachments, { parsed, raw }, { attachments: recordingStore(), parser: failing }),
    ).rejects.toBeInstanceOf(TransientError);
  });
});
