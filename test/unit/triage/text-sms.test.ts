import { describe, expect, it } from 'vitest';
import { foldText, originalSpan } from '../../../shared/domain/triage/text-normalize';
import { expandSmsSpellings } from '../../../shared/domain/triage/text-sms';

// Issue 19: the edges of the SMS spellings (text-sms.ts), on folded text. The index map is given
// as source positions 100, 101, … so that a test sees which written character each one came from.
const positions = (text: string) => Array.from(text, (_, i) => 100 + i);
const expand = (text: string) => expandSmsSpellings(text, positions(text)).text;

describe('SMS spellings: the index map', () => {
  it('gives every inserted letter the position of the letter it was written next to', () => {
    const out = expandSmsSpellings('jpe pa', positions('jpe pa'));
    expect(out.text).toBe('je peux pas');
    // `jpe` → `je peux`: the letters after the third all come from its last letter (102).
    expect(out.origin).toEqual([100, 101, 102, 102, 102, 102, 102, 103, 104, 105, 105]);
  });

  it('keeps the positions of the text before, between and after the rewritten words', () => {
    const text = 'ok, ya rien. lappli aussi';
    const out = expandSmsSpellings(text, positions(text));
    expect(out.text).toBe("ok, y a rien. l'appli aussi");
    expect(out.origin).toHaveLength(out.text.length);
    expect(out.origin.slice(0, 4)).toEqual([100, 101, 102, 103]);
    expect(out.origin.slice(4, 7)).toEqual([104, 105, 105]);
    expect(out.origin.slice(7, 14)).toEqual([106, 107, 108, 109, 110, 111, 112]);
    expect(out.origin.slice(-6)).toEqual([119, 120, 121, 122, 123, 124]);
  });

  it('returns the very same text and map when nothing is an SMS spelling (most mail)', () => {
    const text = 'le pa du hall et un peu plus loin';
    const origin = positions(text);
    const out = expandSmsSpellings(text, origin);
    expect(out.text).toBe(text);
    expect(out.origin).toBe(origin);
  });

  it('quotes the words as the client typed them, before and after an expansion', () => {
    const raw = 'Bonjour, jsuis bloqué depuis ce matin';
    const folded = foldText(raw);
    expect(folded.text).toBe('bonjour, je suis bloque depuis ce matin');
    const at = folded.text.indexOf('je suis');
    expect(originalSpan(folded, at, at + 'je suis'.length)).toBe('jsuis');
    const after = folded.text.indexOf('depuis');
    expect(originalSpan(folded, after, folded.text.length)).toBe('depuis ce matin');
  });
});

describe('SMS spellings: the shortened negation `pa`', () => {
  it('is `pas` after a verb, however far into a long mail', () => {
    expect(expand('pour info je crois que ca marche pa')).toBe('pour info je crois que ca marche pas');
    expect(expand('ca marche pa du tout depuis lundi matin')).toBe(
      'ca marche pas du tout depuis lundi matin',
    );
  });

  it('stays a word at the very start of the text: nothing before it is a verb', () => {
    expect(expand('pa de reseau au bureau ce matin')).toBe('pa de reseau au bureau ce matin');
  });

  it('stays a noun after a determiner even when other words come before it', () => {
    expect(expand('on a coupe le pa')).toBe('on a coupe le pa');
    expect(expand('we checked our pa twice')).toBe('we checked our pa twice');
  });

  it('reads the word right before it, not the first one of the text', () => {
    expect(expand('le jeu marche pa')).toBe('le jeu marche pas');
  });
});

describe('SMS spellings: the shortened negation `plu`', () => {
  it('is `plus` after a word and a space', () => {
    expect(expand('jpeux plu rien faire')).toBe('je peux plus rien faire');
  });

  it('stays as written at the start of the text or glued to a punctuation mark', () => {
    expect(expand('plu rien ne marche')).toBe('plu rien ne marche');
    expect(expand('c est fini/plu de son')).toBe('c est fini/plu de son');
  });

  it('stays the participle after a form of avoir', () => {
    expect(expand('il a plu ce matin')).toBe('il a plu ce matin');
  });
});

describe('SMS spellings: `peu` before a negation', () => {
  it.each([
    ['je peu pa valider', 'je peux pas valider'],
    ['tu peu plu venir', 'tu peux plus venir'],
    ["j' peu rien faire", "j' peux rien faire"],
    ['on peu pa encaisser', 'on peut pas encaisser'],
    ['elle peu jamais se connecter', 'elle peut jamais se connecter'],
  ])('after a subject pronoun it is the verb: %s → %s', (text, expanded) => {
    expect(expand(text)).toBe(expanded);
  });

  it('without a subject pronoun it is the adverb (`un peu plus`)', () => {
    expect(expand('il en faut un peu plus')).toBe('il en faut un peu plus');
    expect(expand('peu pas cher')).toBe('peu pas cher');
  });
});

describe('SMS spellings: glued words', () => {
  it.each([
    ['jai un souci', "j'ai un souci"],
    ['chui coince', 'je suis coince'],
    ['quil puisse venir', "qu'il puisse venir"],
    ['dautres postes', "d'autres postes"],
    ['ya un souci', 'y a un souci'],
  ])('%s → %s', (text, expanded) => {
    expect(expand(text)).toBe(expanded);
  });
});

describe('SMS spellings: a word of its own is not a glued pronoun', () => {
  it.each(['quelles imprimantes sont touchees ?', 'quelle caisse marche encore ?'])('%s stays', (text) => {
    expect(expand(text)).toBe(text);
  });
});
