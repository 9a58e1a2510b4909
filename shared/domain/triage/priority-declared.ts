import type { PriorityLevel } from '../desk/service-desk-config';
import { isReplyOrForwardPrefix } from './subject-prefixes';
import { editDistance, fold } from './text-normalize';

/** A level the client chose, and exactly how they wrote it. */
export type Declaration = { level: PriorityLevel; phrase: string; where: 'subject' | 'body' };

/** triage.md vocabulary, folded; P1…P4 and a bare 1…4 after `Priorité :` too. */
const LEVEL_WORDS: Record<string, PriorityLevel> = {
  normale: 'normale',
  normal: 'normale',
  low: 'normale',
  basse: 'normale',
  bas: 'normale',
  faible: 'normale',
  mineure: 'normale',
  mineur: 'normale',
  minor: 'normale',
  p4: 'normale',
  '4': 'normale',
  moyenne: 'moyenne',
  moyen: 'moyenne',
  medium: 'moyenne',
  moderee: 'moyenne',
  modere: 'moyenne',
  moderate: 'moyenne',
  p3: 'moyenne',
  '3': 'moyenne',
  haute: 'haute',
  haut: 'haute',
  high: 'haute',
  elevee: 'haute',
  eleve: 'haute',
  majeure: 'haute',
  majeur: 'haute',
  major: 'haute',
  p2: 'haute',
  '2': 'haute',
  critique: 'critique',
  critical: 'critique',
  p1: 'critique',
  '1': 'critique',
};
/** Typos are forgiven on long words only: one edit turns `basse` into `passe` or `casse`. */
const FUZZY_MIN_LENGTH = 6;
const KEY_WORDS = ['priorite', 'priority'];
const KEY =
  '(?:niveau de |level of )?(?:priorite|priority|prioritee|priorty|priorit|prio)(?: (?:level|souhaitee|demandee|requested))?';
const TAG_KEY_PREFIX = new RegExp(`^${KEY}\\s*[:=-]?\\s*`, 'u');
const TAG_KEY_SUFFIX = /\s*(?:priorite|priority|prio)$/u;
const INTENSIFIERS = /^(?:tres|very|plutot|assez|fairly|rather)\s+/u;

const LEADING_NOISE = new Set([' ', '"', "'", '*', '_']);
const TRAILING_NOISE = new Set([' ', '"', "'", '*', '_', '.', '!']);

/**
 * Trims the given characters from both ends by walking them: `[\s"'*_.!]+$` retried a long run of
 * them from each of its characters, quadratic on a poison line (issue 13). `fold` already turned
 * every space into a plain one.
 */
function trimChars(value: string, leading: ReadonlySet<string>, trailing: ReadonlySet<string>): string {
  let start = 0;
  let end = value.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a bound only; value[end] is undefined, never noise
  while (start < end && leading.has(value[start]!)) start++;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a bound only; below start, slice(start, end) is '' all the same
  while (end > start && trailing.has(value[end - 1]!)) end--;
  return value.slice(start, end);
}

/** A level word or code (`Haute`, `high`, `P2`, `p 2`, `critque`), or null. */
export function parseLevel(value: string): PriorityLevel | null {
  const v = trimChars(fold(value), LEADING_NOISE, TRAILING_NOISE)
    .replace(INTENSIFIERS, '')
    // Stryker disable next-line Regex: fold leaves single spaces, and `p 1` is only a level as the whole value
    .replace(/^p\s+([1-4])$/u, 'p$1');
  const exact = LEVEL_WORDS[v];
  if (exact) return exact;
  if (v.length < FUZZY_MIN_LENGTH) return null;
  for (const [word, level] of Object.entries(LEVEL_WORDS)) {
    if (word.length >= FUZZY_MIN_LENGTH && editDistance(v, word, 1) <= 1) return level;
  }
  return null;
}

/** The word just before a tag, where some mailers number a reply or forward prefix: `Re[2]:`, `AW[3]:`, `TR [2] :`. */
const WORD_BEFORE_TAG = /(?:^|[^\p{L}])(\p{L}{1,4})\s?$/u;

/**
 * The `[…]` tags of a subject that may declare a level. `Re[2]:` counts replies: its `[2]` is no
 * `Priorité : 2` (haute). Only the eight characters before the tag are looked at: linear in the subject.
 */
function* subjectTags(subject: string): Generator<{ tag: string; inner: string }> {
  for (const m of subject.matchAll(/\[([^[\]]{1,40})\]/gu)) {
    if (isReplyCounter(subject, m.index, m[1]!)) continue;
    yield { tag: m[0], inner: m[1]! };
  }
}

function isReplyCounter(subject: string, index: number, inner: string): boolean {
  const before = WORD_BEFORE_TAG.exec(subject.slice(Math.max(0, index - 8), index));
  return /^\d+$/u.test(inner) && before !== null && isReplyOrForwardPrefix(before[1]!);
}

/** `[Haute]`, `[P2]`, `[high]`, `[Priorité : critique]` anywhere in the subject; the first one counts. */
export function declaredInSubject(subject: string): Declaration | null {
  for (const m of subjectTags(subject)) {
    const inner = fold(m.inner).replace(TAG_KEY_PREFIX, '').replace(TAG_KEY_SUFFIX, '');
    const level = parseLevel(inner);
    if (level) return { level, phrase: m.tag, where: 'subject' };
  }
  return null;
}

/**
 * What a reply on a ticket declares: a level tag the client added to the subject (the tags the
 * ticket's own subject already carries are the old request's, repeated by every "Re:"), else a
 * `Priorité : …` line of the new text. Null when the reply declares nothing new.
 */
export function declaredInReply(
  reply: { subject: string; newText: string },
  ticketSubject: string,
): Declaration | null {
  const oldTags = new Set([...ticketSubject.matchAll(/\[[^[\]]{1,40}\]/gu)].map((m) => fold(m[0])));
  for (const { tag } of subjectTags(reply.subject)) {
    if (oldTags.has(fold(tag))) continue;
    const declared = declaredInSubject(tag);
    if (declared) return declared;
  }
  return declaredInBody(reply.newText);
}

/**
 * `Priorité : Haute`, `Priorite: critique`, `Priority: high`, `Priorité : P1` on a line of its own
 * (the value may be followed by a comment). Only the new text is searched: a declaration in quoted
 * history or a forwarded message was made for another request.
 */
export function declaredInBody(newText: string): Declaration | null {
  for (const line of newText.split('\n')) {
    const folded = fold(line).replace(/^[\s*•>#-]+/u, '');
    const value = valueAfterKey(folded);
    if (value === null) continue;
    const words = value.split(/[\s,;.!(]+/u);
    const first = words[0]!;
    const second = words.slice(0, 2).join(' ');
    const level = parseLevel(value.replace(/[,;.!(].*$/u, '')) ?? parseLevel(second) ?? parseLevel(first);
    if (level) return { level, phrase: line.trim(), where: 'body' };
  }
  return null;
}

function valueAfterKey(line: string): string | null {
  // Stryker disable next-line StringLiteral: the u flag changes nothing for these ASCII patterns on a folded line
  const withSeparator = new RegExp(`^${KEY}\\s*\\**\\s*[:=]\\s*\\**\\s*(.+)$`, 'u').exec(line);
  if (withSeparator) return withSeparator[1]!;
  // `Priorité haute` alone on its line; and keys typed with a slip (`Prioirté : haute`).
  const words = line.split(/\s*[:=]\s*|\s+/u).filter((w) => w !== '');
  if (words.length < 2 || words.length > 3) return null;
  const key = words[0]!.replace(/\*/gu, '');
  if (!KEY_WORDS.some((k) => editDistance(key, k, 2) <= 2)) return null;
  return words.slice(1).join(' ');
}

/** The subject and new text without their declarations, so a tag's `critique` is not read as shouting. */
export function withoutDeclarations(subject: string, newText: string): { subject: string; newText: string } {
  return {
    subject: subject.replace(/\[([^[\]]{1,40})\]/gu, (tag, inner: string, index: number) =>
      !isReplyCounter(subject, index, inner) && declaredInSubject(tag) ? ' ' : tag,
    ),
    newText: newText
      .split('\n')
      .filter((line) => declaredInBody(line) === null)
      .join('\n'),
  };
}
