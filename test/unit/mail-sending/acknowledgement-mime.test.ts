import { type AddressObject, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMime } from '../../../shared/adapters/mime/acknowledgement-mime';
import { buildAcknowledgement } from '../../../shared/domain/acknowledgement/acknowledgement';
import { acknowledgementMail } from '../../../shared/domain/acknowledgement/acknowledgement-mail';
import { InputError } from '../../../shared/domain/errors';
import type { OutboundMail } from '../../../shared/domain/mail/outbound-mail';
import { MailRejectedError } from '../../../shared/ports/mail-sender-errors';
import { ackInput, desk } from '../acknowledgement/support';

const DATE = new Date('2026-11-27T19:50:30Z');

function outbound(overrides: Partial<OutboundMail> = {}): OutboundMail {
  const content = buildAcknowledgement(ackInput());
  return {
    ...acknowledgementMail({
      reference: 'EXO-2026-000123',
      desk: desk('reunion'),
      requester: { name: 'Marie Payet', address: 'Marie.Payet@client.re' },
      inbound: { messageId: '<msg-42@client.re>', references: ['<root@client.re>', '<msg-41@client.re>'] },
      content,
    }),
    ...overrides,
  };
}

function addresses(value: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value);
}

describe('Function: composeMime', () => {
  describe('an acknowledgement', async () => {
    const mail = outbound();
    const raw = await composeMime(mail, { date: DATE });
    const parsed = await simpleParser(raw);

    it('comes from the desk, with its display name, and Reply-To the desk', () => {
      expect(addresses(parsed.from)).toEqual([
        { name: 'Service Desk Exodata – La Réunion', address: 'reunion@exodata.fr' },
      ]);
      expect(addresses(parsed.replyTo)).toEqual([{ name: '', address: 'reunion@exodata.fr' }]);
    });

    it('goes to the requester only', () => {
      expect(addresses(parsed.to)).toEqual([{ name: 'Marie Payet', address: 'marie.payet@client.re' }]);
      expect(parsed.cc).toBeUndefined();
      expect(parsed.bcc).toBeUndefined();
    });

    it('carries the tagged subject', () => {
      expect(parsed.subject).toBe('[EXO-2026-000123] Serveur de fichiers inaccessible');
    });

    it("threads on the client's message: In-Reply-To its Message-ID, References its References then it", () => {
      expect(parsed.inReplyTo).toBe('<msg-42@client.re>');
      expect(parsed.references).toEqual(['<root@client.re>', '<msg-41@client.re>', '<msg-42@client.re>']);
    });

    it('is marked as an automatic reply with our loop header', () => {
      expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
      expect(parsed.headers.get('x-auto-response-suppress')).toBe('All');
      expect(parsed.headers.get('x-exodata-loop')).toBe('EXO-2026-000123');
    });

    it('is multipart/alternative with the text then the HTML, in UTF-8', () => {
      const contentType = parsed.headers.get('content-type') as { value: string };
      expect(contentType.value).toBe('multipart/alternative');
      expect(parsed.text).toBe(mail.text);
      expect(parsed.html).toBe(mail.html);
      const head = raw.toString('latin1');
      expect(head.indexOf('Content-Type: text/plain; charset=utf-8')).toBeLessThan(
        head.indexOf('Content-Type: text/html; charset=utf-8'),
      );
    });

    it('has a stable Message-ID and the given Date, and CRLF line ends', () => {
      expect(parsed.messageId).toBe('<EXO-2026-000123.acknowledgement@exodata.fr>');
      expect(parsed.date?.toISOString()).toBe('2026-11-27T19:50:30.000Z');
      expect(raw.toString('latin1')).not.toMatch(/[^\r]\n/);
    });

    it('keeps every line within the SMTP limit', () => {
      for (const line of raw.toString('latin1').split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    });
  });

  describe('header injection', () => {
    const hostile = '\r\nBcc: victim@evil.example\r\nX-Injected: yes';

    it('keeps every hostile value on its own header when the name, subject and extra header carry CR/LF', async () => {
      const raw = await composeMime(
        outbound({
          from: { name: `Desk${hostile}`, address: 'reunion@exodata.fr' },
          to: { name: `Eve${hostile}`, address: 'eve@client.re' },
          subject: `[EXO-2026-000123] Hello${hostile}`,
          headers: { 'X-Exodata-Loop': `EXO-2026-000123${hostile}` },
        }),
      );
      const text = raw.toString('latin1');
      expect(text).not.toMatch(/^bcc:/im);
      expect(text).not.toMatch(/^x-injected:/im);
      const parsed = await simpleParser(raw);
      expect(parsed.bcc).toBeUndefined();
      expect(parsed.headers.has('x-injected')).toBe(false);
      expect(addresses(parsed.to)).toEqual([
        { name: 'Eve Bcc: victim@evil.example X-Injected: yes', address: 'eve@client.re' },
      ]);
      expect(parsed.subject).toBe('[EXO-2026-000123] Hello Bcc: victim@evil.example X-Injected: yes');
      expect(parsed.headers.get('x-exodata-loop')).toBe(
        'EXO-2026-000123 Bcc: victim@evil.example X-Injected: yes',
      );
    });

    it('drops a hostile Message-ID from In-Reply-To and References', async () => {
      const parsed = await simpleParser(
        await composeMime(
          outbound({
            inReplyTo: `<a@b>${hostile}`,
            references: [`<c@d>${hostile}`, 'no-brackets@x', '<e@f>'],
          }),
        ),
      );
      expect(parsed.headers.has('in-reply-to')).toBe(false);
      expect(parsed.references).toBe('<e@f>');
      expect(parsed.bcc).toBeUndefined();
    });

    it('throws a MailRejectedError when the recipient is not one plain address', async () => {
      for (const address of [
        'eve@client.re\r\nBcc: victim@evil.example',
        'eve@client.re, victim@evil.example',
        'eve',
      ])
        await expect(composeMime(outbound({ to: { name: 'Eve', address } }))).rejects.toSatisfy(
          (e) => e instanceof MailRejectedError && e.reason === 'invalid-message',
        );
    });

    it('writes the domain in punycode when the requester address has an accented domain', async () => {
      const raw = await composeMime(outbound({ to: { name: 'Zoé', address: " O'Brien+ticket@Café.fr " } }));
      expect(raw.toString('latin1')).toMatch(/^To: .*<o'brien\+ticket@xn--caf-dma\.fr>$/m);
      // mailparser shows the domain decoded again
      expect(addresses((await simpleParser(raw)).to)).toEqual([
        { name: 'Zoé', address: "o'brien+ticket@café.fr" },
      ]);
    });

    it('throws an InputError when an extra header would set a recipient or a structural field', async () => {
      for (const name of ['Bcc', 'to', 'Content-Type', 'X-Bad: name', 'X-Bad\r\nBcc'])
        await expect(composeMime(outbound({ headers: { [name]: 'x' } }))).rejects.toBeInstanceOf(InputError);
    });
  });

  describe('threading edge cases', () => {
    it('has no In-Reply-To and only the References given when there is no client Message-ID', async () => {
      const parsed = await simpleParser(await composeMime(outbound({ inReplyTo: null, references: [] })));
      expect(parsed.headers.has('in-reply-to')).toBe(false);
      expect(parsed.headers.has('references')).toBe(false);
    });

    it('keeps the root and the 19 most recent ids when the thread is very long', async () => {
      const references = Array.from({ length: 40 }, (_, i) => `<m${i}@client.re>`);
      const parsed = await simpleParser(
        await composeMime(outbound({ references, inReplyTo: '<m40@client.re>' })),
      );
      const kept = parsed.references as string[];
      expect(kept).toHaveLength(20);
      expect(kept[0]).toBe('<m0@client.re>');
      expect(kept[1]).toBe('<m22@client.re>');
      expect(kept.at(-1)).toBe('<m40@client.re>');
    });

    it('does not repeat the client Message-ID when it is already in References', async () => {
      const parsed = await simpleParser(
        await composeMime(
          outbound({ references: ['<a@x>', '<msg-42@client.re>'], inReplyTo: '<msg-42@client.re>' }),
        ),
      );
      expect(parsed.references).toEqual(['<a@x>', '<msg-42@client.re>']);
    });
  });

  it('adds the automatic-reply headers even when the caller gave none', async () => {
    const parsed = await simpleParser(await composeMime(outbound({ headers: {} })));
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(parsed.headers.get('x-exodata-loop')).toBe('EXO-2026-000123:acknowledgement');
  });
});
