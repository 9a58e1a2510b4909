import { describe, expect, it } from 'vitest';
import {
  declaredInBody,
  declaredInReply,
  declaredInSubject,
  parseLevel,
  withoutDeclarations,
} from '../../../shared/domain/triage/priority-declared';

describe('Function: parseLevel', () => {
  it.each([
    ['normale', 'normale'],
    ['Normal', 'normale'],
    ['low', 'normale'],
    ['Basse', 'normale'],
    ['faible', 'normale'],
    ['P4', 'normale'],
    ['moyenne', 'moyenne'],
    ['moyen', 'moyenne'],
    ['Medium', 'moyenne'],
    ['p3', 'moyenne'],
    ['HAUTE', 'haute'],
    ['high', 'haute'],
    ['élevée', 'haute'],
    ['elevee', 'haute'],
    ['P2', 'haute'],
    ['Critique', 'critique'],
    ['critical', 'critique'],
    ['P1', 'critique'],
    ['p 1', 'critique'],
    ['1', 'critique'],
    ['très haute', 'haute'],
  ] as const)('reads "%s" as %s', (value, level) => {
    expect(parseLevel(value)).toBe(level);
  });

  it('forgives one typo in a long level word', () => {
    expect(parseLevel('critque')).toBe('critique');
    expect(parseLevel('moyene')).toBe('moyenne');
    expect(parseLevel('critcal')).toBe('critique');
  });

  it('does not guess on short words, where one edit makes another word', () => {
    expect(parseLevel('passe')).toBeNull();
    expect(parseLevel('hight')).toBeNull();
  });

  it('does not read "urgent" as a level', () => {
    expect(parseLevel('urgent')).toBeNull();
  });
});

describe('Function: declaredInSubject', () => {
  it('finds a tag anywhere in the subject, in any case', () => {
    expect(declaredInSubject('Re: [EXO-2026-000447] Wi-Fi entrepôt [moyenne]')).toEqual({
      level: 'moyenne',
      phrase: '[moyenne]',
      where: 'subject',
    });
    expect(declaredInSubject('[HIGH] server')?.level).toBe('haute');
    expect(declaredInSubject('TR: [Critique] Caisses')?.level).toBe('critique');
  });

  it('reads tags that name the key too', () => {
    expect(declaredInSubject('Serveur [Priorité : critique]')?.level).toBe('critique');
    expect(declaredInSubject('[High priority] VPN')?.level).toBe('haute');
    expect(declaredInSubject('[prio 2] VPN')?.level).toBe('haute');
  });

  it('ignores tags that are not levels: ticket references, system names, "urgent"', () => {
    expect(declaredInSubject('[EXO-2026-000001] [NAS-CABINET] rapport')).toBeNull();
    expect(declaredInSubject('[URGENT] serveur')).toBeNull();
  });

  it('ignores a level word outside square brackets', () => {
    expect(declaredInSubject('Panne critique du serveur')).toBeNull();
  });

  it('does not read the reply counter of "Re[2]:" or "AW[3]:" as a declared level', () => {
    expect(declaredInSubject('Re[2]: Imprimante des ordonnances')).toBeNull();
    expect(declaredInSubject('AW[3]: RE[2]: Drucker')).toBeNull();
    expect(declaredInSubject('TR [4] : Scanner')).toBeNull();
    expect(declaredInReply({ subject: 'Re[2]: Imprimante', newText: 'Merci' }, 'Imprimante')).toBeNull();
    expect(withoutDeclarations('Re[2]: Imprimante', '').subject).toBe('Re[2]: Imprimante');
  });

  it('still reads a number tag that follows no reply prefix, or a level tag after a numbered prefix', () => {
    expect(declaredInSubject('Imprimante [2]')?.level).toBe('haute');
    expect(declaredInSubject('Pre[1] serveur')?.level).toBe('critique');
    expect(declaredInSubject('Re[2]: [critique] serveur')?.level).toBe('critique');
    expect(withoutDeclarations('Re[2]: [critique] serveur', '').subject).toBe('Re[2]:   serveur');
  });
});

describe('Function: declaredInBody', () => {
  it.each([
    ['Priorité : Haute', 'haute'],
    ['Priorite: critique', 'critique'],
    ['Priority: high', 'haute'],
    ['Priorité : P1', 'critique'],
    ['PRIORITÉ : normale', 'normale'],
    ['  Priorité   :   moyenne  ', 'moyenne'],
    ['**Priorité :** haute', 'haute'],
    ['- Priority = low', 'normale'],
    ['Priorité haute', 'haute'],
    ['Prioirté : haute', 'haute'],
    ['Priorité : haute (je suis bloqué)', 'haute'],
    ['Priorité : critique - tout est à l’arrêt', 'critique'],
  ] as const)('reads the line "%s" as %s', (line, level) => {
    expect(declaredInBody(`Bonjour,\n\n${line}\n\nMerci`)?.level).toBe(level);
  });

  it('quotes the line as the client wrote it', () => {
    expect(declaredInBody('Bonjour,\nPriorité : Haute\nMerci')?.phrase).toBe('Priorité : Haute');
  });

  it('does not read a priority mentioned inside a sentence', () => {
    expect(declaredInBody("Ce n'est pas une priorité haute pour nous.")).toBeNull();
    expect(declaredInBody('Statut global : CRITIQUE')).toBeNull();
  });

  it('takes the first declaration when there are several', () => {
    expect(declaredInBody('Priorité : haute\nPriority: low')?.level).toBe('haute');
  });
});
