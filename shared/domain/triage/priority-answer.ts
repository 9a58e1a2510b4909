import type { PriorityLevel } from '../desk/service-desk-config';
import type { UncertainFact } from './priority';
import { type FactReadings, levelFromFacts, openLevels, readPriorityFacts } from './priority-facts';
import { fold } from './text-normalize';

/** The questions an acknowledgement asks about the facts the triage could not settle (issue 11). */
export const PRIORITY_QUESTIONS: Record<'fr' | 'en', Record<UncertainFact, string>> = {
  fr: {
    severalUsers: 'Êtes-vous plusieurs à être bloqués ?',
    workaround: 'Pouvez-vous continuer à travailler autrement en attendant ?',
    blocked: 'Êtes-vous bloqué dans votre travail ?',
  },
  en: {
    severalUsers: 'Are several of you blocked?',
    workaround: 'Can you carry on working another way in the meantime?',
    blocked: 'Are you blocked in your work?',
  },
};

/** A client's answers to the uncertain facts, with the phrase that gave each. */
export type PriorityAnswer = {
  answers: Partial<Record<UncertainFact, boolean>>;
  evidence: string[];
};

const YES = /^(?:oui|yes|yep|ouais|exact|exactement|affirmatif|absolument|tout a fait|correct)\b/u;
const NO = /^(?:non|no|nope|pas du tout|negatif)\b/u;

/**
 * Reads a reply on a ticket whose priority is to be confirmed: the reply's own facts answer the
 * uncertain ones when they are read with confidence (`oui nous sommes 5 bloqués`: several users;
 * `on note sur papier en attendant`: a workaround); a bare `oui`/`non` at the start answers the
 * question when only one was asked. Null when nothing in the reply answers.
 */
export function readPriorityAnswer(
  newText: string,
  uncertain: readonly UncertainFact[],
): PriorityAnswer | null {
  // Stryker disable next-line ConditionalExpression: a shortcut; with nothing asked no answer is taken and the result is null anyway
  if (uncertain.length === 0) return null;
  const facts = readPriorityFacts(newText);
  const r = facts.readings;
  const answers: PriorityAnswer['answers'] = {};
  const evidence: string[] = [];
  const take = (fact: UncertainFact, value: boolean, phrases: string[]) => {
    answers[fact] = value;
    evidence.push(...phrases);
  };
  for (const fact of uncertain) {
    if (fact === 'severalUsers' && r.severalUsers.confidence !== 'low' && r.blocked.state === 'yes') {
      take(fact, r.severalUsers.state === 'yes', r.severalUsers.evidence);
    } else if (fact === 'severalUsers' && r.severalUsers.confidence === 'high') {
      take(fact, r.severalUsers.state === 'yes', r.severalUsers.evidence);
    } else if (fact === 'workaround' && r.workaround.state !== 'not-mentioned') {
      take(fact, r.workaround.state === 'exists', r.workaround.evidence);
    } else if (fact === 'blocked' && r.blocked.confidence === 'high') {
      take(fact, r.blocked.state === 'yes', r.blocked.evidence);
    }
  }
  // The first line that is not blank (fold trims its blanks).
  const first = fold(newText.trimStart().split('\n')[0]!);
  const bare = YES.test(first) ? true : NO.test(first) ? false : null;
  if (bare !== null && uncertain.length === 1 && answers[uncertain[0]!] === undefined) {
    take(uncertain[0]!, bare, [first.slice(0, 60)]);
  }
  return Object.keys(answers).length > 0 ? { answers, evidence: [...new Set(evidence)] } : null;
}

/** The level once the client's answers replace the uncertain readings; still-open facts keep the tie rule. */
export function levelAfterAnswer(
  readings: FactReadings,
  answer: PriorityAnswer,
): { level: PriorityLevel; readings: FactReadings; uncertain: UncertainFact[] } {
  const a = answer.answers;
  const confirmed = { confidence: 'high' as const, evidence: answer.evidence };
  const next: FactReadings = {
    blocked: a.blocked === undefined ? readings.blocked : { ...confirmed, state: a.blocked ? 'yes' : 'no' },
    workaround:
      a.workaround === undefined
        ? readings.workaround
        : { ...confirmed, state: a.workaround ? 'exists' : 'none' },
    severalUsers:
      a.severalUsers === undefined
        ? readings.severalUsers
        : { ...confirmed, state: a.severalUsers ? 'yes' : 'no' },
  };
  // Still asked: a fact read with low confidence while the level still depends on it (after « oui, on
  // note sur papier » the ticket is moyenne however many are blocked: no question is left).
  const stillOpen = openLevels({ readings: next }).length > 1;
  const uncertain = stillOpen
    ? (['blocked', 'severalUsers'] as const).filter((f) => next[f].confidence === 'low')
    : [];
  // The level depends on the readings only.
  return { level: levelFromFacts({ readings: next }), readings: next, uncertain };
}
