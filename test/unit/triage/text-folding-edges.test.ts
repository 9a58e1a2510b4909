import { describe, expect, it } from 'vitest';
import {
  clauses,
  editDistance,
  fold,
  foldText,
  originalSpan,
  restoreApostrophes,
  sentences,
  spanAt,
} from '../../../shared/domain/triage/text-normalize';

/**
 * Folding's edges (issue 19): each spelling a keyboard or phone produces folds to the one the
 * vocabularies are written in, and the index map still points at the client's own characters.
 */
describe('fold: one spelling for the vocabularies', () => {
  it('folds plain ASCII: backquote as apostrophe, lower case, every run of blanks one space, trimmed', () => {
    expect(fold(' L`Imprimante\tNE\n\r MARCHE  Pas ')).toBe("l'imprimante ne marche pas");
  });

  it('folds typographic apostrophes, quotes and dashes to their ASCII forms', () => {
    expect(fold('l’écran l‘accès lʼappli l´arrêt l`unité')).toBe("l'ecran l'acces l'appli l'arret l'unite");
    expect(fold('“bloqué” «\u00a0urgent\u00a0» a–b c—d e‑f')).toBe('"bloque" " urgent " a-b c-d e-f');
  });

  it('folds ligatures and ß, in capitals too', () => {
    expect(fold('Œuvre cœur Æsop nævus Straße STRAẞE')).toBe('oeuvre coeur aesop naevus strasse strasse');
  });

  it('removes every accent, and keeps letters that have none', () => {
    expect(fold('Élevée ÇA Noël Señor ÅNGSTRÖM')).toBe('elevee ca noel senor angstrom');
  });
});

describe('foldText: line breaks, blanks and the index map', () => {
  it('keeps the break after a line of 49 characters and joins one of 50 (a wrapped line)', () => {
    expect(foldText(`${'x'.repeat(49)}\nsuite`).text).toBe(`${'x'.repeat(49)}\nsuite`);
    expect(foldText(`${'x'.repeat(50)}\nsuite`).text).toBe(`${'x'.repeat(50)} suite`);
  });

  it('counts the blanks at the end of a line in its length, not a carriage return', () => {
    expect(foldText(`${'x'.repeat(45)}     \nsuite`).text).toBe(`${'x'.repeat(45)} suite`);
    expect(foldText(`${'x'.repeat(49)}\r\nsuite`).text).toBe(`${'x'.repeat(49)}\nsuite`);
  });

  it('keeps a blank line as one break, even after a long line', () => {
    expect(foldText(`${'x'.repeat(60)}\n\nsuite`).text).toBe(`${'x'.repeat(60)}\nsuite`);
    expect(foldText(`${'x'.repeat(60)}\n \t\nsuite`).text).toBe(`${'x'.repeat(60)}\nsuite`);
  });

  it('reads tab, vertical tab, form feed, a lone carriage return and non-breaking spaces as blanks', () => {
    expect(foldText('ax\tbx\u000bcx\u000cdx\rex\u00a0fx\u2003gx').text).toBe('ax bx cx dx ex fx gx');
  });

  it('keeps the control characters next to the blanks (backspace, shift out) as characters', () => {
    expect(foldText('a\u0008b').text).toBe('a\u0008b');
    expect(foldText('a\u000eb').text).toBe('a\u000eb');
  });

  it('drops leading and trailing blanks and maps each folded character to where it came from', () => {
    const folded = foldText('  \n Œil  à 🙂x \n');
    expect(folded.text).toBe('oeil a 🙂x');
    expect(folded.origin).toEqual([4, 4, 5, 6, 7, 9, 10, 11, 11, 13]);
    expect(folded.source).toBe('  \n Œil  à 🙂x \n');
  });

  it('puts back the apostrophe a phone dropped', () => {
    expect(foldText('Je n arrive pas, i m stuck').text).toBe("je n'arrive pas, i'm stuck");
  });
});

describe('restoreApostrophes', () => {
  it('reads a space after a lone elided letter as the apostrophe (English first, then French)', () => {
    expect(restoreApostrophes('i m stuck and it s down, we re lost, don t know')).toBe(
      "i'm stuck and it's down, we're lost, don't know",
    );
    expect(restoreApostrophes('l arret, jusqu a midi, c est bloque, aujourd hui')).toBe(
      "l'arret, jusqu'a midi, c'est bloque, aujourd'hui",
    );
  });

  it("reads `nothing s`, `nobody s` as the English `nothing's`, not the French `s'` (after holdout44)", () => {
    expect(restoreApostrophes('nothing s broken, nobody s stuck, everyone s fine, s il vous plait')).toBe(
      "nothing's broken, nobody's stuck, everyone's fine, s'il vous plait",
    );
  });

  it('leaves a drive letter, a number and text without spaces alone', () => {
    expect(restoreApostrophes('lecteur c plein, version 2 d origine')).toBe(
      'lecteur c plein, version 2 d origine',
    );
    expect(restoreApostrophes('l-arret')).toBe('l-arret');
  });
});

describe('originalSpan', () => {
  it('is empty for an empty or reversed span', () => {
    const folded = foldText('Caisse BLOQUÉE');
    expect(originalSpan(folded, 3, 3)).toBe('');
    expect(originalSpan(folded, 5, 3)).toBe('');
  });

  it('quotes a ligature and a two-unit character whole, blanks collapsed', () => {
    const folded = foldText('Le  Cœur\n  est 🙂');
    expect(originalSpan(folded, folded.text.indexOf('coeur'), folded.text.indexOf('coeur') + 2)).toBe('Cœ');
    expect(originalSpan(folded, 0, folded.text.length)).toBe('Le Cœur est 🙂');
    expect(originalSpan(folded, folded.text.length - 2, folded.text.length)).toBe('🙂');
  });
});

describe('sentences and clauses', () => {
  it('skips empty sentences between marks and line breaks, and keeps the last one without a mark', () => {
    const text = 'bloque!! ; \n\nmerci. fin';
    // Two line breaks in a row leave no empty sentence between them.
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'bloque!',
      ' ',
      ' ',
      'merci',
      ' fin',
    ]);
    expect(sentences('')).toEqual([]);
    expect(sentences('fin.')).toEqual([{ start: 0, end: 3 }]);
  });

  it('splits a sentence into clauses on commas, parentheses, mais/but, sauf/except and a spaced dash', () => {
    const text = 'intro. a, b (c) mais d but e sauf f except g - h-i';
    const [, sentence] = sentences(text);
    expect(clauses(text, sentence!).map((c) => text.slice(c.start, c.end).trim())).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h-i',
    ]);
    expect(clauses(text, sentence!)[0]).toEqual({ start: 6, end: 8 });
  });
});

describe('spanAt', () => {
  const spans = [
    { start: 3, end: 5 },
    { start: 6, end: 10 },
    { start: 11, end: 20 },
    { start: 21, end: 22 },
  ];

  it('finds the span that starts at or before the position', () => {
    expect(spanAt(spans, 3)).toEqual({ start: 3, end: 5 });
    expect(spanAt(spans, 5)).toEqual({ start: 3, end: 5 });
    expect(spanAt(spans, 6)).toEqual({ start: 6, end: 10 });
    expect(spanAt(spans, 15)).toEqual({ start: 11, end: 20 });
    expect(spanAt(spans, 21)).toEqual({ start: 21, end: 22 });
    expect(spanAt(spans, 99)).toEqual({ start: 21, end: 22 });
  });

  it('gives an empty span at 0 before the first span and for no spans', () => {
    expect(spanAt(spans, 1)).toEqual({ start: 0, end: 0 });
    expect(spanAt([], 4)).toEqual({ start: 0, end: 0 });
  });
});

describe('editDistance', () => {
  it('counts a substitution, an insertion, a deletion and a swap', () => {
    expect(editDistance('bloque', 'bloqie', 3)).toBe(1);
    expect(editDistance('bloque', 'bloquee', 3)).toBe(1);
    expect(editDistance('bloque', 'bloqe', 3)).toBe(1);
    expect(editDistance('ab', 'ba', 3)).toBe(2);
    expect(editDistance('', 'abc', 3)).toBe(3);
  });

  it('answers max + 1 past the bound, whatever the real distance', () => {
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
    expect(editDistance('abcd', 'wxyz', 1)).toBe(2);
    expect(editDistance('ab', 'abc', 1)).toBe(1);
  });
});
