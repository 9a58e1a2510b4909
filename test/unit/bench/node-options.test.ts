import { describe, expect, it } from 'vitest';
import { withSourceMapsFlag } from '../../../bench/lib/node-options';

describe('Bench: NODE_OPTIONS with the source-maps flag (what Node mapping stacks at load would cost)', () => {
  it('adds the flag to the deployed options, once', () => {
    expect(withSourceMapsFlag(undefined)).toBe('--enable-source-maps');
    expect(withSourceMapsFlag('--max-old-space-size=512')).toBe(
      '--max-old-space-size=512 --enable-source-maps',
    );
    expect(withSourceMapsFlag('--enable-source-maps')).toBe('--enable-source-maps');
    expect(withSourceMapsFlag('--enable-source-maps-x')).toBe('--enable-source-maps-x --enable-source-maps');
  });
});
