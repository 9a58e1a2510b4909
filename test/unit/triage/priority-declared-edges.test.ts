import { describe, expect, it } from 'vitest';
import {
  declaredInBody,
  declaredInReply,
  declaredInSubject,
  parseLevel,
  withoutDeclarations,
} from '../../../shared/domain/triage/priority-declared';

/**
 * The level a client declares (triage.md, "Declared priority"): how much noise around the word is
 * forgiven, which typos, and where a declaration counts (issue 19).
 */
describe('parseLevel: noise, intensifiers and codes', () => {
  it('trims quotes, stars and underscores before the word, and dots and bangs after it', () => {
    expect(parseLevel(' "**Haute**" ')).toBe('haute');
    expect(parseLevel("'_critique_'!!.")).toBe('critique');
    expect(parseLevel('.haute')).toBeNull();
    expect(parseLevel('!haute')).toBeNull();
    expect(parseLevel('***')).toBeNull();
  });

  it('reads past an intensifier and a spaced P code, and a bare digit', () => {
    expect(parseLevel('très haute')).toBe('haute');
    expect(parseLevel('Very High')).toBe('haute');
    expect(parseLevel('plutôt basse')).toBe('normale');
    expect(parseLevel('P 1')).toBe('critique');
    expect(parseLevel('p 5')).toBeNull();
    expect(parseLevel('4')).toBe('normale');
    expect(parseLevel('très')).toBeNull();
  });

  it('forgives one typo in a word of six letters or more, in the typed word and the known one', () => {
    expect(parseLevel('critque')).toBe('critique');
    expect(parseLevel('mediun')).toBe('moyenne');
    expect(parseLevel('majeux')).toBe('haute');
    expect(parseLevel('normalle')).toBe('normale');
  });

  it('forgives no typo in a shorter word, nor two typos in a long one', () => {
    expect(parseLevel('hautr')).toBeNull();
    expect(parseLevel('hautee')).toBeNull();
    expect(parseLevel('critqiue')).toBeNull();
    expect(parseLevel('passe')).toBeNull();
    // Five letters, one deletion from `majeur`: too short to forgive.
    expect(parseLevel('majeu')).toBeNull();
  });
});

describe('declaredInSubject', () => {
  it('takes the first tag that names a level, with its key or its suffix', () => {
    expect(declaredInSubject('[EXO-2026-000042] [Haute] [Critique] Imprimante')).toEqual({
      level: 'haute',
      phrase: '[Haute]',
      where: 'subject',
    });
    expect(declaredInSubject('Panne [Priorité : critique]')?.level).toBe('critique');
    expect(declaredInSubject('Panne [Priority=low]')?.level).toBe('normale');
    expect(declaredInSubject('Panne [high priority]')?.level).toBe('haute');
    expect(declaredInSubject('Panne [P2]')?.phrase).toBe('[P2]');
  });

  it('reads no level in a subject without a level tag, nor in a tag longer than 40 characters', () => {
    expect(declaredInSubject('Haute priorité : imprimante')).toBeNull();
    expect(declaredInSubject('[EXO-2026-000042] Imprimante')).toBeNull();
    expect(declaredInSubject(`[Priorité : haute${' '.repeat(30)}]`)).toBeNull();
    expect(declaredInSubject('[]')).toBeNull();
  });
});

describe('declaredInReply', () => {
  it("skips the tags the ticket's subject already carries, however their case and accents changed", () => {
    expect(
      declaredInReply({ subject: 'RE: [HAUTE] Imprimante', newText: 'Merci' }, '[Haute] Imprimante'),
    ).toBeNull();
    expect(
      declaredInReply({ subject: 'RE: [Haute] Imprimante [Critique]', newText: '' }, '[Haute] Imprimante'),
    ).toEqual({ level: 'critique', phrase: '[Critique]', where: 'subject' });
  });

  it('reads the new text when the subject declares nothing new', () => {
    expect(
      declaredInReply(
        { subject: 'RE: [Haute] Imprimante', newText: 'Priorité : moyenne' },
        '[Haute] Imprimante',
      ),
    ).toEqual({ level: 'moyenne', phrase: 'Priorité : moyenne', where: 'body' });
    expect(
      declaredInReply({ subject: 'RE: [EXO-2026-000042] Imprimante', newText: 'ok' }, 'Imprimante'),
    ).toBeNull();
  });
});

describe('declaredInBody', () => {
  it('reads a declaration on any line, after a bullet or in bold, and quotes the line', () => {
    expect(declaredInBody('Bonjour,\n  - Priorité : Haute  \nMerci')).toEqual({
      level: 'haute',
      phrase: '- Priorité : Haute',
      where: 'body',
    });
    expect(declaredInBody('**Priorité :** critique')?.level).toBe('critique');
    expect(declaredInBody('• Priority = P3')?.level).toBe('moyenne');
  });

  it('strips every bullet or heading mark before the key', () => {
    expect(declaredInBody('### Priorité : haute')?.level).toBe('haute');
    expect(declaredInBody('-- Priorité : haute')?.level).toBe('haute');
  });

  it('reads a value split by a slip before its comment, and its first two words whatever separates them', () => {
    expect(declaredInBody('Priorité : très crit ique, merci')?.level).toBe('critique');
    expect(declaredInBody('Priorité : très, haute')?.level).toBe('haute');
  });

  it('reads the value before a comment, else its first two words, else its first word', () => {
    expect(declaredInBody('Priorité : haute, merci de faire vite')?.level).toBe('haute');
    expect(declaredInBody('Priorité : haute (bloquant)')?.level).toBe('haute');
    expect(declaredInBody('Priority: very high please')?.level).toBe('haute');
    expect(declaredInBody('Priorité : P1 urgent svp')?.level).toBe('critique');
    expect(declaredInBody('Priorité : p 2')?.level).toBe('haute');
    expect(declaredInBody('Priorité : inconnue')).toBeNull();
  });

  it('reads the key with its variants and slips, and without a separator', () => {
    expect(declaredInBody('Niveau de priorité : haute')?.level).toBe('haute');
    expect(declaredInBody('Priority level: low')?.level).toBe('normale');
    expect(declaredInBody('Prio: high')?.level).toBe('haute');
    expect(declaredInBody('Priorité souhaitée : critique')?.level).toBe('critique');
    expect(declaredInBody('Priorité haute')?.level).toBe('haute');
    expect(declaredInBody('Prioirté : haute')?.level).toBe('haute');
    expect(declaredInBody('**Priorité** haute')?.level).toBe('haute');
  });

  it('reads a key typed with a slip however its colon is spaced, with two words of value at most', () => {
    expect(declaredInBody('Prioirté: haute')?.level).toBe('haute');
    expect(declaredInBody('Prioirté:haute')?.level).toBe('haute');
    expect(declaredInBody('Prioirté :haute')?.level).toBe('haute');
    expect(declaredInBody('Prioirté : très haute')?.level).toBe('haute');
    expect(declaredInBody('Prioirté très haute :')?.level).toBe('haute');
    expect(declaredInBody('Prioirté vraiment très haute')).toBeNull();
  });

  it('reads no declaration in a sentence, a bare key or a key too far from the word', () => {
    expect(declaredInBody('La priorité est vraiment très haute')).toBeNull();
    expect(declaredInBody('Priorité')).toBeNull();
    expect(declaredInBody('Propriété : haute')).toBeNull();
    expect(declaredInBody('Proprietaire haute')).toBeNull();
    expect(declaredInBody('')).toBeNull();
  });
});

describe('withoutDeclarations', () => {
  it('removes the declaring tags and lines and keeps everything else', () => {
    expect(
      withoutDeclarations(
        '[EXO-2026-000042] [Critique] URGENT',
        'Bonjour\nPriorité : critique\nTOUT EST BLOQUÉ',
      ),
    ).toEqual({ subject: '[EXO-2026-000042]   URGENT', newText: 'Bonjour\nTOUT EST BLOQUÉ' });
  });
});
