import { describe, expect, it } from 'vitest';
import { readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

/** Limits of the fact reading (issue 19): how much of a long clause is quoted as evidence. */
describe('readPriorityFacts: the quoted phrase', () => {
  it('quotes a clause of 160 characters whole, and a longer one as 60 characters around the cue', () => {
    const clause = (tail: number) => `${'a'.repeat(100)} je suis bloqué ${'b'.repeat(tail)}`;
    expect(clause(44)).toHaveLength(160);
    expect(readPriorityFacts(clause(44)).phrases.blocked).toEqual([clause(44)]);
    expect(readPriorityFacts(clause(45)).phrases.blocked).toEqual([
      `${'a'.repeat(51)} je suis bloqué ${'b'.repeat(45)}`,
    ]);
  });

  it('trims the punctuation and blanks a clause starts or ends with', () => {
    expect(readPriorityFacts('Bonjour - je suis bloqué -').phrases.blocked).toEqual(['je suis bloqué']);
  });
});
