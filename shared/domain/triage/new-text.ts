import { fold } from './text-normalize';

/**
 * triage.md, "New text": the body without quoted reply history (">" lines, everything below an
 * attribution line, Outlook's Original Message / De : Envoyé : block, forwarded-message separator)
 * and without the signature (below "-- ").
 */
export function splitNewText(text: string): { newText: string; quotedText: string } {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  const cut = findHistoryStart(foldLines(lines));
  const above = cut ? lines.slice(0, cut.index) : lines;
  const below = cut ? lines.slice(cut.index) : [];

  const kept: string[] = [];
  const quoted: string[] = [];
  for (const line of above) (isQuotedLine(line) ? quoted : kept).push(line);

  // Bottom-posting: nothing written above the attribution, the answer sits below the quoted block.
  if (cut?.kind === 'attribution' && kept.every((l) => l.trim() === '')) {
    const rest = below.slice(cut.length);
    const firstAnswer = rest.findIndex((l) => l.trim() !== '' && !isQuotedLine(l));
    if (firstAnswer > 0 && rest.slice(0, firstAnswer).some(isQuotedLine)) {
      const answer = splitNewText(rest.slice(firstAnswer).join('\n'));
      return {
        newText: answer.newText,
        quotedText: joinParts([...quoted, ...below.slice(0, cut.length + firstAnswer)], answer.quotedText),
      };
    }
  }
  return { newText: tidy(kept), quotedText: joinParts(quoted, tidy(below)) };
}

/**
 * The message a client forwarded, when the removed text starts with one: its body without its
 * own history and signature. `explicitForward` is true for a forwarded-message separator; an
 * Outlook header block (De : / Envoyé :) is the same for replies and forwards, so the caller
 * decides with the subject (TR:, Fwd:). Null when the removed text is reply history.
 */
export function findForwardedMessage(quotedText: string): { body: string; explicitForward: boolean } | null {
  const lines = quotedText.replace(/\r\n?/gu, '\n').split('\n');
  const folded = foldLines(lines);
  for (let i = 0; i < folded.length; i++) {
    const line = folded.at(i)!;
    if (line.startsWith('>') || attributionLength(folded, i) > 0) return null;
    const marker = messageMarker(folded, i);
    if (!marker) continue;
    let start = i + marker.length;
    while (start < folded.length && (folded.at(start) === '' || HEADER_LINE.test(folded.at(start)!))) start++;
    return {
      body: splitNewText(lines.slice(start).join('\n')).newText,
      explicitForward: marker.kind === 'forward',
    };
  }
  return null;
}

type HistoryKind = 'attribution' | 'forward' | 'original' | 'signature';
type HistoryStart = { index: number; length: number; kind: HistoryKind };

/** `Le lun. 30 nov. 2026 à 10:00, X a écrit :` / `On Mon, Nov 30, 2026 at 10:00 AM X wrote:` (folded). */
const ATTRIBUTION_END = /\b(?:a ecrit|wrote|schrieb|escribio|ha scritto)\s*:?\s*$/u;
const ATTRIBUTION_START = /^(?:le|on|am|el|il)\s/u;
const ATTRIBUTION_DETAIL = /[@\d]/u;
/** `-----Original Message-----`, `---------- Forwarded message ---------`, `-------- Message transféré --------`. */
const DASHED_SEPARATOR =
  /^-{2,}\s*(original message|message d'origine|mail original|courriel original|message original|forwarded message|message transfere|mail transfere|courriel transfere|message reexpedie)\s*-{2,}$/u;
const FORWARD_WORDS = /forward|transfere|reexpedie/u;
/** `Début du message réexpédié :` (Apple Mail), `Begin forwarded message:`. */
const FORWARD_INTRO = /^(?:debut du message reexpedie|begin forwarded message|message transfere)\s*:?$/u;
const UNDERSCORE_RULE = /^_{8,}$/u;
/** A header line of a quoted message block, as Outlook, Gmail and Apple Mail write them (folded). */
const HEADER_LINE =
  /^\*?(?:de|from|envoye|sent|date|a|to|pour|cc|cci|bcc|copie a|objet|sujet|subject|reply-to|repondre a|importance)\s*\*?\s*:/u;
const FROM_LINE = /^\*?(?:de|from)\s*\*?\s*:\s*\S/u;
/** RFC 3676 says `-- ` (dash, dash, space); many clients drop the space (folded lines are trimmed). */
const SIGNATURE_DELIMITER = /^--$/u;
const MAX_MARKER_LINE = 400;
const MAX_ATTRIBUTION = 300;
/** Footers phones add: `Envoyé de mon iPhone`, `Sent from my Galaxy`, `Get Outlook for iOS`. */
const MOBILE_FOOTER =
  /^(?:(?:envoye|sent|expedie)\s+(?:de|depuis|from|a partir de|avec)\s+(?:mon|ma|my|l'application|outlook)\b.{0,60}|(?:get|obtenir|telecharger) outlook (?:for|pour) \w+)$/u;

function isQuotedLine(line: string): boolean {
  return /^\s*>/u.test(line);
}

function findHistoryStart(folded: FoldedLines): HistoryStart | null {
  for (let i = 0; i < folded.length; i++) {
    const attribution = attributionLength(folded, i);
    if (attribution > 0) return { index: i, length: attribution, kind: 'attribution' };
    const marker = messageMarker(folded, i);
    if (marker) return { index: i, length: marker.length, kind: marker.kind };
    if (SIGNATURE_DELIMITER.test(folded.at(i)!) || MOBILE_FOOTER.test(folded.at(i)!)) {
      return { index: i, length: 1, kind: 'signature' };
    }
  }
  return null;
}

/**
 * Lines folded for the marker patterns, each on first use: the scan stops at the first marker, so
 * the lines below it (most of a long thread) are never folded. Markers are short lines: a longer
 * line is folded only as far as a marker could go, so a megabyte on one line costs no more than a
 * normal mail.
 */
class FoldedLines {
  private readonly folded: (string | undefined)[];

  constructor(private readonly lines: readonly string[]) {
    this.folded = new Array(lines.length);
  }

  get length(): number {
    return this.lines.length;
  }

  at(i: number): string | undefined {
    if (i < 0 || i >= this.lines.length) return undefined;
    let folded = this.folded[i];
    if (folded === undefined) {
      const line = this.lines[i]!;
      folded = fold(line.length > MAX_MARKER_LINE ? line.slice(0, MAX_MARKER_LINE) : line);
      this.folded[i] = folded;
    }
    return folded;
  }
}

function foldLines(lines: readonly string[]): FoldedLines {
  return new FoldedLines(lines);
}

/** Number of lines (1 to 3) of an attribution starting at folded line i, or 0. */
function attributionLength(folded: FoldedLines, i: number): number {
  const first = folded.at(i)!;
  if (first === '' || first.startsWith('>')) return 0;
  if (ATTRIBUTION_END.test(first) && first.length <= MAX_ATTRIBUTION) {
    if (ATTRIBUTION_START.test(first) || ATTRIBUTION_DETAIL.test(first)) return 1;
  }
  // Clients wrap long attributions: `Le lun. 30 nov. 2026 à 10:00, Jean Dupont <jean@x.fr>` / `a écrit :`.
  if (!ATTRIBUTION_START.test(first) || !ATTRIBUTION_DETAIL.test(first)) return 0;
  let joined = first;
  for (let k = 1; k <= 2 && i + k < folded.length; k++) {
    const next = folded.at(i + k)!;
    if (next === '' || next.startsWith('>')) return 0;
    joined = `${joined} ${next}`;
    if (joined.length > MAX_ATTRIBUTION) return 0;
    if (ATTRIBUTION_END.test(joined)) return k + 1;
  }
  return 0;
}

/** A separator or header block that opens an earlier or forwarded message at folded line i. */
function messageMarker(
  folded: FoldedLines,
  i: number,
): { length: number; kind: 'forward' | 'original' } | null {
  const line = folded.at(i)!;
  const dashed = DASHED_SEPARATOR.exec(line);
  if (dashed) return { length: 1, kind: FORWARD_WORDS.test(dashed[1]!) ? 'forward' : 'original' };
  if (FORWARD_INTRO.test(line)) return { length: 1, kind: 'forward' };
  if (UNDERSCORE_RULE.test(line)) {
    const next = nextNonEmpty(folded, i + 1, 2);
    return next !== null && isHeaderBlock(folded, next) ? { length: 1, kind: 'original' } : null;
  }
  return isHeaderBlock(folded, i) ? { length: 0, kind: 'original' } : null;
}

/** `De : X` / `From: X` followed within four lines by `Envoyé :`, `Sent:`, `Date:`, `À :` or `Objet :`. */
function isHeaderBlock(folded: FoldedLines, i: number): boolean {
  if (!FROM_LINE.test(folded.at(i)!)) return false;
  for (let k = i + 1; k <= i + 4 && k < folded.length; k++) {
    if (HEADER_LINE.test(folded.at(k)!) && !FROM_LINE.test(folded.at(k)!)) return true;
  }
  return false;
}

function nextNonEmpty(folded: FoldedLines, from: number, maxSkip: number): number | null {
  for (let k = from; k < folded.length && k <= from + maxSkip; k++) {
    if (folded.at(k) !== '') return k;
  }
  return null;
}

function tidy(lines: readonly string[]): string {
  // Trailing blanks trimmed line by line: `[ \t]+$` with /m retried a long run of spaces from
  // each of them, quadratic on a poison line (issue 13).
  return lines
    .map(trimEndBlanks)
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end === line.length ? line : line.slice(0, end);
}

function joinParts(lines: readonly string[], rest: string): string {
  return [tidy(lines), rest].filter((p) => p !== '').join('\n\n');
}
