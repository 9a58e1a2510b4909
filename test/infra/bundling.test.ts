import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceOf, type SynthesizedIntake, synthIntake } from './synth';

const run = promisify(execFile);

/** Generous ceilings: they catch a dependency bundled by mistake (aws-cdk-lib, a test library), not growth. */
const MAX_BUNDLE_BYTES = { Intake: 10 * 1024 * 1024, BounceRecorder: 10 * 1024 * 1024 } as const;

/**
 * The real bundling of `cdk synth`: the local esbuild, no Docker, no AWS credentials. Then each
 * bundle is imported by Node with the environment the template gives the function, which proves
 * that the ESM bundle loads (no "Dynamic require" of a CommonJS dependency) and that the function
 * accepts the environment the stack sets at cold start.
 */
describe('Check: function bundles', () => {
  let outdir: string;
  let synth: SynthesizedIntake;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'exodata-cdk-bundle-'));
    synth = synthIntake(undefined, { bundle: true, outdir });
    synth.app.synth();
  }, 300_000);

  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
  });

  function bundleOf(part: keyof typeof MAX_BUNDLE_BYTES) {
    const fn = resourceOf(synth.stateless$, 'AWS::Lambda::Function', `${part}Function`);
    // The asset is staged in the cloud assembly as asset.<hash>; the template names it <hash>.zip.
    const assetDir = join(outdir, `asset.${String(fn.props.Code.S3Key).replace(/\.zip$/, '')}`);
    return {
      file: join(assetDir, 'index.mjs'),
      environment: fn.props.Environment.Variables as Record<string, unknown>,
    };
  }

  it.each(['Intake', 'BounceRecorder'] as const)(
    'builds %s into one minified ESM file with its source map',
    (part) => {
      const { file } = bundleOf(part);
      expect(existsSync(file)).toBe(true);
      expect(existsSync(`${file}.map`)).toBe(true);
      const size = statSync(file).size;
      expect(size).toBeLessThan(MAX_BUNDLE_BYTES[part]);
      const code = readFileSync(file, 'utf8');
      expect(code.startsWith("import { createRequire as __exodataCreateRequire } from 'node:module';")).toBe(
        true,
      );
      expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    },
  );

  it.each(['Intake', 'BounceRecorder'] as const)(
    'loads the %s bundle in Node with the environment of the template and exports a handler',
    async (part) => {
      const { file, environment } = bundleOf(part);
      const env: Record<string, string> = { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1' };
      for (const [key, value] of Object.entries(environment)) {
        // References to the other stack resolve at deploy time: a placeholder name will do here.
        env[key] =
          typeof value === 'string' ? value : `placeholder-${key.toLowerCase().replaceAll('_', '-')}`;
      }
      const script = `const m = await import(${JSON.stringify(file)}); console.log(typeof m.handler);`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env });
      expect(stdout.trim()).toBe('function');
    },
    60_000,
  );
});
