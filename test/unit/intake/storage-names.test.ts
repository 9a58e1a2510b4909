import { describe, expect, it } from 'vitest';
import type { TicketMessage } from '../../../shared/domain/ticket/ticket';
import { safeObjectName } from '../../../shared/ports/attachment-store';
import { cutUtf8, fitItemBudget, MESSAGE_ITEM_BUDGET_BYTES } from '../../../shared/use-cases/intake-records';

describe('Function: safeObjectName', () => {
  it('keeps a plain name and strips accents, spaces and path parts from a hostile one', () => {
    expect(safeObjectName('rapport-2026.pdf')).toBe('rapport-2026.pdf');
    expect(safeObjectName('facture été 2026.pdf')).toBe('facture_ete_2026.pdf');
    expect(safeObjectName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeObjectName('...')).toBe('attachment');
  });

  it('keeps the end (the extension) of a very long name', () => {
    const name = safeObjectName(`${'a'.repeat(300)}.xlsx`);
    expect(name).toHaveLength(100);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});

describe('Function: cutUtf8', () => {
  it('leaves a string that fits, and cuts one that does not on a character boundary', () => {
    expect(cutUtf8('abc', 3)).toEqual({ value: 'abc', cut: false });
    // "é" is two bytes: 4 bytes leave "ab" + "é", 3 bytes cannot hold half of it.
    expect(cutUtf8('abéc', 4)).toEqual({ value: 'abé', cut: true });
    expect(cutUtf8('abéc', 3)).toEqual({ value: 'ab', cut: true });
  });
});

describe('Function: fitItemBudget', () => {
  const message = (over: Partial<TicketMessage>): TicketMessage => ({
    id: '2026-11-30T06:00:00.000Z#ses-1',
    reference: 'EXO-2026-000001',
    messageId: '<a@b>',
    kind: 'initial',
    deskId: 'reunion',
    channel: 'ses',
    deliveryId: '1',
    receivedAt: '2026-11-30T06:00:00.000Z',
    from: null,
    replyTo: [],
    to: [],
    cc: [],
    subject: 's',
    date: null,
    inReplyTo: [],
    references: [],
    text: 't',
    newText: 'n',
    html: null,
    bodyTruncated: false,
    language: 'fr',
    automated: null,
    verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' },
    dmarcPolicy: null,
    attachments: [],
    attachmentsSkipped: false,
    attachmentsStored: true,
    rawKey: 'inbound/1',
    sizeBytes: 1,
    warnings: [],
    ...over,
  });
  const bytes = (m: TicketMessage) => Buffer.byteLength(JSON.stringify(m));

  it('leaves a message within the budget as it is', () => {
    const small = message({});
    expect(fitItemBudget(small)).toBe(small);
  });

  it('cuts the bodies of a message over budget, escapes and all, keeping the new text first', () => {
    // Quotes and newlines double in JSON: the worst case for a cut measured on the raw text.
    const text = '"\n'.repeat(96 * 1024);
    const fitted = fitItemBudget(
      message({
        subject: 'é'.repeat(1000),
        text,
        newText: 'Bonjour '.repeat(4000),
        html: 'x'.repeat(160 * 1024),
      }),
    );
    expect(bytes(fitted)).toBeLessThanOrEqual(MESSAGE_ITEM_BUDGET_BYTES);
    expect(fitted.newText).toBe('Bonjour '.repeat(4000));
    expect(fitted.bodyTruncated).toBe(true);
  });
});
