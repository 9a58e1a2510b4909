import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { CONSTRUCT_BUILD_OPTIONS } from '../lib/construct-build-options';
import { REPO_ROOT } from '../lib/deployment';
import { loadOnce } from '../lib/load-bundle';
import type { Progress } from '../lib/progress';
import { median, round } from '../lib/stats';

export type WhatIf = {
  change: string;
  /** What the change costs or risks: read it before making it. */
  caveat: string;
  bytes: number;
  loadMsMedian: number;
};

type Variant = {
  change: string;
  caveat: string;
  external: string[];
  plugins: esbuild.Plugin[];
};

/**
 * What each candidate change to the intake bundle would buy, on its own against the bundle as it is:
 * esbuild re-bundles of functions/intake/handler.ts with ExodataFunction's options (ESM, node24,
 * module-first, minified, source map), written under .tmp/ so that external packages resolve, and
 * loaded like the deployed bundle. Nothing here changes the deployed code: it informs the choice.
 */
export async function bundleWhatIfs(options: {
  /** Unread since the holiday what-ifs went (the generated table did what they measured); kept for callers. */
  environment: Record<string, string>;
  loads: number;
  progress: Progress;
}): Promise<WhatIf[]> {
  const outRoot = join(REPO_ROOT, '.tmp/bench-what-if');
  const variants: Variant[] = [
    { change: 'as deployed (re-bundled)', caveat: '', external: [], plugins: [] },
    {
      change: 'AWS SDK v3 left to the Lambda runtime',
      caveat: 'the runtime SDK lags the pinned one (the construct bundles it on purpose); test against it',
      external: ['@aws-sdk/*', '@smithy/*'],
      plugins: [],
    },
  ];
  const results: WhatIf[] = [];
  try {
    for (const [i, step] of variants.entries()) {
      const outfile = join(outRoot, String(i), 'index.mjs');
      mkdirSync(join(outRoot, String(i)), { recursive: true });
      await esbuild.build({
        ...CONSTRUCT_BUILD_OPTIONS,
        entryPoints: [join(REPO_ROOT, 'functions/intake/handler.ts')],
        sourcemap: true,
        sourcesContent: false,
        external: step.external,
        plugins: step.plugins,
        outfile,
      });
      const loads: number[] = [];
      for (let n = 0; n < options.loads; n++)
        loads.push((await loadOnce(outfile, options.environment)).importMs);
      results.push({
        change: step.change,
        caveat: step.caveat,
        bytes: statSync(outfile).size,
        loadMsMedian: round(median(loads), 1),
      });
      options.progress.line(
        `what if: ${step.change}: ${(statSync(outfile).size / 1024 / 1024).toFixed(2)} MB, load ${round(median(loads), 0)} ms`,
      );
    }
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
  return results;
}
