import { describe, expect, it } from 'vitest';
import { levelAfterAnswer, readPriorityAnswer } from '../../../shared/domain/triage/priority-answer';
import type { FactReadings } from '../../../shared/domain/triage/priority-facts';

/**
 * A client's answer to "priorité à confirmer" (issue 11): which fact each sentence answers, when a
 * bare oui/non counts, and the level once the answers replace the open readings (issue 19).
 */
describe('readPriorityAnswer', () => {
  it('answers "blocked" only from a confident statement, either way', () => {
    expect(readPriorityAnswer('Je suis bloqué, je ne peux plus travailler.', ['blocked'])?.answers).toEqual({
      blocked: true,
    });
    expect(readPriorityAnswer("Je ne suis pas bloqué, ce n'est pas gênant.", ['blocked'])?.answers).toEqual({
      blocked: false,
    });
  });

  it('answers "workaround" from a workaround in use or one ruled out', () => {
    expect(
      readPriorityAnswer('On note les commandes sur papier en attendant.', ['workaround']),
    ).toMatchObject({
      answers: { workaround: true },
    });
    expect(
      readPriorityAnswer("Nous n'avons aucune solution de contournement.", ['workaround'])?.answers,
    ).toEqual({
      workaround: false,
    });
  });

  it('answers "several users" from the person of a blocked statement', () => {
    expect(readPriorityAnswer('Je suis seule à être bloquée.', ['severalUsers'])?.answers).toEqual({
      severalUsers: false,
    });
    expect(readPriorityAnswer('Nous sommes 5 à être bloqués.', ['severalUsers'])?.answers).toEqual({
      severalUsers: true,
    });
  });

  it('takes the person of a blocked statement even with medium confidence, with its phrase as evidence', () => {
    expect(readPriorityAnswer('On ne peut plus imprimer.', ['severalUsers'])).toEqual({
      answers: { severalUsers: true },
      evidence: ['On ne peut plus imprimer'],
    });
    expect(
      readPriorityAnswer("Impossible d'imprimer depuis ce matin. J'ai redémarré.", ['severalUsers']),
    ).toEqual({
      answers: { severalUsers: false },
      evidence: ["Impossible d'imprimer depuis ce matin"],
    });
  });

  it('takes a group named with confidence even when nothing is said blocked', () => {
    expect(readPriorityAnswer("Toute l'équipe est concernée.", ['severalUsers'])).toEqual({
      answers: { severalUsers: true },
      evidence: ["Toute l'équipe est concernée"],
    });
  });

  it('takes no answer about several users from a blocked statement that does not say who', () => {
    expect(readPriorityAnswer('La caisse ne marche plus.', ['severalUsers'])).toBeNull();
  });

  it('answers nothing when nothing was asked', () => {
    expect(readPriorityAnswer('Oui, nous sommes 5 à être bloqués.', [])).toBeNull();
  });

  it('lets the facts of the reply win over a bare oui/non at its start', () => {
    expect(readPriorityAnswer('Non, nous sommes 5 à être bloqués.', ['severalUsers'])?.answers).toEqual({
      severalUsers: true,
    });
  });

  it('reads a bare oui/non on the first line that is not blank, as a whole word', () => {
    expect(readPriorityAnswer('\n  \nOUI', ['workaround'])).toEqual({
      answers: { workaround: true },
      evidence: ['oui'],
    });
    expect(readPriorityAnswer('Pas du tout.', ['blocked'])?.answers).toEqual({ blocked: false });
    expect(readPriorityAnswer('Nonobstant le reste.', ['blocked'])).toBeNull();
    expect(readPriorityAnswer('Ouistiti', ['blocked'])).toBeNull();
    expect(readPriorityAnswer('', ['blocked'])).toBeNull();
  });

  it('quotes at most 60 characters of a bare answer, and each phrase once', () => {
    const long = `Oui ${'x'.repeat(100)}`;
    expect(readPriorityAnswer(long, ['workaround'])?.evidence).toEqual([`oui ${'x'.repeat(56)}`]);
  });
});

describe('levelAfterAnswer', () => {
  const open: FactReadings = {
    blocked: { state: 'yes', confidence: 'high', evidence: ['la caisse ne marche plus'] },
    workaround: { state: 'not-mentioned', confidence: 'medium', evidence: [] },
    severalUsers: { state: 'unknown', confidence: 'low', evidence: ['la caisse ne marche plus'] },
  };

  it('replaces the answered readings with confident ones carrying the answer as evidence', () => {
    const after = levelAfterAnswer(open, { answers: { severalUsers: true }, evidence: ['nous sommes 5'] });
    expect(after).toEqual({
      level: 'critique',
      readings: { ...open, severalUsers: { state: 'yes', confidence: 'high', evidence: ['nous sommes 5'] } },
      uncertain: [],
    });
  });

  it('settles each level: one user haute, a workaround moyenne, not blocked normale', () => {
    expect(levelAfterAnswer(open, { answers: { severalUsers: false }, evidence: ['seul'] }).level).toBe(
      'haute',
    );
    const workaround = levelAfterAnswer(open, { answers: { workaround: true }, evidence: ['papier'] });
    expect(workaround.level).toBe('moyenne');
    expect(workaround.readings.workaround).toEqual({
      state: 'exists',
      confidence: 'high',
      evidence: ['papier'],
    });
    // moyenne however many are blocked: the question about several users no longer matters.
    expect(workaround.uncertain).toEqual([]);
    const none = levelAfterAnswer(open, { answers: { workaround: false }, evidence: ['rien'] });
    expect(none.readings.workaround.state).toBe('none');
    expect(none.level).toBe('critique');
    const notBlocked = levelAfterAnswer(open, { answers: { blocked: false }, evidence: ['non'] });
    expect(notBlocked.level).toBe('normale');
    expect(notBlocked.readings.blocked).toEqual({ state: 'no', confidence: 'high', evidence: ['non'] });
  });

  it('keeps the tie rule for a fact still open: critique while several users is unknown', () => {
    const blockedOpen: FactReadings = {
      ...open,
      blocked: { state: 'unknown', confidence: 'low', evidence: [] },
    };
    const after = levelAfterAnswer(blockedOpen, { answers: { blocked: true }, evidence: ['oui'] });
    expect(after.level).toBe('critique');
    expect(after.uncertain).toEqual(['severalUsers']);
    expect(levelAfterAnswer(blockedOpen, { answers: {}, evidence: [] }).uncertain).toEqual([
      'blocked',
      'severalUsers',
    ]);
  });
});
