import { describe, expect, it } from 'vitest';
import { splitNewText } from '../../../shared/domain/triage/new-text';
import { triagePriority } from '../../../shared/domain/triage/priority';
import { CORPUS_SETS, type CorpusSet, readCorpusSource } from '../../support/triage-corpus';

/**
 * Issue 11: the sets the rules were tuned on (or studied after their blind measure) stay at 100 %
 * on priority, so that a new reading cannot silently undo an older one. Every set of CORPUS_SETS
 * is held, except a blind set not yet studied or not yet read whole: it joins once it has been
 * measured and studied (docs/triage.md, "Where the reading stands").
 */
const NOT_YET_HELD: ReadonlySet<CorpusSet> = new Set<CorpusSet>([
  'holdout16', // studied in round 12: 128/130 by the rules, 129/130 with the learned second reader
  // Blind, measured in round 14, studied and trained on in round 15 but not yet read whole:
  'holdout24',
  'holdout25',
  'holdout27',
  // Blind, measured only (docs/triage.md, "Where the reading stands"): never studied; trained on since round 16.
  'holdout32',
  'holdout33',
  'holdout34',
  'holdout35',
  'holdout36',
  'holdout37',
  // Blind, first measured on cda38e6, studied in round 16 (not yet held whole).
  'holdout38',
  'holdout39',
  'holdout40',
  'holdout41',
  // Blind, first measured after round 16 (b85236e), studied in round 17 (not yet held whole).
  'holdout42',
  'holdout43',
  'holdout44',
  'holdout45',
  // Blind, measured only (after round 17, 4774797): never studied, never trained on.
  'holdout46',
  'holdout47',
  'holdout48',
  'holdout49',
  // Blind, measured only (on 950d2e0, the same triage at 137df2d): never studied, never trained on.
  'holdout50',
  'holdout51',
  'holdout52',
  'holdout53',
  'holdout54',
  'holdout55',
  'holdout56',
  'holdout57',
]);
const TUNED_SETS = CORPUS_SETS.filter((set) => !NOT_YET_HELD.has(set));
const mails = readCorpusSource();

describe('Triage corpus: every tuned set keeps its labelled level', () => {
  it('holds every set up to holdout31 but holdout16, holdout24, holdout25 and holdout27', () => {
    expect(TUNED_SETS.length).toBe(28);
    expect(TUNED_SETS.slice(15)).toEqual([
      'holdout15',
      'holdout17',
      'holdout18',
      'holdout19',
      'holdout20',
      'holdout21',
      'holdout22',
      'holdout23',
      'holdout26',
      'holdout28',
      'holdout29',
      'holdout30',
      'holdout31',
    ]);
  });

  it.each(TUNED_SETS)('%s: every mail gets its label', (set) => {
    const inSet = mails.filter((m) => m.set === set);
    expect(inSet.length).toBeGreaterThanOrEqual(100);
    const misses = inSet
      .map((m) => {
        const { newText, quotedText } = splitNewText(m.body);
        const got = triagePriority({ subject: m.subject, newText, quotedText, headers: {} }).level;
        return got === m.level ? '' : `${m.file}: ${m.level} expected, got ${got}`;
      })
      .filter((miss) => miss !== '');
    expect(misses).toEqual([]);
  });
});
