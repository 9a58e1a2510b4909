import { describe, expect, it } from 'vitest';
import { median, percentile, round } from '../../../bench/lib/stats';

describe('Function: percentile', () => {
  it('returns the nearest-rank value, whatever the order of the samples', () => {
    const samples = [50, 10, 40, 20, 30, 100, 90, 80, 70, 60];

    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 90)).toBe(90);
    expect(percentile(samples, 99)).toBe(100);
    expect(percentile(samples, 0)).toBe(10);
  });

  it('returns NaN when there is no sample', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('Function: median', () => {
  it('averages the two middle values when the count is even', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('Function: round', () => {
  it('rounds to the asked digits and leaves non-finite values alone', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(Number.NaN)).toBeNaN();
  });
});
