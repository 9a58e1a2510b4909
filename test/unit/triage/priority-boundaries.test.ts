import { describe, expect, it } from 'vitest';
import { triagePriority } from '../../../shared/domain/triage/priority';

/**
 * The limits of the priority triage (triage.md, "Priority"; issue 19): how much text is read, when a
 * forward's note is only a covering note, which subject prefixes make a reply or a forward.
 */
const triage = (newText: string, subject = '', quotedText?: string) =>
  triagePriority({ subject, newText, headers: {}, ...(quotedText === undefined ? {} : { quotedText }) });

describe('triagePriority: how much is read', () => {
  it('reads a declaration within the first 20,000 characters of the new text, not after', () => {
    const filler = (length: number) => 'journal '.repeat(2_500).slice(0, length);
    // Ends exactly at the 20,000th character.
    expect(triage(`${filler(19_981)}\nPriorité : critique`).source).toBe('declared');
    // Cut after `Priorit`: the key alone, no level.
    expect(triage(`${filler(19_992)}\nPriorité : critique`).source).toBe('inferred');
  });

  it('looks for a forwarded message only in the first 20,000 characters of the removed text', () => {
    const forward =
      '---------- Forwarded message ---------\nFrom: Paul\nDate: lundi\n\nLe serveur est en panne.';
    const note = 'Je vous transfère.';
    expect(triage(note, 'Serveur', forward).confidence).toBe('low');
    expect(triage(note, 'Serveur', `${' '.repeat(20_000)}${forward}`).confidence).toBe('high');
  });
});

describe('triagePriority: a covering note above a forward', () => {
  const forward =
    '---------- Forwarded message ---------\nFrom: Paul\nDate: lundi\n\nNous sommes tous bloqués.';
  const words = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'Voici' : 'message')).join(' ');

  it('leaves the facts open for a note of 15 words or fewer, and reads a note of 16 as a message', () => {
    expect(triage(words(15), 'Serveur', forward)).toMatchObject({
      confidence: 'low',
      uncertain: ['blocked', 'severalUsers'],
    });
    expect(triage(words(16), 'Serveur', forward)).toMatchObject({
      level: 'normale',
      confidence: 'high',
      uncertain: [],
    });
  });

  it('reads the facts of a short note that says something', () => {
    expect(triage('Je suis bloqué, aucune autre solution.', 'TR: Serveur', forward).level).toBe('haute');
  });

  it('reads a short note above reply history as any message', () => {
    const history = 'Le 30/11/2026 à 10:00, Paul <p@x.fr> a écrit :\n> Nous sommes tous bloqués.';
    expect(triage('Merci.', 'Serveur', history)).toMatchObject({ level: 'normale', confidence: 'high' });
  });
});

describe('triagePriority: subject prefixes and tags', () => {
  const blockedTitle = 'Nous sommes tous bloqués';

  it('reads a reply with a counter (RE^3:, Re(4):) as a reply, behind leading tags too', () => {
    for (const subject of [
      `RE^3: ${blockedTitle}`,
      `Re(4): ${blockedTitle}`,
      `[EXO-2026-000042] [Haut] Re: ${blockedTitle}`,
    ]) {
      expect(triage('Merci.', subject).level, subject).toBe(subject.includes('[Haut]') ? 'haute' : 'normale');
    }
    expect(triage('Merci.', `[EXO-2026-000042] Re: ${blockedTitle}`).level).toBe('normale');
  });

  it('reads the subject of a message whose first word is not a reply or forward prefix', () => {
    expect(triage('Merci.', `Info: ${blockedTitle}`).level).toBe('critique');
    expect(triage('Merci.', `Relance: ${blockedTitle}`).level).toBe('critique');
    expect(triage('Merci.', blockedTitle).level).toBe('critique');
  });

  it('drops tags of up to 60 characters from the subject it reads', () => {
    const tag = `[${'x'.repeat(52)} bloqués]`;
    expect(tag).toHaveLength(62);
    expect(triage('', `${tag} Imprimante`).level).toBe('normale');
    const longTag = `[Nous sommes tous bloqués${' '.repeat(37)}]`;
    expect(longTag).toHaveLength(63);
    expect(triage('', longTag).level).toBe('critique');
  });
});

describe('triagePriority: source and uncertain facts', () => {
  it('is the default level when neither subject nor text has a letter', () => {
    expect(triage('123 !!! ---', '42')).toMatchObject({ level: 'normale', source: 'default' });
    expect(triage('', 'é')).toMatchObject({ source: 'inferred' });
  });

  it('asks at most two facts, blocked first, then several users, then the workaround', () => {
    const result = triage(
      "L'imprimante est bloquée, je ne peux plus imprimer mais on ne peut plus imprimer non plus.",
    );
    expect(result.uncertain.length).toBeLessThanOrEqual(2);
    const several = triage('La caisse ne marche plus.');
    expect(several).toMatchObject({
      level: 'critique',
      confidence: 'low',
      uncertain: ['severalUsers', 'workaround'],
    });
  });
});
