import { describe, expect, it } from 'vitest';
import {
  editDistance,
  fold,
  foldText,
  originalSpan,
  sentences,
} from '../../../shared/domain/triage/text-normalize';

describe('Function: fold', () => {
  it('lower-cases, removes accents and ligatures, unifies apostrophes and collapses spaces', () => {
    expect(fold('  Élevée   CŒUR l’équipe  ')).toBe("elevee coeur l'equipe");
  });
});

describe('Function: foldText', () => {
  it('keeps a line break after a short line and joins a wrapped long line', () => {
    const wrapped = `${'x'.repeat(60)}\nsuite`;
    expect(foldText(wrapped).text).toBe(`${'x'.repeat(60)} suite`);
    expect(foldText('Priorité : haute\nTexte').text).toBe('priorite : haute\ntexte');
    expect(foldText('a\n\n\nb').text).toBe('a\nb');
  });
});

describe('Function: originalSpan', () => {
  it("returns the client's own spelling for a folded span", () => {
    const folded = foldText('Je suis  BLOQUÉE, désolée 🙂');
    const start = folded.text.indexOf('bloquee');
    expect(originalSpan(folded, start, start + 'bloquee'.length)).toBe('BLOQUÉE');
    expect(originalSpan(folded, 0, folded.text.length)).toBe('Je suis BLOQUÉE, désolée 🙂');
  });
});

describe('Function: sentences', () => {
  it('splits on . ! ? ; and line breaks, not on a decimal point', () => {
    const text = 'version 2.5 plante; merci!\nsuite';
    expect(sentences(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'version 2.5 plante',
      'merci',
      'suite',
    ]);
  });
});

describe('Function: editDistance', () => {
  it('counts edits and stops early past the bound', () => {
    expect(editDistance('critique', 'critque', 1)).toBe(1);
    expect(editDistance('haute', 'haute', 1)).toBe(0);
    expect(editDistance('normale', 'critique', 1)).toBe(2);
  });
});
