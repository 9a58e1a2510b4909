import type { PriorityLevel } from '../desk/service-desk-config';
import {
  AFFECTED,
  BLOCKED_CUES,
  type Cue,
  NEGATION_STOPS,
  NEGATORS,
  NO_WORKAROUND_CUES,
  NOT_BLOCKED_CUES,
  ONE_USER_CUES,
  SEVERAL_USERS_CUES,
  WORKAROUND_CUES,
} from './priority-vocabulary';
import {
  clauses,
  type FoldedText,
  foldText,
  originalSpan,
  type Span,
  sentences,
  spanAt,
} from './text-normalize';

/** Longer bodies are log dumps or pasted documents: the client's statement is at the top. */
export const MAX_ANALYSED_CHARS = 20_000;
const MAX_PHRASE_CHARS = 160;

/** The brochure's three facts, each with the client's own phrases that established it. */
export type PriorityFacts = {
  blocked: boolean;
  workaround: boolean;
  severalUsers: boolean;
  phrases: {
    blocked: string[];
    notBlocked: string[];
    workaround: string[];
    noWorkaround: string[];
    severalUsers: string[];
    oneUser: string[];
  };
};

type Found = {
  cue: Cue;
  start: number;
  end: number;
  sentence: Span;
  /** From the clause where the cue starts to the clause where it ends: the client's phrase. */
  phrase: Span;
  clause: Span;
  negated: boolean;
  question: boolean;
};

/**
 * Reads the facts from a text (the subject when it is the client's, then the new text). `subjectLength`
 * is the length of the leading subject part: a several-users phrase there counts on its own.
 */
export function readPriorityFacts(text: string, subjectLength = 0): PriorityFacts {
  const folded = foldText(text.slice(0, MAX_ANALYSED_CHARS));
  const subjectEnd = subjectLength > 0 ? foldText(text.slice(0, subjectLength)).text.length : 0;
  const sentenceSpans = sentences(folded.text);
  const find = (cues: readonly Cue[]) => findCues(folded, sentenceSpans, cues);

  const blockedFound = find(BLOCKED_CUES);
  const severalFound = find(SEVERAL_USERS_CUES).filter((f) => !f.negated && !notAll(folded.text, f));
  const blockingSeveral = severalFound.filter((f) => f.cue.blocking);
  const blocked = [...blockedFound.filter((f) => !f.negated), ...blockingSeveral].sort(byStart);
  const denials = blockedFound.filter((f) => f.negated && f.cue.negation === 'denies');
  const notBlocked = [...denials, ...find(NOT_BLOCKED_CUES)].sort(byStart);

  // A workaround that is asked about is not a workaround that exists; the last statement wins
  // (`on a essayé le webmail, mais le contournement ne fonctionne pas`).
  const noWorkaround = find(NO_WORKAROUND_CUES).filter((f) => !f.question);
  const workaround = find(WORKAROUND_CUES).filter(
    (f) => !f.question && !f.negated && !noWorkaround.some((n) => overlaps(n, f)),
  );
  const lastStatement = [...noWorkaround, ...workaround].sort(byStart).at(-1);

  const blockedSentences = blocked.map((f) => f.sentence.start);
  const several = severalFound.filter(
    (f) =>
      f.cue.blocking ||
      f.start < subjectEnd ||
      blockedSentences.includes(f.sentence.start) ||
      AFFECTED.test(folded.text.slice(f.sentence.start, f.sentence.end)),
  );
  const oneUser = find(ONE_USER_CUES).filter((f) => !f.question && !f.negated);

  const phrase = (list: readonly Found[]) => unique(list.map((f) => phraseOf(folded, f)));
  return {
    blocked: blocked.length > 0 && notBlocked.length === 0,
    workaround: lastStatement !== undefined && workaround.includes(lastStatement),
    severalUsers: several.length > 0 && oneUser.length === 0,
    phrases: {
      blocked: phrase(blocked),
      notBlocked: phrase(notBlocked),
      workaround: phrase(lastStatement && workaround.includes(lastStatement) ? [lastStatement] : []),
      noWorkaround: phrase(lastStatement && noWorkaround.includes(lastStatement) ? [lastStatement] : []),
      severalUsers: phrase(several),
      oneUser: phrase(oneUser),
    },
  };
}

/**
 * triage.md: not blocked → normale; blocked with a workaround → moyenne (even for several users);
 * blocked, no workaround, one user → haute; several users → critique.
 */
export function levelFromFacts(facts: PriorityFacts): PriorityLevel {
  if (!facts.blocked) return 'normale';
  if (facts.workaround) return 'moyenne';
  return facts.severalUsers ? 'critique' : 'haute';
}

/** The phrases that decided the level, most telling first, each once. */
export function evidenceFor(facts: PriorityFacts): string[] {
  const p = facts.phrases;
  const level = levelFromFacts(facts);
  const parts: string[][] =
    level === 'normale'
      ? [p.notBlocked.slice(0, 2)]
      : level === 'moyenne'
        ? [p.blocked.slice(0, 2), p.workaround]
        : level === 'haute'
          ? [p.blocked.slice(0, 2), p.noWorkaround, p.oneUser.slice(0, 1)]
          : [p.severalUsers.slice(0, 2), p.blocked.slice(0, 2), p.noWorkaround];
  return unique(parts.flat());
}

function findCues(folded: FoldedText, sentenceSpans: readonly Span[], cues: readonly Cue[]): Found[] {
  const found: Found[] = [];
  for (const cue of cues) {
    const pattern = new RegExp(cue.pattern.source, cue.pattern.flags);
    for (const m of folded.text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) continue;
      const sentence = spanAt(sentenceSpans, start);
      const clauseSpans = clauses(folded.text, sentence);
      const clause = spanAt(clauseSpans, start);
      found.push({
        cue,
        start,
        end,
        sentence,
        clause,
        phrase: { start: clause.start, end: Math.max(clause.end, spanAt(clauseSpans, end - 1).end) },
        negated: cue.negation !== undefined && isNegated(folded.text, clause.start, start, 3),
        question: folded.text.slice(sentence.end, sentence.end + 3).includes('?'),
      });
    }
  }
  return found;
}

/** `pas tout le monde`, `not everyone`, `not all users`: fewer than all, so maybe only one. */
function notAll(text: string, f: Found): boolean {
  const before = text.slice(f.clause.start, f.start).split(/\s+/u).slice(-3);
  return before.some((w) => w === 'pas' || w === 'not' || w === 'non' || w.endsWith("n't"));
}

/**
 * `je ne suis pas bloqué`, `not blocking`, `rien de bloquant`, `sans être bloqué`: a negation among
 * the few words before the cue, in the same clause and not beyond `et`/`donc`/`and`/`so`.
 * `plus` negates only as `ne … plus` or right before the cue (`en plus, je suis bloqué` does not).
 */
function isNegated(text: string, clauseStart: number, at: number, windowWords: number): boolean {
  let words = text
    .slice(clauseStart, at)
    .split(/[\s-]+/u)
    .filter((w) => w !== '');
  const stop = words.findLastIndex((w) => NEGATION_STOPS.has(w));
  if (stop >= 0) words = words.slice(stop + 1);
  const window = words.slice(-windowWords);
  const last = window.at(-1);
  if (last === 'sans' || (last === 'etre' && window.at(-2) === 'sans')) return true;
  // `ne plante plus`, `n'est plus en panne`: the `ne` right before the cue, its `plus` after.
  if (last === 'ne' || last?.startsWith("n'")) return true;
  const hasNe = window.some((w) => w === 'ne' || w.startsWith("n'"));
  return window.some((w, i) => {
    if (w.endsWith("n't")) return true;
    if (!NEGATORS.has(w)) return false;
    if (w === 'plus' || w === 'pu') return hasNe || i === window.length - 1;
    return true;
  });
}

function phraseOf(folded: FoldedText, f: Found): string {
  let { start, end } = f.phrase;
  if (end - start > MAX_PHRASE_CHARS) {
    start = Math.max(start, f.start - 60);
    end = Math.min(end, f.end + 60);
  }
  return originalSpan(folded, start, end).replace(/^[\s,;:–-]+|[\s,;:–-]+$/gu, '');
}

function overlaps(a: Found, b: Found): boolean {
  return a.start < b.end && b.start < a.end;
}

function byStart(a: Found, b: Found): number {
  return a.start - b.start;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
