import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../shared/adapters/http/loopback-host';

describe('Function: isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.0.0.1:3000', 'localhost', 'LOCALHOST:3000', '[::1]', '[::1]:3000'])(
    'takes %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    undefined,
    '',
    '192.168.1.10:3000',
    'exodata.fr',
    'localhost.evil.example',
    'evil.example:3000',
    '127.0.0.1.nip.io',
    '127.0.0.2',
    '::1',
    'localhost:3000@evil.example',
    'localhost:abc',
  ])('refuses %s (another machine, a rebinding name or junk)', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
