/**
 * Issue 11, the learned second reader (second-reader.ts): the words of a mail as the learned model
 * sees them. The text is folded the way the triage's own vocabularies read it
 * (foldText: lower case, no accents, apostrophes restored, SMS spellings expanded), cut into words,
 * and every word and every pair of neighbouring words is hashed into a fixed number of buckets. The
 * subject's words get their own buckets: a title (`Imprimante HS`) is not a sentence of the body.
 */
import { MAX_ANALYSED_CHARS } from '../priority-facts';
import { foldText } from '../text-normalize';

/** 2^18 buckets: few enough to train in a second, enough that unrelated words seldom share one. */
export const FEATURE_BITS = 18;
export const FEATURE_COUNT = 1 << FEATURE_BITS;

/** A sentence end or line break is a boundary: no pair of words is made across it. */
const BOUNDARY = /[.!?;:\n]+/u;
const WORD = /[\p{L}\p{N}']+/gu;

/**
 * The distinct buckets of a mail's subject and new text, sorted (binary presence, not counts).
 * `names`, when given, records which word or pair fell in each bucket, to show what a model learned.
 */
export function hashedFeatures(subject: string, text: string, names?: Map<number, string>): number[] {
  const buckets = new Set<number>();
  const add = (feature: string) => {
    const bucket = hash(feature);
    buckets.add(bucket);
    names?.set(bucket, feature);
  };
  addPart(add, 's', subject);
  addPart(add, 'b', withoutGreeting(text));
  // A bias bucket: every mail has it, so the model has an intercept without a special case.
  add('bias');
  return [...buckets].sort((a, b) => a - b);
}

function addPart(add: (feature: string) => void, part: string, source: string): void {
  if (source === '') return;
  // The rules' bound (priority-facts.ts): a pasted log below the client's statement is not read.
  for (const chunk of foldText(source.slice(0, MAX_ANALYSED_CHARS)).text.split(BOUNDARY)) {
    const words = (chunk.match(WORD) ?? []).flatMap(canonicalWords);
    let previous = '<s>';
    for (const word of words) {
      add(`${part}1 ${word}`);
      add(`${part}2 ${previous} ${word}`);
      previous = word;
    }
    if (words.length > 0) add(`${part}2 ${previous} </s>`);
  }
}

/**
 * A greeting line (`Bonjour à toute l'équipe,`, `Hello team,`, `Dear all,`) says whom the mail is
 * addressed to, never who is blocked: the rules read no fact in it, and the metamorphic test adds
 * one to every mail. Only a first line that holds nothing but the greeting (`Bonjour, plus personne ne
peut imprimer` is read whole).
 */
const GREETING_LINE =
  /\s*(?:bonjour|bonsoir|bjr|salut|slt|coucou|allo|hello|hi|hey|dear|greetings|good (?:morning|afternoon|evening)|cher|chere|chers|cheres|madame|monsieur|mesdames|messieurs)\b[^\n.?!,;:]{0,40}[,!:]?[ \t]*\n/iuy;

function withoutGreeting(text: string): string {
  // Every greeting line at the top (`Bonjour à toute l'équipe,` above the client's own `Bonjour,`).
  // Sticky (`y`): each match starts where the last ended, so a wall of greetings stays linear.
  let at = 0;
  GREETING_LINE.lastIndex = 0;
  while (GREETING_LINE.exec(text) !== null) at = GREETING_LINE.lastIndex;
  return at === 0 ? text : text.slice(at);
}

/** The words of a text as folded, before canonicalWords: what an evidence line may quote. */
export function mailWords(source: string): string[] {
  return foldText(source.slice(0, MAX_ANALYSED_CHARS)).text.match(WORD) ?? [];
}

/**
 * Spoken French drops the `ne` of a negation (`je peux pas`, `on a plus`), and the triage must read
 * it as the written form (the metamorphic test): `ne` and the elided `n'` are not words here, and
 * `j'` is `je`, so `je n'ai pas` and `j'ai pas` are the same words.
 */
function canonicalWords(word: string): string[] {
  if (word === 'ne' || word === 'n') return [];
  if (word.startsWith("n'")) return word.length > 2 ? [word.slice(2)] : [];
  if (word.startsWith("j'")) return word.length > 2 ? ['je', word.slice(2)] : ['je'];
  return [word === 'j' ? 'je' : word];
}

/** FNV-1a, 32 bits, folded to FEATURE_BITS: deterministic across runs and machines. */
function hash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (FEATURE_COUNT - 1);
}
