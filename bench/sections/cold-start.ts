import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { App } from 'aws-cdk-lib';
import * as esbuild from 'esbuild';
import { parseDeploymentConfig } from '../../infra/config';
import { buildIntakeApp } from '../../infra/intake-app';
import { CONSTRUCT_BUILD_OPTIONS } from '../lib/construct-build-options';
import { DEPLOYMENT_EXAMPLE, REPO_ROOT } from '../lib/deployment';
import { loadOnce } from '../lib/load-bundle';
import { withSourceMapsFlag } from '../lib/node-options';
import type { Progress } from '../lib/progress';
import { median, round } from '../lib/stats';
import { bundleFloor, type FloorBundle } from './bundle-floor';
import { bundleWhatIfs, type WhatIf } from './bundle-what-if';

export type FunctionBundle = {
  /** The construct id in the stack: Intake, BounceRecorder… */
  name: string;
  /** index.mjs as deployed (minified). */
  bytes: number;
  sourceMapBytes: number;
  /** What the deployment zip costs to move around, roughly. */
  gzipBytes: number;
  memorySizeMb: number;
  /** Module load in a fresh Node process (import() of the bundle with the template's environment, NODE_OPTIONS included). */
  loadMsMedian: number | null;
  loadMsP90: number | null;
  /** Process start to handler ready, same processes (Node's own start-up included). */
  readyMsMedian: number | null;
  /**
   * Module load with `--enable-source-maps` added to the template's NODE_OPTIONS: what Node's own
   * mapping would cost at each cold start (the functions map stacks in their logger instead).
   */
  loadMsWithSourceMapsFlagMedian: number | null;
  /** Why the bundle could not be loaded here (an environment the stand-ins do not satisfy). */
  loadError: string | null;
};

export type ColdStartFigures = {
  functions: FunctionBundle[];
  intakeBundleBytes: number;
  intakeLoadMsMedian: number;
  intakeMemorySizeMb: number;
  /** Biggest packages in the intake bundle (esbuild metafile of a re-bundle with the construct's options). */
  intakeBreakdown: { module: string; bytes: number }[];
  /** The re-bundle's size over the CDK asset's: 1.00 when the breakdown describes the deployed bundle. */
  breakdownFidelity: number;
  loads: number;
  /** Candidate changes and what each would buy on its own (full runs only). */
  whatIf: WhatIf[];
  /** The required libraries bundled alone: what no change to our code can go under. */
  floor: FloorBundle[];
  /** The last floor bundle (every required library together): its size and load median. */
  floorBytes: number;
  floorLoadMsMedian: number;
  /** Intake bundle bytes / floor bytes (target ≤ 1.25). */
  intakeBundleRatioToFloor: number;
  /**
   * Intake module load / floor load (target ≤ 1.25), from loads taken alternately in the same run (the
   * intake with its template environment, NODE_OPTIONS as deployed): each median sees the same
   * moments of a busy machine, which two medians taken minutes apart do not.
   */
  intakeLoadRatioToFloor: number;
  /**
   * The diagnostic bundle (the floor plus the libraries of the intake's features, none of our code) over
   * the floor, from the same alternate loads: what the libraries alone put above the floor.
   */
  featuresLoadRatioToFloor: number;
  /** Its bytes over the floor's. */
  featuresBundleRatioToFloor: number;
};

/**
 * Bundles every function exactly as `cdk synth` does (the stacks themselves, with the house construct
 * ExodataFunction and its esbuild options: nothing copied here), measures each index.mjs, then
 * imports it `loads` times, each in a fresh Node process with the environment the template gives
 * the function (plus NODE_OPTIONS as deployed), and keeps the median.
 */
export async function benchColdStart(options: {
  loads: number;
  /** Loads per what-if variant; 0 skips them. */
  whatIfLoads: number;
  progress: Progress;
}): Promise<ColdStartFigures> {
  const { progress } = options;
  const outdir = mkdtempSync(join(tmpdir(), 'exodata-bench-cdk-'));
  try {
    progress.line('cdk synth with bundling (esbuild)…');
    const functions = synthFunctions(outdir);
    const measured: FunctionBundle[] = [];
    for (const fn of functions) {
      measured.push(await measureFunction(fn, options.loads, progress));
    }
    const intake = measured.find((f) => f.name === 'Intake');
    if (!intake || intake.loadMsMedian === null) {
      throw new Error(
        `the Intake function is missing or does not load: ${intake?.loadError ?? 'not in the stacks'}`,
      );
    }
    const breakdown = await breakdownOf(join(REPO_ROOT, 'functions/intake/handler.ts'));
    const intakeEnvironment = functions.find((f) => f.name === 'Intake')?.environment ?? {};
    const whatIf =
      options.whatIfLoads > 0
        ? await bundleWhatIfs({
            environment: intakeEnvironment,
            loads: options.whatIfLoads,
            progress,
          })
        : [];
    const intakeAsset = functions.find((f) => f.name === 'Intake');
    const { floor, paired } = await bundleFloor({
      loads: options.loads,
      // A ratio of two medians of three wanders by tens of percent on a shared machine: at least nine pairs.
      pairedLoads: Math.max(options.loads, 9),
      progress,
      ...(intakeAsset
        ? {
            pairedWith: {
              file: join(intakeAsset.assetDir, 'index.mjs'),
              environment: intakeAsset.environment,
            },
          }
        : {}),
    });
    const together = floor[floor.length - 1];
    const floorBytes = together?.bytes ?? 0;
    if (paired) {
      progress.line(
        `intake / floor / floor with the features' libraries, loaded alternately: ${round(paired.loadMsMedian, 0)} / ${round(paired.floorLoadMsMedian, 0)} / ${round(paired.featuresLoadMsMedian, 0)} ms`,
      );
    }
    const features = floor[floor.length - 2];
    return {
      functions: measured,
      intakeBundleBytes: intake.bytes,
      intakeLoadMsMedian: intake.loadMsMedian,
      intakeMemorySizeMb: intake.memorySizeMb,
      intakeBreakdown: breakdown.modules,
      breakdownFidelity: round(breakdown.bytes / intake.bytes, 3),
      loads: options.loads,
      whatIf,
      floor,
      floorBytes,
      floorLoadMsMedian: together?.loadMsMedian ?? 0,
      intakeBundleRatioToFloor: round(intake.bytes / floorBytes, 3),
      intakeLoadRatioToFloor: round(
        (paired?.loadMsMedian ?? Number.NaN) / (paired?.floorLoadMsMedian ?? Number.NaN),
        3,
      ),
      featuresLoadRatioToFloor: round(
        (paired?.featuresLoadMsMedian ?? Number.NaN) / (paired?.floorLoadMsMedian ?? Number.NaN),
        3,
      ),
      featuresBundleRatioToFloor: round((features?.bytes ?? Number.NaN) / floorBytes, 3),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function measureFunction(
  fn: SynthesizedFunction,
  count: number,
  progress: Progress,
): Promise<FunctionBundle> {
  const file = join(fn.assetDir, 'index.mjs');
  const bytes = statSync(file).size;
  const sizes = {
    name: fn.name,
    bytes,
    sourceMapBytes: existsSync(`${file}.map`) ? statSync(`${file}.map`).size : 0,
    gzipBytes: gzipSync(readFileSync(file)).length,
    memorySizeMb: fn.memorySizeMb,
  };
  const loads: { importMs: number; readyMs: number }[] = [];
  const flagged: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      loads.push(await loadOnce(file, fn.environment));
      progress.tick(`${fn.name}: loads`, i + 1, count);
    }
    const withMaps = { ...fn.environment, NODE_OPTIONS: withSourceMapsFlag(fn.environment.NODE_OPTIONS) };
    for (let i = 0; i < Math.max(2, Math.round(count / 2)); i++) {
      flagged.push((await loadOnce(file, withMaps)).importMs);
    }
  } catch (error) {
    // A function that does not start with stand-in values must not hide the other figures.
    const reason = firstLine(error);
    progress.line(`${fn.name}: ${(bytes / 1024 / 1024).toFixed(2)} MB, cannot be loaded here: ${reason}`);
    return {
      ...sizes,
      loadMsMedian: null,
      loadMsP90: null,
      readyMsMedian: null,
      loadMsWithSourceMapsFlagMedian: null,
      loadError: reason,
    };
  }
  const importMs = loads.map((l) => l.importMs).sort((a, b) => a - b);
  progress.line(`${fn.name}: ${(bytes / 1024 / 1024).toFixed(2)} MB, load ${round(median(importMs), 1)} ms`);
  return {
    ...sizes,
    loadMsMedian: round(median(importMs), 1),
    loadMsP90: round(importMs[Math.ceil(importMs.length * 0.9) - 1] ?? Number.NaN, 1),
    readyMsMedian: round(median(loads.map((l) => l.readyMs)), 1),
    loadMsWithSourceMapsFlagMedian: round(median(flagged), 1),
    loadError: null,
  };
}

function firstLine(error: unknown): string {
  const text =
    error instanceof Error ? ((error as { stderr?: string }).stderr ?? error.message) : String(error);
  const lines = text.split('\n').map((l) => l.trim());
  return (lines.find((l) => /Error|error:/.test(l)) ?? lines[0] ?? '').slice(0, 300);
}

/**
 * A CloudFormation value as a string, with stand-ins for what only a deployment knows: a Ref or
 * GetAtt of something with an ARN becomes an ARN-shaped string, joins are joined (so that a URL
 * built from a domain stays a URL), anything else becomes `placeholder`.
 */
export function renderIntrinsic(value: unknown, resources: Record<string, Resource>, region: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || typeof value !== 'object') return 'placeholder';
  const [fn, args] = Object.entries(value)[0] ?? [];
  const arn = (type: string | undefined) =>
    `arn:aws:${(type ?? 'AWS::Service::Thing').split('::')[1]?.toLowerCase()}:${region}:123456789012:placeholder`;
  switch (fn) {
    case 'Fn::Join': {
      const [separator, parts] = args as [string, unknown[]];
      return parts.map((part) => renderIntrinsic(part, resources, region)).join(separator);
    }
    case 'Ref': {
      if (args === 'AWS::Region') return region;
      if (args === 'AWS::AccountId') return '123456789012';
      if (args === 'AWS::Partition') return 'aws';
      if (args === 'AWS::URLSuffix') return 'amazonaws.com';
      // A Ref of a topic is its ARN; of most other resources, a name.
      return resources[String(args)]?.Type === 'AWS::SNS::Topic' ? arn('AWS::SNS::Topic') : 'placeholder';
    }
    case 'Fn::GetAtt': {
      const [id, attribute] = args as [string, string];
      return /Arn$/.test(attribute) ? arn(resources[id]?.Type) : 'placeholder';
    }
    default:
      return 'placeholder';
  }
}

type SynthesizedFunction = {
  name: string;
  assetDir: string;
  environment: Record<string, string>;
  memorySizeMb: number;
};

/** The deployment example's stacks, synthesized with bundling: our functions are the assets with an index.mjs. */
function synthFunctions(outdir: string): SynthesizedFunction[] {
  const context = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }
  ).context;
  // As the CDK CLI does: each resource says which construct made it (aws:cdk:path).
  const app = new App({ context: { ...context, 'aws:cdk:enable-path-metadata': true }, outdir });
  const config = parseDeploymentConfig(
    JSON.parse(readFileSync(DEPLOYMENT_EXAMPLE, 'utf8')),
    dirname(DEPLOYMENT_EXAMPLE),
    DEPLOYMENT_EXAMPLE,
  );
  buildIntakeApp(app, config);
  const assembly = app.synth();
  const found: SynthesizedFunction[] = [];
  for (const stack of assembly.stacks) {
    const resources = (stack.template as { Resources?: Record<string, Resource> }).Resources ?? {};
    for (const resource of Object.values(resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const key = resource.Properties?.Code?.S3Key;
      if (typeof key !== 'string') continue;
      const assetDir = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
      if (!existsSync(join(assetDir, 'index.mjs'))) continue; // CDK's own providers: not ours
      const path = String(resource.Metadata?.['aws:cdk:path'] ?? '');
      const environment: Record<string, string> = { PATH: process.env.PATH ?? '', AWS_REGION: config.region };
      for (const [name, value] of Object.entries(resource.Properties?.Environment?.Variables ?? {})) {
        // References to other resources resolve at deploy time: stand-ins of the right shape will do.
        environment[name] = renderIntrinsic(value, resources, config.region);
      }
      found.push({
        name: path.split('/')[1] ?? path,
        assetDir,
        environment,
        memorySizeMb: Number(resource.Properties?.MemorySize ?? 128),
      });
    }
  }
  return found;
}

type Resource = {
  Type: string;
  Properties?: {
    Code?: { S3Key?: unknown };
    MemorySize?: number;
    Environment?: { Variables?: Record<string, unknown> };
  };
  Metadata?: Record<string, unknown>;
};

/**
 * Which packages make the intake bundle big: an esbuild re-bundle with the options ExodataFunction
 * gives NodejsFunction (ESM, node24, module-first, minified), with a metafile. Diagnostic only: the
 * sizes reported come from the CDK assets, and `breakdownFidelity` shows how close the two are.
 */
async function breakdownOf(
  entry: string,
): Promise<{ bytes: number; modules: { module: string; bytes: number }[] }> {
  const result = await esbuild.build({
    ...CONSTRUCT_BUILD_OPTIONS,
    entryPoints: [entry],
    write: false,
    metafile: true,
    outfile: join(tmpdir(), 'exodata-bench-breakdown.mjs'),
  });
  const output = Object.values(result.metafile?.outputs ?? {})[0];
  if (!output) return { bytes: 0, modules: [] };
  const byModule = new Map<string, number>();
  for (const [file, info] of Object.entries(output.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/').slice(0, 2).join('/');
    byModule.set(pkg, (byModule.get(pkg) ?? 0) + info.bytesInOutput);
  }
  const modules = [...byModule]
    .map(([module, bytes]) => ({ module, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 15);
  return { bytes: output.bytes, modules };
}
