// Mutation testing of the rules (`npm run mutate`; docs/mutation-testing.md says how to read it).
// Unit tests only (vitest.unit.config.ts); incremental, so a re-run tests only what changed since the
// last run recorded in reports/stryker-incremental.json.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
// A run in parts (MUTATE_PART=sla npx stryker run --mutate 'shared/domain/sla/**/*.ts'): each part keeps
// its own incremental file and JSON report, and `npm run -s mutate:table` merges every report it finds.
const part = process.env.MUTATE_PART ? `-${process.env.MUTATE_PART.replace(/[^a-z0-9-]/gi, '')}` : '';

export default {
  testRunner: 'vitest',
  // `related`: each mutant runs only the tests that cover it, among the files that import its file.
  vitest: { configFile: 'vitest.unit.config.ts', related: true },
  // The checker sets aside mutants that do not compile (about half of them: they only measure the
  // compiler). It is most of the cost, so: a program of the domain only (tsconfig.stryker.json, 64 files
  // instead of the whole project with CDK), and the native TypeScript 7 preview (`@typescript/native`,
  // starts in seconds instead of tens); both measured in docs/mutation-testing.md.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true, experimentalNativePreview: true },
  coverageAnalysis: 'perTest',
  // A static mutant (in a module-level table: a vocabulary, a holiday list, a header list) runs at import,
  // so per-test coverage cannot narrow it: each one reruns every related test file (40 s for part A
  // under instrumentation, 45 % of its mutants). Ignored: they are listed as "Ignored" in the report and
  // the tables they mutate are pinned by named tests (docs/mutation-testing.md).
  ignoreStatic: true,
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
  incrementalFile: `reports/stryker-incremental${part}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/index${part}.html` },
  jsonReporter: { fileName: `reports/mutation/mutation${part}.json` },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.tmp/stryker',
  cleanTempDir: 'always',
  timeoutMS: 10_000,
};
