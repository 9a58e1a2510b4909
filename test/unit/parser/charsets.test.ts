import { describe, expect, it } from 'vitest';
import { decodeBody, relabelUtf8Parts } from '../../../shared/adapters/mailparser/tolerant-charset';
import { parseMail } from '../../../shared/adapters/mailparser-mail-parser';
import { emlFixture } from './eml-fixture';

describe('Function: parseMail (charsets)', () => {
  it('decodes a windows-1252 8-bit body with € and typographic dashes', async () => {
    const { email } = await parseMail(emlFixture('windows-1252-8bit.eml'));

    expect(email.text).toContain('Le devis de 1 250 € pour le nouveau lecteur');
    expect(email.text).toContain('Pharmacie des Hauts – Le Tampon');
    expect(email.subject).toBe('Lecteur de cartes Vitale hors service à la pharmacie');
    expect(email.warnings).toEqual([]);
  });

  it('reads raw UTF-8 header bytes as UTF-8 without a warning', async () => {
    const { email } = await parseMail(emlFixture('eight-bit-headers-utf8.eml'));

    expect(email.subject).toBe("Problème d'accès au logiciel de paie – écran bloqué");
    expect(email.from).toEqual({ address: 'comptabilite@transports-grande-terre.nc', name: 'Hélène Mapou' });
    expect(email.to[0]?.name).toBe('Exodata Nouvelle-Calédonie');
    expect(email.warnings).toEqual([]);
  });

  it('reads raw Latin-1 header bytes as Windows-1252 and says so', async () => {
    const { email } = await parseMail(emlFixture('eight-bit-headers-latin1.eml'));

    expect(email.subject).toBe("Relevé bancaire illisible à l'import");
    expect(email.from?.name).toBe('Stéphanie Turpin');
    expect(email.text).toContain('je saisis les écritures à la main');
    expect(email.warnings).toContain('raw 8-bit header bytes are not UTF-8: read as Windows-1252');
  });

  it('repairs a part labelled UTF-8 whose bytes are Latin-1, and reads an unknown charset, with warnings', async () => {
    const { email } = await parseMail(emlFixture('lying-and-unknown-charset.eml'));

    expect(email.text).toContain("L'imprimante du 2e étage fait des traînées noires");
    expect(email.text).toContain('Second part in an unknown charset, still readable ASCII.');
    expect(email.text).not.toContain('\ufffd');
    expect(email.warnings).toEqual([
      'body declared "utf-8" is not valid UTF-8: read as Windows-1252',
      'unknown charset "x-unknown-charset-42": read as UTF-8',
    ]);
  });
});

describe('Function: decodeBody', () => {
  const latin1 = Buffer.from('Réunion à 10h', 'latin1');
  const utf8 = Buffer.from('Réunion à 10h', 'utf8');

  it('reads UTF-8 bytes labelled ISO-8859-1 as UTF-8', () => {
    expect(decodeBody(utf8, 'iso-8859-1')).toEqual({
      text: 'Réunion à 10h',
      note: 'body declared "iso-8859-1" is UTF-8: read as UTF-8',
    });
  });

  it('reads Latin-1 bytes labelled ISO-8859-1 as declared, without a note', () => {
    expect(decodeBody(latin1, 'ISO-8859-1')).toEqual({ text: 'Réunion à 10h', note: null });
  });

  it('trusts a declared charset outside the Latin family (KOI8-R)', () => {
    const koi8 = Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]);
    expect(decodeBody(koi8, 'koi8-r')).toEqual({ text: 'Привет', note: null });
  });

  it('reads Latin-1 bytes of an unknown charset as Windows-1252', () => {
    expect(decodeBody(latin1, 'x-mac-unheard-of').text).toBe('Réunion à 10h');
    expect(decodeBody(latin1, 'x-mac-unheard-of').note).toMatch(/not valid UTF-8: read as Windows-1252/);
  });
});

describe('Function: relabelUtf8Parts', () => {
  it('relabels UTF-8 and charset-less text parts in Content-Type headers only', () => {
    const raw = Buffer.from(
      'Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain;\r\n charset="UTF-8"\r\n\r\n' +
        'Body says charset=utf-8\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--\r\n',
    );
    const relabelled = relabelUtf8Parts(raw)!.toString('latin1');

    expect(relabelled).toContain('Content-Type: text/plain;\r\n charset="x-sniff-UTF-8"');
    expect(relabelled).toContain('Content-Type: text/html; charset=x-sniff-us-ascii');
    expect(relabelled).toContain('Body says charset=utf-8');
    expect(relabelled).toContain('Content-Type: multipart/mixed; boundary=b\r\n');
  });

  it('returns null when there is nothing to relabel', () => {
    expect(relabelUtf8Parts(Buffer.from('Content-Type: text/plain; charset=iso-8859-1\r\n\r\nx'))).toBeNull();
  });
});

describe('Function: decodeBody (charsets outside the Latin family)', () => {
  it('decodes ISO-2022-JP as mailparser would', () => {
    const jis = Buffer.from([0x1b, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x1b, 0x28, 0x42]);
    expect(decodeBody(jis, 'ISO-2022-JP')).toEqual({ text: 'こん', note: null });
  });
});
