import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { ServiceDeskConfig } from '../../shared/domain/service-desk-config';
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
  config: ServiceDeskConfig;
  environment: Record<string, string>;
  loads: number;
  progress: Progress;
}): Promise<WhatIf[]> {
  const outRoot = join(REPO_ROOT, '.tmp/bench-what-if');
  const countries = [...new Set(options.config.desks.map((d) => d.holidays.country.toUpperCase()))];
  const zones = [...new Set(options.config.desks.map((d) => d.timeZone))];
  const holidays = pickedHolidaysPlugin(countries);
  const zonesOnly = momentTimezoneZonesPlugin(zones);
  const variants: Variant[] = [
    { change: 'as deployed (re-bundled)', caveat: '', external: [], plugins: [] },
    {
      change: 'AWS SDK v3 left to the Lambda runtime',
      caveat: 'the runtime SDK lags the pinned one (the construct bundles it on purpose); test against it',
      external: ['@aws-sdk/*', '@smithy/*'],
      plugins: [],
    },
    {
      change: `date-holidays data of ${countries.join(', ')} only`,
      caveat: 'date-holidays-parser with a picked data set (holidays2json --pick), made a direct dependency',
      external: [],
      plugins: [holidays],
    },
    {
      change: `moment-timezone with the desks' zones only (${zones.length})`,
      caveat:
        'holidays are computed in the desk zone (caldate uses moment.tz): a new desk zone must be added',
      external: [],
      plugins: [zonesOnly],
    },
    {
      change: 'both holiday changes together',
      caveat: 'the two above',
      external: [],
      plugins: [holidays, zonesOnly],
    },
  ];
  const results: WhatIf[] = [];
  try {
    for (const [i, step] of variants.entries()) {
      const outfile = join(outRoot, String(i), 'index.mjs');
      mkdirSync(join(outRoot, String(i)), { recursive: true });
      await esbuild.build({
        entryPoints: [join(REPO_ROOT, 'functions/intake/handler.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourcemap: true,
        sourcesContent: false,
        banner: {
          js: "import { createRequire as __exodataCreateRequire } from 'node:module'; const require = __exodataCreateRequire(import.meta.url);",
        },
        external: step.external,
        plugins: step.plugins,
        outfile,
        logLevel: 'silent',
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

/** date-holidays' data module replaced by the same data for the desks' countries only. */
function pickedHolidaysPlugin(countries: readonly string[]): esbuild.Plugin {
  return {
    name: 'picked-holidays',
    setup(build) {
      build.onResolve({ filter: /^\.\/data\.js$/ }, (args) =>
        /date-holidays\/src\/Holidays\.js$/.test(args.importer)
          ? { path: 'picked', namespace: 'holidays' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'holidays' }, async () => {
        const { data } = await import('date-holidays/data');
        const holidays = Object.fromEntries(countries.map((c) => [c, data.holidays[c]]));
        return { contents: `export const data = ${JSON.stringify({ ...data, holidays })};`, loader: 'js' };
      });
    },
  };
}

/** moment-timezone's core with the packed data of the given zones (and what they link to) only. */
export function momentTimezoneZonesPlugin(zones: readonly string[]): esbuild.Plugin {
  const resolveFrom = createRequire(join(REPO_ROOT, 'package.json'));
  return {
    name: 'moment-timezone-zones',
    setup(build) {
      build.onResolve({ filter: /^moment-timezone$/ }, () => ({
        path: 'zones',
        namespace: 'moment-timezone',
      }));
      build.onLoad({ filter: /.*/, namespace: 'moment-timezone' }, () => {
        const packed = JSON.parse(
          readFileSync(resolveFrom.resolve('moment-timezone/data/packed/latest.json'), 'utf8'),
        ) as { version: string; zones: string[]; links: string[] };
        const wanted = new Set([...zones, 'Etc/UTC', 'UTC']);
        const links = packed.links.filter((l) => l.split('|').some((name) => wanted.has(name)));
        for (const link of links) for (const name of link.split('|')) wanted.add(name);
        const subset = {
          version: packed.version,
          zones: packed.zones.filter((z) => wanted.has(z.split('|')[0] ?? '')),
          links,
        };
        return {
          contents: `import moment from ${JSON.stringify(resolveFrom.resolve('moment-timezone/moment-timezone.js'))};\nmoment.tz.load(${JSON.stringify(subset)});\nexport default moment;\n`,
          loader: 'js',
          resolveDir: REPO_ROOT,
        };
      });
    },
  };
}
