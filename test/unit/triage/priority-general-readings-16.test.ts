import { describe, expect, it } from 'vitest';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

// Issue 11, after the blind holdout38 to holdout41: each reading is stated with sentences written
// for this file (not the corpus's), French formal and informal, unaccented, upper case and English,
// with the counter-example next to it (a near sentence that must NOT change the level). The rules
// alone are read here (readPriorityFacts); the learned second reader has its own tests.
const facts = (text: string) => readPriorityFacts(text).readings;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));

describe('Reading: the writer’s own account as the only one that works is no "only me"', () => {
  it.each([
    'None of the nurses can log in to the care software since the update. Only my account is working and I am off today.',
    "Aucune des vendeuses ne peut se connecter à la caisse. Il n'y a que mon compte qui marche, mais je suis en congé.",
    'les preparatrices peuvent plus se connecter au logiciel. seul mon compte fonctionne',
  ])('a group blocked, only the writer’s works: critique — %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });

  it.each([
    'I cannot log in to the care software since the update. Only my account is affected.',
    "Je ne peux plus me connecter à la caisse, c'est seulement mon compte.",
  ])('only the writer’s is stopped: one user, haute — %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('no');
    expect(level(text)).toBe('haute');
  });
});

describe('Reading: a way that gave out, told in passing, has run out', () => {
  it.each([
    "The card terminals are offline for all the cashiers. We were using my phone as a hotspot but I've burnt through my data and it's stopped.",
    "Le TPE ne marche plus pour toutes les caisses. On passait par le partage de connexion de mon portable mais j'ai plus de forfait.",
  ])('several users, the way gone: critique — %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('critique');
  });

  it('the way still in use: moyenne', () => {
    expect(
      level(
        'The card terminals are offline for all the cashiers. We are using my phone as a hotspot for now and it holds.',
      ),
    ).toBe('moyenne');
  });

  it('"it\'s stopped" with no way before it says nothing about a way: the block stays critique', () => {
    expect(level("The card terminals are offline for all the cashiers, it's stopped since 9am.")).toBe(
      'critique',
    );
  });
});

describe('Reading: a way used for carrying on is a workaround, whoever uses it', () => {
  it.each([
    "Le logiciel de commandes est inaccessible pour toute l'équipe. Nous utilisons le catalogue papier de l'an dernier pour continuer à conseiller les clients.",
    'The X-ray PCs in rooms 2 and 3 cannot reach the server. The radiographers are using the reception PC to get by.',
    'LE SERVEUR EST HS POUR TOUT LE SERVICE. ON PASSE PAR LE SITE DU FOURNISSEUR POUR DEPANNER.',
  ])('several users, a way in use: moyenne — %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    "Le logiciel de commandes est inaccessible pour toute l'équipe. Nous ne pouvons pas utiliser le catalogue papier pour continuer à conseiller les clients.",
    'The X-ray PCs in rooms 2 and 3 cannot reach the server, none of the radiographers can work.',
  ])('a way ruled out, or none said: critique — %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('critique');
  });
});

describe('Reading: a lack told only as a worry is no lack now', () => {
  it.each([
    "La tablette de Marc ne s'allume plus. Il utilise la tablette de réserve en attendant, mais on n'en a plus d'autre si une deuxième lâche.",
    "My scanner is dead. I'm using the spare one meanwhile, but we have no other one left if this one dies too.",
  ])('one user, a way in use: moyenne — %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it('a lack now, with no case after it: no way, haute', () => {
    expect(facts("Ma tablette ne s'allume plus et je n'en ai plus d'autre.").workaround.state).not.toBe(
      'exists',
    );
    expect(level("Ma tablette ne s'allume plus et je n'en ai plus d'autre.")).toBe('haute');
  });
});
