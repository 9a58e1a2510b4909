import { describe, expect, it } from 'vitest';
import { buildAcknowledgement } from '../../../shared/domain/acknowledgement/acknowledgement';
import { triagePriorityByRules } from '../../../shared/domain/triage/priority';
import { levelAfterAnswer, readPriorityAnswer } from '../../../shared/domain/triage/priority-answer';
import { readPriorityFacts } from '../../../shared/domain/triage/priority-facts';
import { ackInput } from '../acknowledgement/support';

// The hand-written readings (the first reader): the learned second reader, which may settle what they
// leave unsure, is stated in learned-second-reader.test.ts.
const triage = (newText: string, subject = '') => triagePriorityByRules({ subject, newText, headers: {} });
const workaround = (text: string) => readPriorityFacts(text).readings.workaround;

describe('Issue 11, "do not guess silently": a workaround stated in words is sure, one inferred from what people do is not', () => {
  it.each([
    ['en attendant', 'La caisse est bloquée, on note les ventes sur papier en attendant.'],
    ['à la main', 'Le logiciel de caisse ne répond plus, on encaisse à la main.'],
    ['manually', 'The till is down, we take orders manually.'],
    ['in the meantime', 'The booking system is down. In the meantime we use a spreadsheet.'],
    ['contournement', 'Le serveur est HS, on a un contournement.'],
    ['solution de secours', 'Le serveur est HS. On utilise une solution de secours.'],
    ['workaround', 'The booking system is down. We found a workaround.'],
    ['until it is fixed', "The card terminal is down. Customers are paying cash until it's fixed."],
    ['a channel, en attendant', 'La caisse est HS. On prend les commandes par téléphone en attendant.'],
  ])('stated (%s): exists, high', (_cue, text) => {
    expect(workaround(text)).toMatchObject({ state: 'exists', confidence: 'high' });
  });

  it.each([
    ['another channel', 'La caisse est HS. On prend les commandes par téléphone.'],
    ['instead', 'The kitchen printer is dead. The waiters are bringing handwritten tickets instead.'],
    ['one by one', "Le planning ne s'affiche plus, les exploitants appellent les chauffeurs un par un."],
    ['own device', 'Je ne peux plus me connecter sur mon poste, je bosse sur mon perso.'],
    ['re-enter later', 'The booking site is down. We will re-enter everything once it is back.'],
    ['borrowed', "Mon PC ne démarre plus, j'ai emprunté celui de la stagiaire."],
    ['another device', "Je ne peux plus imprimer, j'utilise un autre poste."],
    ['a paper stand-in', 'Nobody on the line can scan the cartons. We were using the paper labels.'],
    ['paying, today only', "The card terminal is down. We're taking cash today."],
  ])('inferred (%s): exists, medium', (_cue, text) => {
    expect(workaround(text)).toMatchObject({ state: 'exists', confidence: 'medium' });
  });

  it('weighs the ways in use: a stated way given up before an inferred one does not vouch for it', () => {
    const text =
      'La caisse est HS. Ce matin on a noté les ventes à la main. Vers midi, plus aucune solution. Depuis, on prend les commandes par téléphone.';
    expect(workaround(text)).toMatchObject({ state: 'exists', confidence: 'medium' });
    // The opposite side: the stated way still in use with the inferred one.
    expect(
      workaround('La caisse est HS. On prend les commandes par téléphone et on note les ventes à la main.'),
    ).toMatchObject({ state: 'exists', confidence: 'high' });
  });

  it('keeps the confidence of a workaround said not to exist or to have failed (high)', () => {
    expect(workaround("La caisse est HS, pas d'autre solution.")).toMatchObject({
      state: 'none',
      confidence: 'high',
    });
    expect(
      workaround("Mon poste ne démarre plus. J'ai essayé sur un autre poste, même problème."),
    ).toMatchObject({
      state: 'failed',
      confidence: 'high',
    });
  });

  it('changes no level: an inferred workaround still makes a moyenne', () => {
    expect(triage("Je ne peux plus imprimer, j'utilise un autre poste.")).toMatchObject({
      level: 'moyenne',
      confidence: 'high',
      uncertain: [],
    });
  });
});

describe('Issue 11, "do not guess silently": a critique on a medium several-users reading is asked', () => {
  it.each([
    "We can't log in to the payroll database since this morning.",
    'Nous n’arrivons plus à imprimer.',
    'On ne peut plus imprimer les ordonnances.',
  ])('"%s": critique kept, several users and the workaround asked', (text) => {
    const r = triage(text);
    expect(r.facts.severalUsers).toMatchObject({ state: 'yes', confidence: 'medium' });
    expect(r).toMatchObject({
      level: 'critique',
      confidence: 'low',
      uncertain: ['severalUsers', 'workaround'],
    });
  });

  it('asks nothing when a count or a group says several (high)', () => {
    expect(
      triage('Depuis ce matin les 5 vendeuses ne peuvent plus accéder au logiciel de caisse.'),
    ).toMatchObject({
      level: 'critique',
      confidence: 'high',
      uncertain: [],
    });
  });

  it('asks nothing when the client said there is no workaround', () => {
    expect(
      triage("On ne peut plus imprimer les ordonnances, nous n'avons pas d'autre solution."),
    ).toMatchObject({
      level: 'critique',
      confidence: 'high',
      uncertain: [],
    });
  });

  it('asks nothing when a declared level decides', () => {
    expect(triage('Priorité : critique\nOn ne peut plus imprimer les ordonnances.')).toMatchObject({
      source: 'declared',
      confidence: 'high',
      uncertain: [],
    });
  });
});

describe('Issue 11, "do not guess silently": a haute on a medium one-user reading is asked', () => {
  it.each(['Le PC du bureau ne démarre plus.', 'La tablette du corbillard ne s’allume plus.'])(
    '"%s": haute kept, several users asked',
    (text) => {
      const r = triage(text);
      expect(r.facts.severalUsers).toMatchObject({ state: 'no', confidence: 'medium' });
      expect(r).toMatchObject({ level: 'haute', confidence: 'low', uncertain: ['severalUsers'] });
    },
  );

  it.each([
    'Mon poste ne démarre plus.',
    "Je n'arrive plus à ouvrir le logiciel de caisse.",
    "My laptop won't start.",
  ])('"%s": the writer says it is hers (high): nothing asked', (text) => {
    expect(triage(text)).toMatchObject({ level: 'haute', confidence: 'high', uncertain: [] });
  });

  it('asks the several-users question in the acknowledgement, and « oui, nous sommes 4 » makes it critique', () => {
    const priority = triage('Le PC du bureau ne démarre plus.');
    const ack = buildAcknowledgement(ackInput({ priority }));
    expect(ack.text).toContain('Êtes-vous plusieurs à être bloqués ?');
    expect(ack.text).not.toContain('Pouvez-vous continuer à travailler autrement en attendant ?');
    const yes = readPriorityAnswer('Oui, nous sommes 4 à être bloqués.', ['severalUsers']);
    expect(levelAfterAnswer(priority.facts, yes!)).toMatchObject({ level: 'critique', uncertain: [] });
    const no = readPriorityAnswer('Non, je suis la seule.', ['severalUsers']);
    expect(levelAfterAnswer(priority.facts, no!)).toMatchObject({ level: 'haute', uncertain: [] });
  });
});

describe('Issue 11, "do not guess silently": a moyenne of several blocked users on an inferred workaround is asked', () => {
  it.each([
    [
      'several users said',
      'Tous nos vendeurs sont bloqués, la caisse est HS. On prend les commandes par téléphone.',
    ],
    ['several users open', 'La caisse est HS. On prend les commandes par téléphone.'],
    ['a paper stand-in', 'Nobody on the line can scan the cartons. We were using the paper labels.'],
  ])('%s: moyenne kept, the workaround asked', (_why, text) => {
    expect(triage(text)).toMatchObject({ level: 'moyenne', confidence: 'low', uncertain: ['workaround'] });
  });

  it('asks nothing when the workaround is stated', () => {
    expect(
      triage(
        'Tous nos vendeurs sont bloqués, la caisse est HS. On note les commandes à la main en attendant.',
      ),
    ).toMatchObject({ level: 'moyenne', confidence: 'high', uncertain: [] });
  });

  it('asks nothing when one user is blocked: without the workaround it would be haute, not critique', () => {
    expect(triage('Mon PC ne démarre plus, j’ai emprunté celui de la stagiaire.')).toMatchObject({
      level: 'moyenne',
      confidence: 'high',
      uncertain: [],
    });
  });

  it('asks the workaround question in the acknowledgement', () => {
    const priority = triage('La caisse est HS. On prend les commandes par téléphone.');
    const ack = buildAcknowledgement(ackInput({ priority }));
    expect(ack.text).toContain('Pouvez-vous continuer à travailler autrement en attendant ?');
    expect(ack.text).not.toContain('Êtes-vous plusieurs à être bloqués ?');
  });

  it('raises the moyenne to critique on a plain « non, on ne peut pas », keeps it on « oui »', () => {
    const facts = triage(
      'Tous nos vendeurs sont bloqués, la caisse est HS. On prend les commandes par téléphone.',
    ).facts;
    const no = readPriorityAnswer('Non, on ne peut pas.', ['workaround']);
    expect(no?.answers).toEqual({ workaround: false });
    expect(levelAfterAnswer(facts, no!)).toMatchObject({ level: 'critique', uncertain: [] });
    const yes = readPriorityAnswer('Oui, ça tient.', ['workaround']);
    expect(yes?.answers).toEqual({ workaround: true });
    expect(levelAfterAnswer(facts, yes!)).toMatchObject({ level: 'moyenne', uncertain: [] });
  });
});
