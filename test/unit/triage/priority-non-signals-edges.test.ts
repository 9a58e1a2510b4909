import { describe, expect, it } from 'vitest';
import { findNonSignals } from '../../../shared/domain/triage/priority-non-signals';

/**
 * What never decides the level but is kept for agents (triage.md, "Not signals"): mail-client flags,
 * urgency words, exclamation marks and capitals, each found once, at most twelve (issue 19).
 */
describe('findNonSignals', () => {
  it('lists every flag header with its usual name and trimmed value, every value of it', () => {
    expect(
      findNonSignals('', '', {
        'x-priority': [' 1 (Highest) '],
        'x-msmail-priority': ['High'],
        importance: ['high', 'High '],
        'x-importance': ['1'],
        priority: ['urgent'],
        urgency: ['high'],
        'x-mailer': ['Outlook'],
      }),
    ).toEqual([
      'X-Priority: 1 (Highest)',
      'X-MSMail-Priority: High',
      'Importance: high',
      'Importance: High',
      'X-Importance: 1',
      'Priority: urgent',
      'Urgency: high',
    ]);
  });

  it('quotes the urgency words as the client wrote them, a negated one with its negation', () => {
    expect(
      findNonSignals('URGENT : imprimante', "Ce n'est pas urgent, mais répondez dès que possible", {}),
    ).toEqual(['"URGENT"', '"n\'est pas urgent"', '"dès que possible"']);
  });

  it('keeps two or more exclamation marks, not one', () => {
    expect(findNonSignals('Panne !', 'Aidez-nous !!! Merci !!', {})).toEqual(['"!!!"', '"!!"']);
  });

  it('keeps two words in capitals, not a lone acronym', () => {
    // Mostly capitals too (12 letters or more): the whole text is kept as well.
    expect(findNonSignals('', "L'ERP NE MARCHE PLUS", {})).toEqual([
      'capitals "ERP NE MARCHE PLUS"',
      'capitals "L\'ERP NE MARCHE PLUS"',
    ]);
    expect(findNonSignals('', 'Le serveur ne DÉMARRE PLUS du tout depuis hier', {})).toEqual([
      'capitals "DÉMARRE PLUS"',
    ]);
    expect(findNonSignals('', 'Le NAS est lent', {})).toEqual([]);
  });

  it('flags a text of twelve letters or more at least 80 % in capitals, whole up to 80 characters', () => {
    expect(findNonSignals('  ABCDEFGHIJKL  ', '', {})).toEqual(['capitals "ABCDEFGHIJKL"']);
    expect(findNonSignals('ABCDEFGHIJK', '', {})).toEqual([]);
    expect(findNonSignals('ABCDEFGHIJKLmno', '', {})).toEqual(['capitals "ABCDEFGHIJKLmno"']);
    expect(findNonSignals('ABCDEFGHIJKlmno', '', {})).toEqual([]);
    const long = `${'IMPRIMANTE '.repeat(10)}`;
    expect(findNonSignals('', long, {}).at(-1)).toBe(`capitals "${long.trim().slice(0, 80)}"`);
  });

  it('lists each finding once and at most twelve', () => {
    expect(findNonSignals('urgent', 'urgent urgent', {})).toEqual(['"urgent"']);
    const many = Array.from({ length: 20 }, (_, i) => `${'!'.repeat(i + 2)}`).join(' x ');
    expect(findNonSignals('', many, {})).toHaveLength(12);
  });
});
