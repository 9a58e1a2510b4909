import { describe, expect, it } from 'vitest';
import { safeFilename } from '../../../shared/adapters/mailparser/attachment-meta';
import {
  decodeHeaderLines,
  messageIdsOf,
  singleLine,
} from '../../../shared/adapters/mailparser/header-fields';

describe('Function: decodeHeaderLines', () => {
  it('unfolds, decodes RFC 2047 words and keeps every occurrence in order', () => {
    const { headers, warnings } = decodeHeaderLines([
      { key: 'received', line: 'Received: from a\r\n\tby b' },
      { key: 'received', line: 'Received: from c by d' },
      { key: 'subject', line: 'Subject: =?iso-8859-1?q?r=E9union?=\r\n =?utf-8?b?w6l0w6k=?=' },
    ]);

    expect(headers.received).toEqual(['from a\tby b', 'from c by d']);
    expect(headers.subject).toEqual(['réunionété']);
    expect(warnings).toEqual([]);
  });

  it('keeps a header named like an Object.prototype member as plain data', () => {
    const { headers } = decodeHeaderLines([{ key: '__proto__', line: '__proto__: x' }]);
    expect(Object.keys(headers)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(headers, '__proto__')?.value).toEqual(['x']);
  });
});

describe('Function: messageIdsOf', () => {
  it('collects every bracketed id once, across values', () => {
    expect(messageIdsOf(['<a@x> <b@x>', 'junk <a@x>'])).toEqual(['<a@x>', '<b@x>']);
  });

  it('brackets bare ids and ignores words without @', () => {
    expect(messageIdsOf(['a@x, not-an-id b@y'])).toEqual(['<a@x>', '<b@y>']);
    expect(messageIdsOf(undefined)).toEqual([]);
  });
});

describe('Function: singleLine', () => {
  it('turns line breaks and tabs into single spaces and drops zero-width and bidi characters', () => {
    expect(singleLine(' a\r\nb\t\tc\u200b\u202e d\u0007 ')).toBe('a b c d');
  });
});

describe('Function: safeFilename', () => {
  it('keeps a plain name', () => {
    expect(safeFilename('Facture 2026-11.pdf', 0, 'application/pdf')).toBe('Facture 2026-11.pdf');
  });

  it('drops Unix and Windows directories, leading dots and reserved characters', () => {
    expect(safeFilename('../../etc/passwd', 0, 'text/plain')).toBe('passwd');
    expect(safeFilename('C:\\Users\\x\\..\\rapport.docx', 0, 'application/octet-stream')).toBe(
      'rapport.docx',
    );
    expect(safeFilename('..hidden', 0, 'text/plain')).toBe('hidden');
    expect(safeFilename('a<b>:c|d?.txt', 0, 'text/plain')).toBe('a_b__c_d_.txt');
  });

  it('names an unnamed or emptied attachment attachment-N.ext from its content type', () => {
    expect(safeFilename(undefined, 2, 'application/pdf')).toBe('attachment-3.pdf');
    expect(safeFilename('\u0000\u202e', 0, 'image/png')).toBe('attachment-1.png');
    expect(safeFilename('../', 0, 'application/x-unheard-of')).toBe('attachment-1.bin');
  });

  it('shortens an overlong name and keeps its extension', () => {
    const name = safeFilename(`${'n'.repeat(300)}.pdf`, 0, 'application/pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
