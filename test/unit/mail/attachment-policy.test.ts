import { describe, expect, it } from 'vitest';
import {
  AGENT_REPLY_LIMITS,
  attachmentRefusals,
  CLIENT_UPLOAD_LIMITS,
  contentRefusal,
  formatSize,
  lastExtension,
  nameRefusal,
  refusalMessage,
  sanitiseFileName,
} from '../../../shared/domain/mail/attachment-policy';

const MB = 1024 * 1024;
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const MZ = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

describe('Attachment policy: names', () => {
  it.each([
    'facture.exe',
    'facture.pdf.exe',
    'FACTURE.PDF.EXE',
    'Setup.Msi',
    'script.ps1',
    'macro.vbs',
    'lanceur.bat',
    'lanceur.cmd',
    'vieux.com',
    'ecran.scr',
    'app.jar',
    'code.js',
    'raccourci.lnk',
    'image-disque.iso',
    'x.exe',
  ])('refuses %s by its extension', (name) => {
    expect(nameRefusal(name)).toMatch(/ne sont pas acceptés/);
  });

  it.each([
    ['trailing dots and spaces (Windows drops them)', 'facture.exe. . ..'],
    ['trailing spaces', 'facture.exe   '],
    ['a NUL before a harmless extension (C strings stop there)', 'facture.exe\0.pdf'],
    ['a NUL inside the extension', 'facture.pdf\0.exe'],
    ['an RTL override that displays "facture‮fdp.exe" as "facture exe.pdf"', 'facture\u202efdp.exe'],
    ['an NTFS stream name', 'facture.exe:Zone.Identifier'],
    ['full-width dot and letters', 'facture\uff0e\uff45\uff58\uff45'],
    ['a zero-width space in the extension', 'facture.e\u200bxe'],
    ['a CR/LF in the name', 'facture.pdf\r\n.exe'],
    ['a space after the last dot', 'facture. exe'],
  ])('refuses an executable hidden by %s', (_why, name) => {
    expect(nameRefusal(name)).not.toBeNull();
  });

  it.each([
    'facture.pdf',
    'Relevé d’intervention.docx',
    'capture écran.PNG',
    'exodata.com.pdf',
    'journal.log',
    'sans-extension',
    'archive.tar.gz',
    // Only the whole last extension counts: .jsx is not .js, a name without a dot has no extension.
    'composant.jsx',
    'exe',
  ])('accepts %s', (name) => {
    expect(nameRefusal(name)).toBeNull();
  });

  it('cleans a name for storage and headers: no control, bidi, separators; no trailing dots; NFC', () => {
    expect(sanitiseFileName('..\\..\\etc/passwd')).toBe('_.._etc_passwd');
    expect(sanitiseFileName('a\r\nBcc: x@y.z.pdf')).toBe('aBcc_ x@y.z.pdf');
    expect(sanitiseFileName('fact\u202eure.pdf')).toBe('facture.pdf');
    expect(sanitiseFileName('nul\0.pdf')).toBe('nul.pdf');
    expect(sanitiseFileName('rapport.pdf. . ')).toBe('rapport.pdf');
    expect(sanitiseFileName('e\u0301te\u0301.txt')).toBe('été.txt');
    expect(sanitiseFileName('\0\u202e . ')).toBe('fichier');
    expect(sanitiseFileName('.htaccess')).toBe('htaccess');
    expect(sanitiseFileName('rapport \t  final.pdf')).toBe('rapport final.pdf');
  });

  it('reads the last extension as a desktop does, and none in a name without a dot', () => {
    expect(lastExtension('Facture.PDF.ExE ')).toBe('exe');
    expect(lastExtension('facture\uff0e\uff45\uff58\uff45')).toBe('exe');
    expect(lastExtension('sans-extension')).toBe('');
  });

  it('keeps a name of exactly 120 characters as it is, whatever follows its dot', () => {
    const name = `CR.${'b'.repeat(117)}`;
    expect(sanitiseFileName(name)).toBe(name);
  });

  it('cuts a long name without extension to its first 120 characters', () => {
    expect(sanitiseFileName(`${'a'.repeat(999)}z`)).toBe('a'.repeat(120));
  });

  it('keeps at most 20 characters of a long extension, after as much of the name as fits', () => {
    expect(sanitiseFileName(`a.${'b'.repeat(200)}`)).toBe(`a.${'b'.repeat(19)}`);
    expect(sanitiseFileName(`${'a'.repeat(200)}.${'b'.repeat(50)}`)).toBe(
      `${'a'.repeat(100)}.${'b'.repeat(19)}`,
    );
  });

  it('cuts a 1000-character name to 120 characters, keeping its extension (and still sees .exe)', () => {
    const long = `${'a'.repeat(996)}.pdf`;
    const cleaned = sanitiseFileName(long);
    expect(Array.from(cleaned)).toHaveLength(120);
    expect(cleaned.endsWith('.pdf')).toBe(true);
    expect(nameRefusal(`${'a'.repeat(996)}.exe`)).not.toBeNull();
    expect(nameRefusal(`${'é'.repeat(1000)}.pdf.exe`)).not.toBeNull();
  });
});

describe('Attachment policy: content', () => {
  it.each([
    ['a Windows program (MZ)', MZ],
    ['an ELF program', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1])],
    ['a Mach-O program', Uint8Array.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])],
    ['a fat Mach-O or Java class', Uint8Array.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])],
    ['a shebang script', new TextEncoder().encode('#!/bin/sh\nrm -rf ~\n')],
    ['a shebang after a UTF-8 BOM', new TextEncoder().encode('\ufeff#!/usr/bin/env python3\n')],
    ['a Windows shortcut', Uint8Array.from([0x4c, 0, 0, 0, 1, 0x14, 2, 0, 0, 0])],
  ])('refuses %s whatever its name', (_what, bytes) => {
    expect(contentRefusal(bytes)).toMatch(/quel que soit son nom/);
  });

  it('refuses a file that is nothing but a signature', () => {
    expect(contentRefusal(Uint8Array.from([0x4d, 0x5a]))).toBe(
      "son contenu est un programme Windows (MZ), quel que soit son nom : il n'est pas accepté",
    );
    expect(contentRefusal(Uint8Array.from([0xef, 0xbb, 0xbf, 0x23, 0x21]))).toMatch(/script \(#!\)/);
  });

  it('accepts a PDF, an image, text and a file shorter than any signature', () => {
    expect(contentRefusal(PDF)).toBeNull();
    expect(contentRefusal(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBeNull();
    expect(contentRefusal(new TextEncoder().encode('Bonjour,\nvoici le journal.'))).toBeNull();
    expect(contentRefusal(Uint8Array.from([0x4d]))).toBeNull();
    expect(contentRefusal(new Uint8Array())).toBeNull();
  });
});

describe('Attachment policy: a message’s files', () => {
  const pdf = (name: string, size: number) => ({ filename: name, size, firstBytes: PDF });

  it('accepts 10 files and 20 MB in all for an agent’s reply', () => {
    const files = Array.from({ length: 10 }, (_, i) => pdf(`f${i}.pdf`, 2 * MB));
    expect(attachmentRefusals(files, AGENT_REPLY_LIMITS)).toEqual([]);
  });

  it('refuses an 11th file, and 20 MB and one byte in all', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => pdf(`f${i}.pdf`, 1000));
    expect(refusalMessage(attachmentRefusals(eleven, AGENT_REPLY_LIMITS))).toBe(
      'Pièces jointes refusées : 11 fichiers : 10 au plus par message.',
    );
    const big = [pdf('a.pdf', 10 * MB), pdf('b.pdf', 10 * MB + 1)];
    expect(refusalMessage(attachmentRefusals(big, AGENT_REPLY_LIMITS))).toBe(
      'Pièces jointes refusées : 20 Mo en tout : 20 Mo au plus par message.',
    );
  });

  it('checks each file against 25 MB for the client portal, with no total', () => {
    const files = [pdf('a.pdf', 25 * MB), pdf('b.pdf', 25 * MB), pdf('c.pdf', 25 * MB + 1)];
    const refusals = attachmentRefusals(files, CLIENT_UPLOAD_LIMITS);
    expect(refusals).toEqual([{ filename: 'c.pdf', reason: '25 Mo : 25 Mo au plus par fichier' }]);
  });

  it('refuses a renamed program by content, and an empty file, naming each', () => {
    const refusals = attachmentRefusals(
      [
        { filename: 'facture.pdf', size: 5000, firstBytes: MZ },
        { filename: 'vide.txt', size: 0, firstBytes: new Uint8Array() },
        pdf('ok.pdf', 10),
      ],
      AGENT_REPLY_LIMITS,
    );
    expect(refusals.map((r) => r.filename)).toEqual(['facture.pdf', 'vide.txt']);
    expect(refusalMessage(refusals)).toBe(
      "Pièces jointes refusées : « facture.pdf » : son contenu est un programme Windows (MZ), quel que soit son nom : il n'est pas accepté ; « vide.txt » : le fichier est vide.",
    );
  });

  it('shows a hostile name cleaned in the refusal, never raw', () => {
    const [refusal] = attachmentRefusals(
      [{ filename: 'a\u202e\r\n<b>.exe', size: 10, firstBytes: PDF }],
      AGENT_REPLY_LIMITS,
    );
    expect(refusal?.filename).toBe('a_b_.exe');
  });

  it('writes sizes in French units', () => {
    expect(formatSize(512)).toBe('512 octets');
    expect(formatSize(1023)).toBe('1023 octets');
    expect(formatSize(1024)).toBe('1 Ko');
    expect(formatSize(MB)).toBe('1 Mo');
    expect(formatSize(2048)).toBe('2 Ko');
    expect(formatSize(20 * MB)).toBe('20 Mo');
    expect(formatSize(1.5 * MB)).toBe('1,5 Mo');
  });
});
