import type { Language } from '../mail/inbound-email';

/**
 * Reply and forward prefixes as mail clients write them, in the languages our clients use:
 * Re, RE :, Réf, Rép, Fwd, FW, TR (French Outlook), AW / WG (German), SV / VS (Nordic), Antw,
 * RV (Spanish forward), Enc (Portuguese forward) — the same list the triage reads (triage/subject-prefixes.ts),
 * optionally numbered (`Re[2]:`, `Re^3:`, `Re(2):`). Only a pile at the start is removed: a word in
 * the middle of a subject is the client's text.
 */
const REPLY_PREFIX =
  /^(?:re|r[ée]f|r[ée]p|fwd?|tr|aw|wg|sv|vs|antw|rv|enc)\s*(?:\[\d+\]|\^\d+|\(\d+\))?\s*:\s*/iu;

/** A ticket tag we put in an earlier acknowledgement or agent reply: `[EXO-2026-000123]`. */
const TICKET_TAG = /\[\s*EXO-\d{4}-\d{6}\s*\]/giu;

/**
 * Characters that must never reach a header or a client's screen: C0 and C1 controls, DEL, the
 * Unicode line and paragraph separators, and the bidirectional overrides used to disguise text.
 * CR, LF and TAB are folding whitespace: they become a space so that words do not run together.
 */
// Stryker disable next-line Regex: StrykerJS's regex mutator turns \v into \V, a syntax error under the u flag.
const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
const INVISIBLE_CONTROLS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** A subject longer than this is cut (with an ellipsis): it is a label, not a body. */
export const MAX_SUBJECT_CHARS = 200;

const EMPTY_SUBJECT: Record<Language, string> = { fr: '(sans objet)', en: '(no subject)' };

/** Removes control characters (line breaks become spaces) and collapses runs of spaces. */
export function stripControlCharacters(value: string): string {
  return value
    .replace(LINE_BREAKS_AND_TABS, ' ')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(/\s{2,}/gu, ' ')
    .trim();
}

/**
 * The client's subject as it should appear after our ticket tag: without an earlier `[EXO-…]`
 * tag, without a pile of Re:/TR:/Fwd: prefixes, without control characters, trimmed and bounded.
 * May return an empty string.
 */
export function cleanSubject(subject: string): string {
  let s = stripControlCharacters(subject.replace(TICKET_TAG, ' '));
  for (;;) {
    // Stryker disable next-line MethodExpression: the prefix pattern eats the spaces after it and the subject was trimmed; the trim only says so
    const next = s.replace(REPLY_PREFIX, '').trim();
    if (next === s) break;
    s = next;
  }
  return truncate(s, MAX_SUBJECT_CHARS);
}

/** The cleaned subject, or `(sans objet)` / `(no subject)` when nothing is left. */
export function displaySubject(subject: string, language: Language = 'fr'): string {
  const cleaned = cleanSubject(subject);
  return cleaned === '' ? EMPTY_SUBJECT[language] : cleaned;
}

/** `[EXO-2026-000123] Imprimante en panne`: our tag, then the client's cleaned subject. */
export function ackSubject(reference: string, subject: string, language: Language = 'fr'): string {
  return `[${reference}] ${displaySubject(subject, language)}`;
}

/** Cuts on a code point boundary, so that an emoji or accented letter is never split in half. */
function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}
