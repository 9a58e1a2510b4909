import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { displayHtml } from '../../../shared/adapters/http/message-view';
import { MailparserMailParser } from '../../../shared/adapters/mailparser-mail-parser';
import { emlFixture } from './eml-fixture';

const parser = new MailparserMailParser();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('Class: MailparserMailParser', () => {
  describe('Method: parse (Outlook, quoted-printable, French)', () => {
    it('decodes the RFC 2047 subject and the Latin-1 encoded Cc name', async () => {
      const { email } = await parser.parse(emlFixture('outlook-fr-quoted-printable.eml'));

      expect(email.subject).toBe("TR: Imprimante de l'accueil en panne – réception");
      expect(email.cc).toEqual([
        { address: 'reception@hotel-lagon-bleu.re', name: 'Réception Hôtel Lagon Bleu' },
      ]);
      expect(email.to.map((a) => a.address)).toEqual(['reunion@exodata.fr']);
      expect(email.messageId).toBe(
        '<PAXP189MB18384C2D0E5A1B7F9C3D2E1FA45@PAXP189MB1838.EURP189.PROD.OUTLOOK.COM>',
      );
      expect(email.messageIdDerived).toBe(false);
      expect(email.date).toBe('2026-11-30T04:12:05.000Z');
    });

    it('keeps the quoted-printable text and moves the Outlook "De : … Envoyé :" history out of the new text', async () => {
      const { email } = await parser.parse(emlFixture('outlook-fr-quoted-printable.eml'));

      expect(email.text).toContain('les travaux restent bloqués dans la file d');
      expect(email.newText).toContain("En attendant j'utilise l'imprimante du 1er étage");
      expect(email.newText).not.toContain('Priorité : critique');
      expect(email.quotedText).toContain('Priorité : critique');
      expect(email.language).toBe('fr');
    });

    it('keeps X-Priority and Importance as separate header fields, every occurrence of Received in order', async () => {
      const { email } = await parser.parse(emlFixture('outlook-fr-quoted-printable.eml'));

      expect(email.headers['x-priority']).toEqual(['1']);
      expect(email.headers.importance).toEqual(['high']);
      expect(email.headers['x-ms-has-attach']).toEqual(['']);
      expect(email.headers.received?.[0]).toMatch(/^from PR3P189MB1020.+with HTTPS; Mon, 30 Nov 2026/);
    });

    it('keeps the Word HTML as sent; shown, it has no style block and keeps its paragraphs', async () => {
      const { email } = await parser.parse(emlFixture('outlook-fr-quoted-printable.eml'));

      expect(email.html).toContain('<p class="MsoNormal">Bonjour,</p>');
      const shown = displayHtml(email.html!);
      expect(shown).not.toMatch(/<style|MsoNormal|<head/i);
      expect(shown).toContain('<p>Bonjour,</p>');
    });
  });

  describe('Method: parse (Gmail, base64, English reply)', () => {
    it('reads the base64 text and the threading headers as arrays of <id>', async () => {
      const { email } = await parser.parse(emlFixture('gmail-en-base64-reply.eml'));
      const sesId = '<0100019a7c3e5b1d-3f8a1c2e-9b4d-4e6f-a2c1-7d8e9f0a1b2c-000000@eu-west-1.amazonses.com>';

      expect(email.inReplyTo).toEqual([sesId]);
      expect(email.references).toEqual([sesId]);
      expect(email.subject).toBe('Re: [EXO-2026-000412] VPN keeps disconnecting');
      expect(email.text).toContain("so I can't work from home today");
      expect(email.text).not.toContain('\r');
      expect(email.date).toBe('2026-11-30T21:03:51.000Z');
    });

    it('leaves the "On … wrote:" attribution and the > lines out of the new text', async () => {
      const { email } = await parser.parse(emlFixture('gmail-en-base64-reply.eml'));

      expect(email.newText).toContain('No workaround so far');
      expect(email.newText).not.toContain('Votre demande est enregistrée');
      expect(email.quotedText).toContain('Votre demande est enregistrée');
      expect(email.language).toBe('en');
    });

    it('decodes the UTF-8 Q-encoded display name of the desk', async () => {
      const { email } = await parser.parse(emlFixture('gmail-en-base64-reply.eml'));

      expect(email.to).toEqual([
        { address: 'nouvelle-caledonie@exodata.fr', name: 'Service Desk Exodata – Nouvelle-Calédonie' },
      ]);
      expect(email.from).toEqual({ address: 'olivia.grant@hotel-baie-des-citrons.nc', name: 'Olivia Grant' });
    });
  });

  describe('Method: parse (Apple Mail, inline image and attachment)', () => {
    it('lists the inline image with its Content-ID and the PDF with its RFC 2231 name', async () => {
      const { email } = await parser.parse(emlFixture('apple-mail-attachments-inline.eml'));

      expect(email.attachments).toEqual([
        expect.objectContaining({
          filename: 'capture.png',
          contentType: 'image/png',
          contentId: 'A1B2C3D4-E5F6-4789-ABCD-EF0123456789',
          inline: true,
        }),
        expect.objectContaining({
          filename: 'Rapport éditeur caisse.pdf',
          contentType: 'application/pdf',
          contentId: null,
          inline: false,
        }),
      ]);
    });

    it('returns the attachment bodies in the same order, with matching size and sha256', async () => {
      const parsed = await parser.parse(emlFixture('apple-mail-attachments-inline.eml'));

      expect(parsed.bodies).toBe('in-memory');
      expect(parsed.attachments).toHaveLength(2);
      parsed.attachments.forEach((attachment, i) => {
        expect(attachment.meta).toEqual(parsed.email.attachments[i]);
        expect(attachment.content.length).toBe(attachment.meta.size);
        expect(sha256(attachment.content)).toBe(attachment.meta.sha256);
      });
      expect(parsed.attachments[0]!.content.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(parsed.attachments[1]!.content.toString('latin1')).toMatch(/^%PDF-1\.4/);
    });

    it('keeps the cid: image in the HTML as sent (shown as a note) and prefers the text/plain part for text', async () => {
      const { email } = await parser.parse(emlFixture('apple-mail-attachments-inline.eml'));

      expect(email.html).toContain('src="cid:A1B2C3D4-E5F6-4789-ABCD-EF0123456789" alt="capture.png">');
      expect(displayHtml(email.html!)).toContain('<span>[image bloquée : capture.png]</span>');
      expect(email.text).toMatch(/^Bonjour,\n\nLe logiciel de caisse/);
      expect(email.subject).toBe('Message d’erreur sur le logiciel de caisse');
    });
  });
});
