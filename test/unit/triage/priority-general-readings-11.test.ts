import { describe, expect, it } from 'vitest';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

// Issue 11, after the blind holdout14 and holdout15: each reading is stated with sentences written
// for this file (not the corpus's), French formal and informal, unaccented, upper case and English,
// with the counter-example next to it (a near sentence that must NOT change the level).
const facts = (text: string) => readPriorityFacts(text).readings;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));

describe('Reading: nothing to fall back on is no workaround', () => {
  it.each([
    "The booking system is down and nobody at the desk can check guests in. We don't have a paper register to fall back on.",
    "Toute l'équipe est bloquée, la caisse est HS. On n'a rien sur quoi se rabattre.",
    'THE TILLS ARE DOWN FOR ALL THE STAFF, THERE IS NOTHING TO FALL BACK ON.',
  ])('several users, no way around: critique — %s', (text) => {
    expect(facts(text).workaround.state).toBe('none');
    expect(level(text)).toBe('critique');
  });

  it('a fallback in use: moyenne', () => {
    expect(
      level(
        'The booking system is down and nobody at the desk can check guests in. We fall back on the paper register for now.',
      ),
    ).toBe('moyenne');
  });
});

describe('Reading: a fallback that fails has failed', () => {
  it.each([
    "Les standardistes ne peuvent plus prendre d'appels et la ligne de secours échoue aussi.",
    'les vendeuses peuvent plus encaisser, le tpe de secours echoue lui aussi',
    'None of the agents can call out and the backup link fails too.',
  ])('several users, the fallback fails: critique — %s', (text) => {
    expect(facts(text).workaround.state).toBe('failed');
    expect(level(text)).toBe('critique');
  });

  it('the fallback in use, the main line fails: moyenne', () => {
    expect(
      level(
        "Les standardistes ne peuvent plus prendre d'appels, on est passés sur la ligne de secours en attendant.",
      ),
    ).toBe('moyenne');
  });
});

describe('Reading: a counted group at a standstill is several users, blocked', () => {
  it.each([
    "Le serveur de fichiers ne répond plus. Les trois prothésistes sont à l'arrêt.",
    'le logiciel plante, les 4 secretaires sont bloquees',
    'The scanner server is down and the five technicians are stuck.',
  ])('several users blocked: critique — %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });

  it.each([
    "Mon ordinateur ne démarre plus et je n'ai pas d'autre poste. Les deux jours sont bloqués dans mon agenda pour l'inventaire.",
    'My laptop is broken, I have no other computer. The two days are blocked in my calendar for the move.',
  ])('a time counted is not a team — %s', (text) => {
    expect(facts(text).severalUsers.state).not.toBe('yes');
  });
});
