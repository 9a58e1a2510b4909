// Mutation testing of the rules (`npm run mutate`; docs/mutation-testing.md says how to read it).
// Unit tests only (vitest.unit.config.ts); incremental, so a re-run tests only what changed since the
// last run recorded in reports/stryker-incremental.json.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'shared/domain/**/*.ts',
    // Generated data (scripts/generate-holidays.ts), not rules.
    '!shared/domain/sla/public-holiday-table.ts',
    // The use cases that hold rules of their own (the others only sequence ports).
    'shared/use-cases/triage-email.ts',
    'shared/use-cases/agent-queue.ts',
    'shared/use-cases/watch-sla.ts',
  ],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.tmp/stryker',
  cleanTempDir: 'always',
  timeoutMS: 10_000,
};
