import { describe, expect, it } from 'vitest';
import { evalReport, type PriorityOutcome, type Tally } from '../../../functions/cli/eval-report';

/** The report of priority outcomes alone, with a tally made from them. */
function reportOf(priorities: PriorityOutcome[]): string[] {
  const right = priorities.filter((p) => p.expected === p.got).length;
  const asked = priorities.filter((p) => p.asked !== null).length;
  const tally = new Map<string, Tally>([['priority', { right, total: priorities.length, asked }]]);
  const misses = priorities
    .filter((p) => p.expected !== p.got)
    .map((p) => ({
      file: p.file,
      metric: 'priority',
      expected: p.expected,
      got: p.got,
      evidence: 'inferred: …',
    }));
  return evalReport({ dir: 'DIR', files: priorities.length, tally, priorities, misses }).split('\n');
}

describe('evalReport: what the triage asked', () => {
  it('does not call a critique miss the client is asked about silent', () => {
    const lines = reportOf([
      { file: 'a.eml', expected: 'critique', got: 'normale', asked: ['blocked', 'workaround'] },
    ]);

    expect(lines).toContain('Priority misses: 1, asked 1, silent 0');
    expect(lines).toContain('Silent critique misses: none');
    expect(lines.find((l) => l.startsWith('a.eml'))).toMatch(
      /^a\.eml\s+priority\s+critique\s+normale\s+asked \(blocked, workaround\)\s+inferred: …$/,
    );
  });

  it('names every silent critique miss with the level read, a file that became no ticket included', () => {
    const lines = reportOf([
      { file: 'a.eml', expected: 'critique', got: 'haute', asked: null },
      { file: 'b.eml', expected: 'critique', got: 'null', asked: null },
      { file: 'c.eml', expected: 'haute', got: 'moyenne', asked: null },
    ]);

    expect(lines).toContain('Priority misses: 3, asked 0, silent 3');
    expect(lines).toContain('Silent critique misses: 2 (a.eml read haute, b.eml read null)');
  });

  it('counts the right answers that were asked anyway, out of the right answers', () => {
    const lines = reportOf([
      { file: 'a.eml', expected: 'critique', got: 'critique', asked: ['severalUsers'] },
      { file: 'b.eml', expected: 'normale', got: 'normale', asked: null },
      { file: 'c.eml', expected: 'haute', got: 'critique', asked: ['severalUsers'] },
    ]);

    expect(lines).toContain('Right but asked anyway: 1 of 2');
    expect(lines).toContain('priority  2      3      66.7%     2');
  });

  it('prints no asked summary when no file has a priority to check', () => {
    const report = evalReport({ dir: 'DIR', files: 0, tally: new Map(), priorities: [], misses: [] });

    expect(report).toBe(
      'Evaluation of 0 labelled files in DIR\n\nmetric  right  total  accuracy  asked\n------  -----  -----  --------  -----\n\nNo misses.\n',
    );
  });
});
