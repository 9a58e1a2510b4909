import { defineConfig } from 'vitest/config';

/**
 * The unit tests of the rules, for mutation testing (`npm run mutate`): no local service, no bundle,
 * no child process, so StrykerJS can run them once per mutant. `npm test` still runs everything
 * through vitest.config.ts.
 */
export default defineConfig({
  test: {
    // Every unit test that can reach the domain, so that a mutant one of them kills is not reported as
    // survived; StrykerJS's `related` mode then runs only those that import the mutated file.
    include: ['test/unit/**/*.test.ts'],
    exclude: [
      // These start child processes (tsc, depcruise, esbuild, the CLI, DynamoDB Local) and test no rule.
      'test/unit/architecture/**',
      'test/unit/bench/**',
      'test/unit/cli/**',
      'test/unit/local/**',
      'test/unit/portal/portal-imports.test.ts',
      'test/unit/intake/zod-jitless.test.ts',
      // Reruns the whole triage over every corpus mail eleven times (40 s on a loaded machine): it
      // covers every triage mutant, so each survivor or timeout cost a minute or more, and under
      // instrumentation one of its tests passed the 30 s limit and failed part F's dry run. `npm test`
      // still runs it; the named triage tests are what mutation testing measures.
      'test/unit/triage/priority-metamorphic.test.ts',
      // Wall-clock bounds of 0.5 to 1.5 s per call on 20 KB: instrumented code on a loaded machine
      // passes them (it failed part E's dry run at load 15). They catch slow patterns, which are no
      // change of behaviour; `npm test` still runs them.
      'test/unit/triage/linear-time.test.ts',
    ],
    // The same pinned zone as the whole suite: a rule's result must not depend on the machine.
    env: { TZ: 'UTC' },
    // Instrumented code on a machine shared by several mutation runs (load 15 on 2 cores) is many
    // times slower: at 30 s the dry run of part E failed on a 6 MB SES test. StrykerJS's own timeout
    // per mutant (from the dry run's times) still stops a mutant that loops.
    testTimeout: 120_000,
    // StrykerJS chooses the pool itself (one worker per runner); the vitest default `isolate: true`
    // re-imports every module for each test file, which cost most of each run's overhead. The rules are
    // pure (no module state, no vi.mock), so sharing the module graph cannot make a test pass wrongly.
    isolate: false,
  },
});
