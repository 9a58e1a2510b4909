import { describe, expect, it } from 'vitest';
import { formatReference, REFERENCE_PATTERN } from '../../../shared/domain/ticket/ticket-reference';

describe('Function: formatReference', () => {
  it('writes the year and the sequence on six digits', () => {
    expect(formatReference(2026, 1)).toBe('EXO-2026-000001');
    expect(formatReference(2026, 123)).toBe('EXO-2026-000123');
    expect(formatReference(2027, 999_999)).toBe('EXO-2027-999999');
  });

  it('refuses a sequence outside 1..999999 or not whole, saying which and the range', () => {
    for (const sequence of [0, -1, 1_000_000, 1.5, Number.NaN]) {
      expect(() => formatReference(2026, sequence)).toThrow(
        new RangeError(`ticket sequence ${sequence} is outside 1..999999`),
      );
    }
  });

  it('writes what the reference pattern reads back', () => {
    const match = REFERENCE_PATTERN.exec(`Re: ${formatReference(2026, 42)} caisse`);
    expect(match?.slice(1)).toEqual(['2026', '000042']);
  });
});
