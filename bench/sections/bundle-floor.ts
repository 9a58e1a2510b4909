import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { CONSTRUCT_BUILD_OPTIONS } from '../lib/construct-build-options';
import { REPO_ROOT } from '../lib/deployment';
import { loadOnce } from '../lib/load-bundle';
import type { Progress } from '../lib/progress';
import { median, round } from '../lib/stats';

export type FloorBundle = {
  /** What the bundle holds: required libraries only, none of our code. */
  holds: string;
  bytes: number;
  loadMsMedian: number;
};

/**
 * The floor under the intake's cold-start targets: the libraries the intake cannot do without, bundled
 * alone with the construct's esbuild options and loaded in fresh processes like the function. Each
 * entry imports what the intake uses of a library (the MailParser class, the three SDK clients and the
 * commands it sends), so esbuild keeps what it keeps in the real bundle. If these alone weigh more than
 * a target, no change to our code can meet it; the difference to the deployed bundle is ours to cut.
 */
const FLOOR_ENTRIES: readonly FloorEntry[] = [
  { holds: 'mailparser (MailParser and its dependencies)', imports: { mailparser: ['MailParser'] } },
  {
    holds: 'AWS SDK v3: DynamoDB, S3 and SES clients',
    imports: {
      '@aws-sdk/client-dynamodb': ['DynamoDBClient', 'TransactWriteItemsCommand'],
      '@aws-sdk/client-s3': ['GetObjectCommand', 'PutObjectCommand', 'S3Client'],
      '@aws-sdk/client-ses': ['SendRawEmailCommand', 'SESClient'],
    },
  },
];

type FloorEntry = { holds: string; imports: Record<string, string[]> };

/** An entry module that imports these names and keeps them all alive. */
function entrySource(imports: Record<string, string[]>): string {
  const lines = Object.entries(imports).map(
    ([from, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(from)};`,
  );
  // `default as X` imports a default export under the local name X.
  const locals = Object.values(imports)
    .flat()
    .map((name) => name.split(' as ').pop());
  return [...lines, `export const handler = () => [${locals.join(', ')}];`].join('\n');
}

/** A bundle loaded in turn with the last floor bundle, so that both see the same moments of a busy machine. */
export type PairedLoad = { file: string; environment: Record<string, string> };

/**
 * Medians of loads taken in turn: the paired bundle (the intake), the floor, and the floor plus the
 * features' libraries (the diagnostic), so that the diagnostic's ratio to the floor is as trustworthy as
 * the intake's on a busy machine.
 */
export type PairedMedians = { loadMsMedian: number; floorLoadMsMedian: number; featuresLoadMsMedian: number };

export async function bundleFloor(options: {
  loads: number;
  progress: Progress;
  /** Loaded alternately with the last entry (every required library together), `pairedLoads` times. */
  pairedWith?: PairedLoad;
  pairedLoads?: number;
}): Promise<{ floor: FloorBundle[]; paired: PairedMedians | null }> {
  const outRoot = join(REPO_ROOT, '.tmp/bench-floor');
  const required = Object.assign({}, ...FLOOR_ENTRIES.map((e) => e.imports), {
    // what our schemas use, named: `{ z }` would keep all of zod's locales (see bundle-hygiene)
    zod: ['array', 'boolean', 'literal', 'number', 'object', 'string', 'union'],
    luxon: ['DateTime'],
  });
  const entries: FloorEntry[] = [
    ...FLOOR_ENTRIES,
    // Diagnostic, not the floor: the libraries the intake's features also use (sender trust's public
    // suffix list, X-Ray tracing, the acknowledgement's MIME composer, Powertools logs and metrics,
    // the document client), so that what is above the floor splits into their weight and our code's.
    {
      holds: 'the floor plus the libraries of the features (tldts, Powertools, MailComposer, lib-dynamodb)',
      imports: {
        ...required,
        tldts: ['getDomain'],
        '@aws-lambda-powertools/tracer': ['Tracer'],
        '@aws-lambda-powertools/logger': ['Logger'],
        '@aws-lambda-powertools/metrics': ['Metrics'],
        '@aws-sdk/lib-dynamodb': ['DynamoDBDocumentClient'],
        'nodemailer/lib/mail-composer': ['default as MailComposer'],
      },
    },
    // The floor itself stays last: the intake's loads are paired with it.
    { holds: 'the floor: mailparser and the SDK clients, with zod and luxon', imports: required },
  ];
  const results: FloorBundle[] = [];
  let paired: PairedMedians | null = null;
  try {
    const outfiles: string[] = [];
    for (const [i, entry] of entries.entries()) {
      const outfile = join(outRoot, String(i), 'index.mjs');
      mkdirSync(join(outRoot, String(i)), { recursive: true });
      await esbuild.build({
        ...CONSTRUCT_BUILD_OPTIONS,
        stdin: { contents: entrySource(entry.imports), resolveDir: REPO_ROOT, loader: 'js' },
        outfile,
      });
      outfiles.push(outfile);
    }
    const featuresIndex = entries.length - 2;
    const loadsOf = new Map<number, number[]>();
    const pairedLoads: number[] = [];
    for (let i = 0; i < entries.length; i++) {
      const outfile = outfiles[i] ?? '';
      const pairHere = options.pairedWith && i === entries.length - 1 ? options.pairedWith : null;
      // Paired, the features' bundle is loaded in the same turns (its own loads were skipped above).
      if (options.pairedWith && i === featuresIndex) continue;
      const count = pairHere ? Math.max(options.loads, options.pairedLoads ?? 0) : options.loads;
      const loads: number[] = [];
      const features: number[] = [];
      for (let n = 0; n < count; n++) {
        loads.push((await loadOnce(outfile, {})).importMs);
        if (pairHere) {
          pairedLoads.push((await loadOnce(pairHere.file, pairHere.environment)).importMs);
          features.push((await loadOnce(outfiles[featuresIndex] ?? '', {})).importMs);
        }
      }
      loadsOf.set(i, loads);
      if (pairHere) {
        loadsOf.set(featuresIndex, features);
        paired = {
          loadMsMedian: round(median(pairedLoads), 1),
          floorLoadMsMedian: round(median(loads), 1),
          featuresLoadMsMedian: round(median(features), 1),
        };
      }
    }
    for (const [i, entry] of entries.entries()) {
      const bytes = statSync(outfiles[i] ?? '').size;
      const loadMsMedian = round(median(loadsOf.get(i) ?? []), 1);
      results.push({ holds: entry.holds, bytes, loadMsMedian });
      options.progress.line(
        `floor: ${entry.holds}: ${(bytes / 1024 / 1024).toFixed(2)} MB, load ${round(loadMsMedian, 0)} ms`,
      );
    }
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
  return { floor: results, paired };
}
