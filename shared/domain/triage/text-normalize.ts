/**
 * Text folding for the triage vocabularies: lower case, no accents (é = e, œ = oe), one kind of
 * apostrophe and dash, runs of spaces collapsed. Vocabularies are written once, folded, instead of
 * listing every spelling a client's keyboard or phone may produce.
 */
import { expandSmsSpellings } from './text-sms';

/** Folded text plus, for each of its characters, the index of the character it came from. */
export type FoldedText = { text: string; origin: number[]; source: string };

const CHAR_REPLACEMENTS: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2011': '-',
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
};

const COMBINING_MARKS = /\p{M}/gu;
const HORIZONTAL_SPACE = /[^\S\n]/u;

const REPLACEABLE = new RegExp(`[${Object.keys(CHAR_REPLACEMENTS).join('')}]`, 'giu');

const NON_ASCII = /[^\p{ASCII}]/u;

/** Folds one line or short string (a tag, a header value): same rules, no index map, trimmed. */
export function fold(value: string): string {
  // ASCII has no accents nor ligatures: only the backquote to replace (most lines of most mail).
  if (!NON_ASCII.test(value)) return value.replaceAll('`', "'").toLowerCase().replace(/\s+/g, ' ').trim();
  return value
    .replace(REPLACEABLE, (ch) => CHAR_REPLACEMENTS[ch] ?? CHAR_REPLACEMENTS[ch.toLowerCase()] ?? ch)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

function foldCharUncached(ch: string): string {
  const replaced = CHAR_REPLACEMENTS[ch] ?? CHAR_REPLACEMENTS[ch.toLowerCase()];
  if (replaced !== undefined) return replaced;
  return ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * foldText folds one character at a time: normalising each one is what a long mail costs, and a
 * mail uses a few dozen distinct characters, so each is folded once per process and remembered.
 */
const FOLDED_CHARS = new Map<string, string>();
const MAX_REMEMBERED_CHARS = 4096;

function foldChar(ch: string): string {
  let folded = FOLDED_CHARS.get(ch);
  if (folded === undefined) {
    folded = foldCharUncached(ch);
    if (FOLDED_CHARS.size < MAX_REMEMBERED_CHARS) FOLDED_CHARS.set(ch, folded);
  }
  return folded;
}

/** Same answer as HORIZONTAL_SPACE.test(ch), without a regular expression for the ASCII ones. */
function isHorizontalSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d && code !== 0x0a);
  return HORIZONTAL_SPACE.test(ch);
}

/** A line shorter than this that ends with a line break was ended by the writer, not wrapped. */
const WRAPPED_LINE_MIN = 50;

/**
 * Folds a text and keeps where each folded character came from, so that a phrase found in the
 * folded text can be quoted exactly as the client wrote it. A line break after a long line becomes
 * a space (mail clients wrap long lines); after a short line (`Priorité : haute`, `Bonjour,`) or
 * as a blank line it stays a line break: the writer ended something there.
 */
export function foldText(source: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let pendingSpace = -1;
  let pendingBreaks = 0;
  let lineLength = 0;
  let lastLineLength = 0;
  let index = 0;
  for (const ch of source) {
    const at = index;
    index += ch.length;
    if (ch === '\n' || ch === '\r' || isHorizontalSpace(ch)) {
      if (ch === '\n') {
        if (pendingBreaks === 0) lastLineLength = lineLength;
        pendingBreaks += 1;
        lineLength = 0;
      } else if (ch !== '\r') {
        lineLength += 1;
      }
      if (pendingSpace < 0) pendingSpace = at;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      const ended = pendingBreaks >= 2 || (pendingBreaks === 1 && lastLineLength < WRAPPED_LINE_MIN);
      text += ended ? '\n' : ' ';
      origin.push(pendingSpace);
    }
    lineLength += 1;
    pendingSpace = -1;
    pendingBreaks = 0;
    const out = foldChar(ch);
    text += out;
    // One entry per UTF-16 unit, so that indexes into `text` index `origin` too.
    for (let k = 0; k < out.length; k++) origin.push(at);
  }
  // Same length, then SMS spellings (`jarrive pa`, `dautre`), which may change it: index map kept.
  const expanded = expandSmsSpellings(restoreApostrophes(text), origin);
  return { text: expanded.text, origin: expanded.origin, source };
}

/**
 * Phone keyboards and hurried writers drop the apostrophe (`l arret`, `pas d autre`, `j arrive
 * pas`, `don t`, `I m stuck`): a space after a lone elided letter is read as the apostrophe it
 * stands for (issue 11, after holdout4). Same length, so the index map stays valid. English
 * first: `it s` is `it's`, `nothing s broken` is `nothing's` (after holdout44), not the French `s'`. `c`
 * only before `est`/`etait` (`c bloqué` is SMS
 * for `c'est bloqué`, and `lecteur C` is a drive).
 */
const EN_DROPPED_APOSTROPHE =
  /(?:(?<=\b(?:don|doesn|didn|isn|aren|wasn|weren|can|couldn|won|wouldn|hasn|haven|hadn|shouldn|ain)) t|(?<=\bi) m|(?<=\b(?:we|you|they|who|what)) re|(?<=\b(?:i|we|you|they|could|would|should|might|must|who)) ve|(?<=\b(?:i|we|you|they|it|he|she|that|there|who)) (?:ll|d)|(?<=\b(?:it|that|there|what|who|he|she|here|nothing|everything|something|anything|nobody|everybody|somebody|everyone|someone|anyone)) s)(?![\p{L}\p{N}'])/gu;
const FR_DROPPED_APOSTROPHE =
  /(?<![\p{L}\p{N}'-])(?<!\p{N} )(?:jusqu|lorsqu|puisqu|qu|aujourd(?= hui)|[ldjnmts]|c(?= (?:est|etait)\b)) (?=\p{L})/gu;

export function restoreApostrophes(text: string): string {
  if (!text.includes(' ')) return text;
  return text
    .replace(EN_DROPPED_APOSTROPHE, (spaced: string) => `'${spaced.slice(1)}`)
    .replace(FR_DROPPED_APOSTROPHE, (elided: string) => `${elided.slice(0, -1)}'`);
}

/** The client's own words for the folded span [start, end), whitespace collapsed. */
export function originalSpan(folded: FoldedText, start: number, end: number): string {
  if (end <= start) return '';
  const from = folded.origin[start] ?? 0;
  const lastOrigin = folded.origin[end - 1] ?? from;
  // The last folded character may come from a two-unit character (emoji) or a ligature.
  const lastChar = String.fromCodePoint(folded.source.codePointAt(lastOrigin) ?? 32);
  return folded.source
    .slice(from, lastOrigin + lastChar.length)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A span of folded text: [start, end). */
export type Span = { start: number; end: number };

// One punctuation mark, the last of a run, before a space: `[.!?;]+(?=\s|$)` retried the whole run
// from each of its marks, quadratic on a long run of dots (issue 13).
const SENTENCE_END = /[.!?;](?=\s|$)|\n/gu;
const CLAUSE_BREAK = /[,()]|\s(?:mais|but|sauf|except)\s|\s-\s/gu;

function spansBetween(text: string, from: number, to: number, breaks: RegExp): Span[] {
  const spans: Span[] = [];
  let start = from;
  const slice = text.slice(from, to);
  breaks.lastIndex = 0;
  for (let m = breaks.exec(slice); m; m = breaks.exec(slice)) {
    const end = from + m.index;
    if (end > start) spans.push({ start, end });
    start = from + m.index + m[0].length;
    if (m[0].length === 0) breaks.lastIndex += 1;
  }
  if (to > start) spans.push({ start, end: to });
  return spans;
}

/** Sentences of a folded text (split on . ! ? ; and paragraph breaks). */
export function sentences(text: string): Span[] {
  return spansBetween(text, 0, text.length, SENTENCE_END);
}

/** Clauses of a sentence: split further on commas, parentheses, mais/but, sauf/except and ` - `. */
export function clauses(text: string, sentence: Span): Span[] {
  return spansBetween(text, sentence.start, sentence.end, CLAUSE_BREAK);
}

/** The span among `spans` that contains position `at` (or the last one starting before it). */
export function spanAt(spans: readonly Span[], at: number): Span {
  // Binary search: a cue found many times in a long text must not rescan every span each time.
  let lo = 0;
  let hi = spans.length - 1;
  let found: Span = { start: 0, end: 0 };
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (span.start <= at) {
      found = span;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Levenshtein distance, bounded: returns max + 1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
