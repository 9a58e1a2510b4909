import { describe, expect, it } from 'vitest';
import { PRIORITY_LEVELS, type PriorityLevel } from '../../../shared/domain/desk/service-desk-config';
import { levelsDisagree } from '../../../shared/domain/triage/priority';

/** triage.md: a declared level two or more levels away from the inferred one is shown to agents. */
const pairs: Array<[PriorityLevel, PriorityLevel, boolean]> = PRIORITY_LEVELS.flatMap((declared, i) =>
  PRIORITY_LEVELS.map((inferred, j): [PriorityLevel, PriorityLevel, boolean] => [
    declared,
    inferred,
    Math.abs(i - j) >= 2,
  ]),
);

describe('Function: levelsDisagree', () => {
  it('covers the sixteen pairs of levels, four of them equal', () => {
    expect(pairs).toHaveLength(16);
    expect(pairs.filter(([a, b]) => a === b)).toHaveLength(4);
  });

  it.each(pairs)('declared %s against inferred %s disagrees: %s', (declared, inferred, expected) => {
    expect(levelsDisagree(declared, inferred)).toBe(expected);
  });

  it('never flags a level against itself, nor two neighbours, in either order', () => {
    expect(levelsDisagree('moyenne', 'moyenne')).toBe(false);
    expect(levelsDisagree('haute', 'critique')).toBe(false);
    expect(levelsDisagree('critique', 'haute')).toBe(false);
    expect(levelsDisagree('normale', 'haute')).toBe(true);
    expect(levelsDisagree('critique', 'moyenne')).toBe(true);
  });
});
