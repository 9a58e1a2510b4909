import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSTRUCT_BUILD_OPTIONS } from '../../../bench/lib/construct-build-options';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'exo-jitless-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Bundles `entry` as the construct does and imports it in a fresh Node process whose `Function`
 * constructor counts the bodies zod generates (its object parsers read and write `payload`).
 */
async function generatedParsersAtLoad(name: string, entry: string): Promise<number> {
  const outfile = join(dir, name, 'index.mjs');
  await esbuild.build({
    ...CONSTRUCT_BUILD_OPTIONS,
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    outfile,
  });
  const script = [
    'let generated = 0;',
    'const Original = globalThis.Function;',
    'globalThis.Function = new Proxy(Original, { construct(target, args) {',
    "  if (String(args.at(-1)).includes('payload')) generated++;",
    '  return Reflect.construct(target, args); } });',
    `const m = await import(${JSON.stringify(outfile)});`,
    "if (typeof m.run !== 'function') throw new Error('no run export');",
    'm.run();',
    'process.stdout.write(String(generated));',
  ].join('\n');
  const env = {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'eu-west-3',
    TABLE_NAME: 'tickets',
    RAW_MAIL_BUCKET: 'mail',
    SERVICE_DESK_CONFIG: JSON.stringify(
      JSON.parse(readFileSync(join(ROOT, 'config/service-desk.json'), 'utf8')),
    ),
  };
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' }),
  );
}

// Each case bundles the intake's stack (esbuild, about a second) and loads it in a fresh process.
describe('Intake cold start: zod parses without generated code', { timeout: 120_000 }, () => {
  it('the handler generates no parser when it loads (the environment and configuration are parsed)', async () => {
    const handler = "export { handler } from './functions/intake/handler';\nexport const run = () => {};\n";
    expect(await generatedParsersAtLoad('handler', handler)).toBe(0);
  });

  it('without the setting imported first, the same parse generates parsers (the check can fail)', async () => {
    const plain =
      "import { loadIntakeEnv } from './shared/config';\nexport const run = () => loadIntakeEnv(process.env);\n";
    expect(await generatedParsersAtLoad('plain', plain)).toBeGreaterThan(0);
  });
});
