/**
 * Issue 11, the learned second reader (docs/triage.md, "A learned second reader"): after the
 * hand-written readings, the learned model (learned-model.ts) reads the same text, and
 *
 * - settles a fact the rules read unsure (low or medium confidence, `unknown`, `not-mentioned`) when
 *   it is confident (p ≥ 0.9 or ≤ 0.1): the fact gets its state, confidence `medium` and an evidence
 *   line naming the learned reader and the mail's words behind it; the level is then the brochure's
 *   table over the facts. A level the model changed is a reading to confirm: the client is asked;
 * - where the rules are sure and the model confidently reads otherwise, so that the level would
 *   differ, asks the client (never a silent override of a sure reading), and keeps the rules' level
 *   unless the other reading gives critique to someone blocked: then critique, by the tie rule.
 *
 * This is the experiment's hybrid H4 at t = 0.9 (scripts/experiment-learned-facts.ts), chosen on
 * holdout20…23. A declared level or a default one is left alone: the model reads no declaration.
 */
import type { PriorityLevel } from '../../desk/service-desk-config';
import { type FactReadings, levelFromFacts } from '../priority-facts';
import { type LearnedProbabilities, type LearnedReading, readLearned } from './learned-model';
import { LEARNED_FACTS, type LearnedFact } from './weights-codec';

/** The model decides a fact only when p ≥ this or p ≤ 1 − this. */
export const LEARNED_THRESHOLD = 0.9;

/** What the second reader reads of a triage result (priority.ts's PriorityResult). */
type Priority = {
  level: PriorityLevel;
  source: string;
  inferredLevel: PriorityLevel;
  evidence: string[];
  confidence: 'high' | 'low';
  uncertain: LearnedFact[];
  facts: FactReadings;
  learned?: LearnedProbabilities;
};

type State = FactReadings[LearnedFact]['state'];

/**
 * The rules' result read a second time by the learned model. `read` is the learned reading of the
 * text the rules read (a parameter so that tests can give the model any probabilities).
 */
export function withSecondReader<P extends Priority>(
  rules: P,
  text: { subject: string; body: string },
  read: (subject: string, body: string) => LearnedReading = (subject, body) => readLearned(subject, body),
): P {
  if (rules.source !== 'inferred') return rules;
  const reading = read(text.subject, text.body);
  const { p } = reading;
  const confident = (fact: LearnedFact) => confidentState(fact, p[fact]);

  const facts: FactReadings = { ...rules.facts };
  const decided = new Set<LearnedFact>();
  const shown = new Map<LearnedFact, string[]>();
  for (const fact of LEARNED_FACTS) {
    const state = confident(fact);
    if (state === null || !rulesUnsure(rules.facts[fact])) continue;
    const words = reading.words(fact, holds(fact, state));
    const line = learnedLine(p[fact], words);
    const before = rules.facts[fact];
    // Agreeing with the rules' unsure reading keeps it (`failed` stays `failed`) and its phrases;
    // reading otherwise replaces them.
    if (means(fact, before.state) === means(fact, state)) {
      setReading(facts, fact, before.state, [...before.evidence, line]);
    } else {
      setReading(facts, fact, state, [line]);
    }
    decided.add(fact);
    shown.set(fact, words);
  }

  let level = decided.size === 0 ? rules.level : levelFromFacts({ readings: facts });
  const changed = LEARNED_FACTS.filter(
    (f) => decided.has(f) && means(f, facts[f].state) !== means(f, rules.facts[f].state),
  );
  const stillOpen = rules.confidence === 'low' ? rules.uncertain.filter((f) => !decided.has(f)) : [];
  let asked: LearnedFact[] = [...stillOpen, ...(level !== rules.level ? changed : [])];
  if (asked.length === 0) {
    // The rules are sure of a fact the model confidently reads otherwise: ask, keep the level.
    const over: FactReadings = { ...facts };
    const disagreeing: LearnedFact[] = [];
    for (const fact of LEARNED_FACTS) {
      const state = confident(fact);
      if (state === null || means(fact, state) === means(fact, facts[fact].state)) continue;
      setReading(over, fact, state, []);
      disagreeing.push(fact);
    }
    if (levelFromFacts({ readings: over }) !== level) {
      // Ask about the facts that move the level on their own (a second user matters not when nobody is blocked).
      const moving = disagreeing.filter((fact) => {
        const one: FactReadings = { ...facts };
        setReading(one, fact, over[fact].state, []);
        return levelFromFacts({ readings: one }) !== level;
      });
      asked = moving.length > 0 ? moving : disagreeing;
      // The tie rule (triage.md): between two levels the evidence leaves open, when one is critique,
      // critique. A sure reading against a confident other one leaves both levels open: a sure "one
      // user" against "several" (a team's only scanner, the council's voting system), a sure way
      // around against "none". Only once someone is blocked: a mail the rules read as not blocking
      // (« ce n'est pas bloquant ») keeps its level and is asked.
      const critique: FactReadings = { ...facts };
      const critiqueWords = new Map<LearnedFact, string[]>();
      for (const fact of asked) {
        const words = reading.words(fact, holds(fact, over[fact].state));
        setReading(critique, fact, over[fact].state, [learnedLine(p[fact], words)]);
        critiqueWords.set(fact, words);
      }
      if (
        facts.blocked.state === 'yes' &&
        !asked.includes('blocked') &&
        levelFromFacts({ readings: critique }) === 'critique'
      ) {
        Object.assign(facts, critique);
        for (const [fact, words] of critiqueWords) shown.set(fact, words);
        level = 'critique';
      }
    }
  }
  const uncertain = ORDER.filter((f) => asked.includes(f));
  return {
    ...rules,
    level,
    inferredLevel: level,
    evidence: level === rules.level ? rules.evidence : levelEvidence(facts, level, shown),
    confidence: uncertain.length > 0 ? 'low' : 'high',
    uncertain,
    facts,
    learned: p,
  };
}

/** The evidence line of a fact the learned reader read: its probability and the words behind it. */
function learnedLine(p: number, words: string[]): string {
  return `learned (p=${p.toFixed(2)})${words.length > 0 ? `: ${words.map((w) => `« ${w} »`).join(', ')}` : ''}`;
}

/** The questions in the order the rules ask them (priority.ts, uncertainFacts). */
const ORDER: readonly LearnedFact[] = ['blocked', 'severalUsers', 'workaround'];

/** A reading the rules are not sure of: low or medium confidence, or nothing said. */
function rulesUnsure(reading: FactReadings[LearnedFact]): boolean {
  return reading.confidence !== 'high' || reading.state === 'unknown' || reading.state === 'not-mentioned';
}

/** The model's state for a fact when it is confident, else null. */
function confidentState(fact: LearnedFact, p: number): State | null {
  if (p >= LEARNED_THRESHOLD) return fact === 'workaround' ? 'exists' : 'yes';
  if (p <= 1 - LEARNED_THRESHOLD) return fact === 'workaround' ? 'none' : 'no';
  return null;
}

function holds(fact: LearnedFact, state: State): boolean {
  return state === (fact === 'workaround' ? 'exists' : 'yes');
}

/** What a state means for the level: a workaround not mentioned counts as none (triage.md). */
function means(fact: LearnedFact, state: State): string {
  return fact === 'workaround' ? String(state === 'exists') : state;
}

function setReading(facts: FactReadings, fact: LearnedFact, state: State, evidence: string[]): void {
  const reading = { state, confidence: 'medium' as const, evidence };
  if (fact === 'blocked') facts.blocked = reading as FactReadings['blocked'];
  else if (fact === 'workaround') facts.workaround = reading as FactReadings['workaround'];
  else facts.severalUsers = reading as FactReadings['severalUsers'];
}

/**
 * The phrases behind a level the model changed, most telling first (as evidenceFor orders them):
 * the rules' phrases for the facts they read, the model's words for those it decided. These are
 * the client's words, quoted in the acknowledgement; "learned" is said in the facts' evidence.
 */
function levelEvidence(
  facts: FactReadings,
  level: PriorityLevel,
  shown: ReadonlyMap<LearnedFact, string[]>,
): string[] {
  const order: LearnedFact[] =
    level === 'normale'
      ? ['blocked']
      : level === 'moyenne'
        ? ['blocked', 'workaround']
        : level === 'haute'
          ? ['blocked', 'workaround', 'severalUsers']
          : ['severalUsers', 'blocked', 'workaround'];
  const phrases = order.flatMap((f) => shown.get(f) ?? facts[f].evidence);
  return [...new Set(phrases)];
}
