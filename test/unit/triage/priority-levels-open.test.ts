import { describe, expect, it } from 'vitest';
import {
  evidenceFor,
  type FactReadings,
  levelFromFacts,
  openLevels,
  type PriorityFacts,
} from '../../../shared/domain/triage/priority-facts';

/**
 * triage.md's table from the three facts, and the levels left open when a fact is unknown (issue 11's
 * tie rule: critique wins when it is one of them, else the lowest); the evidence each level quotes (issue 19).
 */
type State = {
  blocked: FactReadings['blocked']['state'];
  workaround: FactReadings['workaround']['state'];
  several: FactReadings['severalUsers']['state'];
};

function facts(
  { blocked, workaround, several }: State,
  phrases: Partial<PriorityFacts['phrases']> = {},
): PriorityFacts {
  return {
    blocked: blocked === 'yes',
    workaround: workaround === 'exists',
    severalUsers: several === 'yes',
    readings: {
      blocked: { state: blocked, confidence: blocked === 'unknown' ? 'low' : 'high', evidence: [] },
      workaround: { state: workaround, confidence: 'high', evidence: [] },
      severalUsers: { state: several, confidence: several === 'unknown' ? 'low' : 'high', evidence: [] },
    },
    phrases: {
      blocked: [],
      notBlocked: [],
      workaround: [],
      noWorkaround: [],
      severalUsers: [],
      oneUser: [],
      ...phrases,
    },
  };
}

describe('openLevels and levelFromFacts', () => {
  it.each([
    [{ blocked: 'no', workaround: 'not-mentioned', several: 'yes' }, ['normale'], 'normale'],
    [{ blocked: 'yes', workaround: 'exists', several: 'yes' }, ['moyenne'], 'moyenne'],
    [{ blocked: 'yes', workaround: 'none', several: 'no' }, ['haute'], 'haute'],
    [{ blocked: 'yes', workaround: 'failed', several: 'yes' }, ['critique'], 'critique'],
    [{ blocked: 'yes', workaround: 'not-mentioned', several: 'unknown' }, ['haute', 'critique'], 'critique'],
    // Without critique among them, the first (lowest) open level.
    [{ blocked: 'unknown', workaround: 'not-mentioned', several: 'no' }, ['normale', 'haute'], 'normale'],
    [{ blocked: 'unknown', workaround: 'exists', several: 'no' }, ['normale', 'moyenne'], 'normale'],
    [
      { blocked: 'unknown', workaround: 'none', several: 'unknown' },
      ['normale', 'haute', 'critique'],
      'critique',
    ],
  ] as Array<[State, string[], string]>)('%j leaves %j open and gives %s', (state, open, level) => {
    expect(openLevels(facts(state))).toEqual(open);
    expect(levelFromFacts(facts(state))).toBe(level);
  });
});

describe('evidenceFor', () => {
  const phrases = {
    blocked: ['b1', 'b2', 'b3'],
    notBlocked: ['n1', 'n2', 'n3'],
    workaround: ['w1', 'w2'],
    noWorkaround: ['x1', 'x2'],
    severalUsers: ['s1', 's2', 's3'],
    oneUser: ['o1', 'o2'],
  };

  it('quotes the first two denials for normale', () => {
    expect(evidenceFor(facts({ blocked: 'no', workaround: 'exists', several: 'yes' }, phrases))).toEqual([
      'n1',
      'n2',
    ]);
  });

  it('quotes two blocked phrases and every workaround for moyenne', () => {
    expect(evidenceFor(facts({ blocked: 'yes', workaround: 'exists', several: 'yes' }, phrases))).toEqual([
      'b1',
      'b2',
      'w1',
      'w2',
    ]);
  });

  it('quotes two blocked phrases, the absent workaround and one "only me" for haute', () => {
    expect(evidenceFor(facts({ blocked: 'yes', workaround: 'none', several: 'no' }, phrases))).toEqual([
      'b1',
      'b2',
      'x1',
      'x2',
      'o1',
    ]);
  });

  it('quotes two several-users phrases first, then two blocked ones and the absent workaround, for critique', () => {
    expect(evidenceFor(facts({ blocked: 'yes', workaround: 'none', several: 'yes' }, phrases))).toEqual([
      's1',
      's2',
      'b1',
      'b2',
      'x1',
      'x2',
    ]);
  });

  it('quotes each phrase once and no empty one', () => {
    expect(
      evidenceFor(
        facts(
          { blocked: 'yes', workaround: 'none', several: 'yes' },
          { severalUsers: ['même', ''], blocked: ['même'], noWorkaround: [''] },
        ),
      ),
    ).toEqual(['même']);
  });
});
