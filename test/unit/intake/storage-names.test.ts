import { describe, expect, it } from 'vitest';
import { safeObjectName } from '../../../shared/ports/attachment-store';
import { cutUtf8 } from '../../../shared/use-cases/intake-records';

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
