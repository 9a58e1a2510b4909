import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** What esbuild bundles into the functions (tests and the bench are never deployed). */
const BUNDLED_DIRS = ['shared', 'functions', 'infra', 'bin'];

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
});
