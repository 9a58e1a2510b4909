import { describe, expect, it } from 'vitest';
import {
  ackSubject,
  cleanSubject,
  displaySubject,
  MAX_SUBJECT_CHARS,
  stripControlCharacters,
} from '../../../shared/domain/acknowledgement/subject';

describe('Function: cleanSubject', () => {
  it.each([
    ['Re: Imprimante en panne', 'Imprimante en panne'],
    ['RE : TR: Fwd: FW: Imprimante en panne', 'Imprimante en panne'],
    ['Réf : Rép : AW: WG: SV: Antw: Imprimante', 'Imprimante'],
    ['Re[2]: Re^3: RE(4): Imprimante', 'Imprimante'],
    ['tr : re : fw: imprimante', 'imprimante'],
    ['  Re:Re:Re:   Imprimante  ', 'Imprimante'],
  ])('removes the pile of reply and forward prefixes when the subject is %j', (subject, expected) => {
    expect(cleanSubject(subject)).toBe(expected);
  });

  it.each([
    ['[EXO-2026-000001] Imprimante', 'Imprimante'],
    ['Re: [EXO-2026-000001] RE: Imprimante', 'Imprimante'],
    ['Re: [exo-2025-000042] Imprimante [EXO-2026-000001]', 'Imprimante'],
    ['Suite [ EXO-2026-000001 ] imprimante', 'Suite imprimante'],
  ])('removes earlier ticket tags when the subject is %j', (subject, expected) => {
    expect(cleanSubject(subject)).toBe(expected);
  });

  it.each([
    ['Relance: facture', 'Relance: facture'],
    ['Tracking: colis', 'Tracking: colis'],
    ['RE: Réunion : coupure réseau', 'Réunion : coupure réseau'],
    ['[Haute] Re: serveur', '[Haute] Re: serveur'],
    ['Problème avec Re: dans le texte', 'Problème avec Re: dans le texte'],
  ])('keeps the client words and a priority tag when the subject is %j', (subject, expected) => {
    expect(cleanSubject(subject)).toBe(expected);
  });

  it('turns CR/LF and tabs into spaces and drops other control characters when the subject is hostile', () => {
    expect(cleanSubject('Hello\r\nBcc: victim@x.com')).toBe('Hello Bcc: victim@x.com');
    expect(cleanSubject('a\tb\u0000c\u0007d\u007fe\u0085f\u2028g')).toBe('a bcde f g');
    expect(cleanSubject('facture \u202Efdp.exe')).toBe('facture fdp.exe');
  });

  it('cuts a very long subject on a character boundary when it exceeds the limit', () => {
    const long = `${'é'.repeat(MAX_SUBJECT_CHARS - 1)}😀😀😀`;
    const cleaned = cleanSubject(long);
    expect(Array.from(cleaned)).toHaveLength(MAX_SUBJECT_CHARS);
    expect(cleaned.endsWith('…')).toBe(true);
    expect(cleaned).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('keeps a subject of exactly the limit whole, and cuts before the spaces at the cut', () => {
    const exact = 'x'.repeat(MAX_SUBJECT_CHARS);
    expect(cleanSubject(exact)).toBe(exact);
    const spaced = `${'x'.repeat(MAX_SUBJECT_CHARS - 2)} ${'y'.repeat(10)}`;
    expect(cleanSubject(spaced)).toBe(`${'x'.repeat(MAX_SUBJECT_CHARS - 2)}…`);
  });

  it('leaves a space where a ticket tag separated two words', () => {
    expect(cleanSubject('Panne[EXO-2026-000001]imprimante')).toBe('Panne imprimante');
  });

  it('returns an empty string when only prefixes and tags are left', () => {
    expect(cleanSubject('Re: TR: [EXO-2026-000001]')).toBe('');
  });
});

describe('Function: stripControlCharacters', () => {
  it('collapses runs of spaces and trims when the value is folded', () => {
    expect(stripControlCharacters('  Jean\r\n   Dupont  ')).toBe('Jean Dupont');
  });
});

describe('Function: displaySubject', () => {
  it('gives a French or English placeholder when the subject is empty', () => {
    expect(displaySubject('')).toBe('(sans objet)');
    expect(displaySubject('  Re:  ', 'en')).toBe('(no subject)');
  });
});

describe('Function: ackSubject', () => {
  it('puts our tag before the cleaned subject when the client replied to an earlier ticket', () => {
    expect(ackSubject('EXO-2026-000123', 'RE: TR: [EXO-2026-000001] Serveur HS')).toBe(
      '[EXO-2026-000123] Serveur HS',
    );
  });

  it('uses the placeholder when the subject is empty', () => {
    expect(ackSubject('EXO-2026-000123', '', 'fr')).toBe('[EXO-2026-000123] (sans objet)');
    expect(ackSubject('EXO-2026-000123', '\r\n', 'en')).toBe('[EXO-2026-000123] (no subject)');
  });
});
