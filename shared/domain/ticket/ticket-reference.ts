/** Ticket references look like EXO-2026-000123: year of creation, six-digit sequence per year. */
export const REFERENCE_PATTERN = /\bEXO-(\d{4})-(\d{6})\b/i;

export function formatReference(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`ticket sequence ${sequence} is outside 1..999999`);
  }
  return `EXO-${year}-${String(sequence).padStart(6, '0')}`;
}
