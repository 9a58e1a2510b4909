import { describe, expect, it } from 'vitest';
import { buildAcknowledgement } from '../../../shared/domain/acknowledgement/acknowledgement';
import { priorityToConfirm } from '../../../shared/domain/ticket/ticket';
import { triagePriority } from '../../../shared/domain/triage/priority';
import { levelAfterAnswer, readPriorityAnswer } from '../../../shared/domain/triage/priority-answer';
import { openLevels, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';
import { ackInput } from '../acknowledgement/support';

const triage = (newText: string, subject = '') => triagePriority({ subject, newText, headers: {} });

describe('Issue 11: the three facts, each with evidence and confidence', () => {
  it('reads several users from a count, with the phrase as evidence', () => {
    const r = readPriorityFacts("Les 5 secrétaires n'ont plus accès à l'agenda.").readings;
    expect(r.severalUsers).toMatchObject({ state: 'yes', confidence: 'high' });
    expect(r.severalUsers.evidence[0]).toContain('Les 5 secrétaires');
  });

  it.each([
    ['aucun vendeur ne peut encaisser', 'yes'],
    ['no one in the warehouse can scan parcels', 'yes'],
    ['our 14 drivers cannot see their rounds', 'yes'],
    ['the night shift cant print anything', 'yes'],
    ['je ne peux plus imprimer', 'no'],
    ["I can't open the ledger, it hangs on loading", 'no'],
  ])('reads the users of "%s" as several: %s', (text, state) => {
    expect(readPriorityFacts(text).readings.severalUsers.state).toBe(state);
  });

  it.each([
    "Le logo est flou. Personne ne s'en plaint.",
    'The wifi name has a typo. Nobody is bothered by it.',
    'The clock is one hour off. No one has noticed.',
    "Une photo ne s'affiche pas. Aucun client ne s'est plaint.",
  ])('keeps the polarity of a negative quantifier: "%s" is nobody blocked', (text) => {
    expect(triage(text).level).toBe('normale');
  });

  it.each([
    ["Mon poste ne démarre plus. J'ai essayé sur un autre poste, même problème.", 'failed'],
    ["Le logiciel plante. Un redémarrage n'a rien changé.", 'failed'],
    ['The router is dead. The backup router doesnt connect either.', 'failed'],
    ['La caisse est bloquée, on note les ventes sur papier en attendant.', 'exists'],
    ["My laptop won't boot, I'm on my personal laptop for today.", 'exists'],
    ["Le TPE ne marche plus, pas d'autre terminal.", 'none'],
    ['Le TPE ne marche plus.', 'not-mentioned'],
  ])('reads the workaround of "%s" as %s', (text, state) => {
    expect(readPriorityFacts(text).readings.workaround.state).toBe(state);
  });
});

describe('Issue 11: confidence, uncertain facts and the tie rule', () => {
  it('is confident when every fact is settled', () => {
    const r = triage("Je n'arrive plus à me connecter, mes collègues y arrivent. Pas d'autre poste.");
    expect(r).toMatchObject({ level: 'haute', confidence: 'high', uncertain: [] });
  });

  it('takes critique between haute and critique, and says which fact to ask about', () => {
    const r = triage('Card payment terminal not responding since 10am.');
    expect(openLevels(readPriorityFacts('Card payment terminal not responding since 10am.'))).toEqual([
      'haute',
      'critique',
    ]);
    expect(r).toMatchObject({ level: 'critique', confidence: 'low' });
    expect(r.uncertain).toEqual(['severalUsers', 'workaround']);
    expect(r.facts.severalUsers).toMatchObject({ state: 'unknown', confidence: 'low' });
  });

  it('is confident when the client declared the level', () => {
    expect(triage('Priorité : haute\nLe terminal ne répond plus.')).toMatchObject({
      level: 'haute',
      source: 'declared',
      confidence: 'high',
      uncertain: [],
    });
  });
});

describe('Issue 11: the questions and a plain answer', () => {
  it('asks the uncertain facts in the acknowledgement, in French and English', () => {
    const priority = {
      level: 'critique' as const,
      source: 'inferred' as const,
      evidence: [],
      uncertain: ['severalUsers', 'workaround'] as const,
    };
    const fr = buildAcknowledgement(ackInput({ priority }));
    expect(fr.text).toContain('Êtes-vous plusieurs à être bloqués ?');
    expect(fr.text).toContain('Pouvez-vous continuer à travailler autrement en attendant ?');
    expect(fr.text).toContain('Priorité à confirmer');
    const en = buildAcknowledgement(ackInput({ language: 'en', priority }));
    expect(en.text).toContain('Are several of you blocked?');
    expect(en.text).toContain('Can you carry on working another way in the meantime?');
  });

  it('asks nothing when the level is settled', () => {
    const ack = buildAcknowledgement(ackInput());
    expect(ack.text).not.toContain('Êtes-vous plusieurs');
    expect(ack.text).not.toContain('à confirmer');
  });

  it.each([
    ['oui nous sommes 5 bloqués', { severalUsers: true }],
    ['non, je suis la seule', { severalUsers: false }],
    ['yes, all of us are stuck', { severalUsers: true }],
    ['On note les commandes sur papier en attendant.', { workaround: true }],
  ])('reads the plain answer "%s"', (text, answers) => {
    expect(readPriorityAnswer(text, ['severalUsers', 'workaround'])?.answers).toEqual(answers);
  });

  it('takes a bare oui/non for the one question asked, and nothing when two were asked', () => {
    expect(readPriorityAnswer('Oui.', ['severalUsers'])?.answers).toEqual({ severalUsers: true });
    expect(readPriorityAnswer('Oui.', ['severalUsers', 'workaround'])).toBeNull();
    expect(readPriorityAnswer('Merci pour votre retour.', ['severalUsers'])).toBeNull();
    expect(readPriorityAnswer('oui nous sommes 5 bloqués', [])).toBeNull();
  });

  it('settles the level from the stored facts and the answer', () => {
    const facts = triage('Card payment terminal not responding since 10am.').facts;
    const alone = levelAfterAnswer(facts, readPriorityAnswer('non je suis seul', ['severalUsers'])!);
    expect(alone).toMatchObject({ level: 'haute', uncertain: [] });
    const workaround = levelAfterAnswer(
      facts,
      readPriorityAnswer('we take cash meanwhile, by hand', ['severalUsers', 'workaround'])!,
    );
    expect(workaround.level).toBe('moyenne');
  });
});

describe('Issue 11: priorityToConfirm (the queue\'s "priorité à confirmer")', () => {
  const priority = (confidence: 'high' | 'low' | undefined, source: 'inferred' | 'agent' = 'inferred') => ({
    priority: {
      level: 'critique' as const,
      source,
      evidence: [],
      inferredLevel: 'critique' as const,
      confidence,
    },
  });
  it('is true for a low-confidence level nobody settled, false once confident, set by an agent, or on an old ticket', () => {
    expect(priorityToConfirm(priority('low'))).toBe(true);
    expect(priorityToConfirm(priority('high'))).toBe(false);
    expect(priorityToConfirm(priority('low', 'agent'))).toBe(false);
    expect(priorityToConfirm(priority(undefined))).toBe(false);
  });
});
