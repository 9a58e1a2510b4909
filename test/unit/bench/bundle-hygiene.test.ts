import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** What esbuild bundles into the functions (tests and the bench are never deployed). */
const BUNDLED_DIRS = ['shared', 'functions', 'infra', 'bin'];
/** Every deployed function, and the CLI that an install without devDependencies runs. */
const RUN_TIME_ENTRIES = [
  ...readdirSync(join(ROOT, 'functions'))
    .map((dir) => `functions/${dir}/handler.ts`)
    .filter((entry) => existsSync(join(ROOT, entry))),
  'functions/cli/main.ts',
];
/** Build-time only: scripts/generate-holidays.ts turns them into shared/domain/sla/public-holiday-table.ts. */
const BUILD_TIME_PACKAGES = [
  'date-holidays',
  'date-holidays-parser',
  'moment-timezone',
  'moment',
  'astronomia',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('Check: bundle hygiene', () => {
  it("imports zod as `import * as z from 'zod'` in every deployed source file", () => {
    // esbuild cannot shake the `z` object that `import { z }` names: every locale of zod (about
    // 360 KB minified) would land in each function bundle again (npm run bench, cold start).
    const offenders = BUNDLED_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)))
      // `import type { z }` is erased at compile time: only a value import of `{ z }` counts.
      .filter((file) => /import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*['"]zod['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));

    expect(offenders).toEqual([]);
  });

  it('bundles no holiday library (date-holidays, moment-timezone) in a function or the CLI', async () => {
    // They weighed 1.4 MiB and most of the intake's load time; the generated table replaces them. Only
    // the module graph is built (no minify, no output written): a few seconds at most.
    const { metafile } = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: RUN_TIME_ENTRIES,
      bundle: true,
      platform: 'node',
      format: 'esm',
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      outdir: 'out',
      logLevel: 'silent',
    });
    const bundled = Object.entries(metafile.outputs).flatMap(([output, { inputs }]) =>
      Object.keys(inputs)
        .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1])
        .filter((pkg): pkg is string => pkg !== undefined && BUILD_TIME_PACKAGES.includes(pkg))
        .map((pkg) => `${output}: ${pkg}`),
    );

    expect(RUN_TIME_ENTRIES).toContain('functions/intake/handler.ts');
    expect([...new Set(bundled)]).toEqual([]);
  });
});
