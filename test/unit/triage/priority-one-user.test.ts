import { describe, expect, it } from 'vitest';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

const several = (text: string) => readPriorityFacts(text).readings.severalUsers.state;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));

// Issue 11, after the holdout: a negative quantifier about the OTHER users means one user.
describe('Rule: nobody else uses it means one user', () => {
  it.each([
    "Personne d'autre ne l'utilise et je ne peux plus travailler.",
    "Personne d'autre n'y a accès, je suis bloquée.",
    'Je suis la seule à utiliser ce logiciel et il ne démarre plus.',
    "Je suis le seul à m'en servir, impossible de l'ouvrir.",
    'No one else uses it and I cannot work.',
    "Nobody else has access, I'm blocked.",
    "I'm the only one using it and it won't start.",
  ])('one user: %s', (text) => {
    expect(several(text)).toBe('no');
    expect(level(text)).toBe('haute');
  });

  it.each([
    'Personne ne peut se connecter au logiciel.',
    "Personne n'a accès au serveur depuis ce matin.",
    'Nobody can log in this morning.',
    'No one can print.',
    "Il n'y a personne d'autre ce soir et nos deux infirmières ne peuvent pas ouvrir les dossiers.",
  ])('several users: %s', (text) => {
    expect(several(text)).toBe('yes');
  });
});

// Several places or devices for the same one person are not several users.
describe('Rule: one person meeting the problem in several places is one user', () => {
  it.each([
    'My badge is rejected at the staff door and at the office, I cannot get in.',
    "I can't connect anywhere, neither at home nor at the office.",
    'Je ne peux plus imprimer, partout c’est pareil.',
    'Mon badge est refusé à la porte du personnel et à la salle de l’équipe, je ne peux pas entrer.',
  ])('one user: %s', (text) => {
    expect(several(text)).toBe('no');
  });

  it.each([
    'The staff cannot log in.',
    'On ne peut plus imprimer, partout pareil.',
    'Impossible d’imprimer sur tous les postes.',
    "The printer doesn't work on any floor, neither at reception nor at the offices. Nobody can print.",
    "Toute l'équipe est bloquée.",
  ])('several users: %s', (text) => {
    expect(several(text)).toBe('yes');
  });
});
