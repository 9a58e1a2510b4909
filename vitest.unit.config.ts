import { defineConfig } from 'vitest/config';

/**
 * The unit tests of the rules, for mutation testing (`npm run mutate`): no local service, no bundle,
 * no child process, so StrykerJS can run them once per mutant. `npm test` still runs everything
 * through vitest.config.ts.
 */
export default defineConfig({
  test: {
    include: [
      'test/unit/acknowledgement/**/*.test.ts',
      'test/unit/mail/**/*.test.ts',
      'test/unit/sla/**/*.test.ts',
      'test/unit/ticket/**/*.test.ts',
      'test/unit/triage/**/*.test.ts',
      'test/unit/desk/**/*.test.ts',
      'test/unit/intake/config.test.ts',
      'test/unit/intake/creation-transaction.test.ts',
    ],
    // The same pinned zone as the whole suite: a rule's result must not depend on the machine.
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
