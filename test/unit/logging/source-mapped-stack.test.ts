import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSTRUCT_BUILD_OPTIONS } from '../../../bench/lib/construct-build-options';
import {
  commonDirectory,
  type StackMapper,
  withMappedStack,
} from '../../../shared/adapters/logging/source-mapped-stack';

const run = promisify(execFile);
const FIXTURE = 'test/fixtures/logging/throws-when-called.ts';
const lineOf = (text: string) =>
  readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1;
const FAILURE_LINE = lineOf("throw new Error('the failure'");
const CAUSE_LINE = lineOf("throw new TypeError('the cause')");

type LoggedError = { name: string; location: string; message: string; stack: string; cause: LoggedError };

/**
 * The functions run without `--enable-source-maps` (docs/performance.md, item 9): the logger maps a
 * logged error's stack with the map beside the bundle. A module bundled as ExodataFunction bundles
 * (the construct's esbuild options, a source map without sources), loaded by a plain `node` with no
 * NODE_OPTIONS, throws; the logged stack must name the TypeScript file and line.
 */
describe('Logged errors of a bundled function', () => {
  let dir: string;
  let bundle: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'exodata-source-map-'));
    bundle = join(dir, 'index.mjs');
    await esbuild.build({
      ...CONSTRUCT_BUILD_OPTIONS,
      entryPoints: [FIXTURE],
      outfile: bundle,
      sourcemap: true,
      sourcesContent: false,
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Loads the bundle in a fresh process; `beforeCall` runs between the import and the error. */
  async function loggedErrors(file: string, beforeCall = ''): Promise<LoggedError[]> {
    const script = `const m = await import(${JSON.stringify(file)}); ${beforeCall}; m.handler();`;
    // Outside Lambda, Powertools writes ERROR lines to stderr.
    const { stderr } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
    });
    return stderr
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { error: LoggedError }).error);
  }

  it('name the TypeScript source and line, causes included, without --enable-source-maps', async () => {
    const errors = await loggedErrors(bundle);
    expect(errors).toHaveLength(2);
    for (const error of errors) {
      expect(error.message).toBe('the failure');
      expect(error.stack).toMatch(new RegExp(`\\(${FIXTURE}:${FAILURE_LINE}:\\d+\\)`));
      expect(error.location).toBe(`${FIXTURE}:${FAILURE_LINE}`);
      expect(error.stack).not.toContain('index.mjs');
      expect(error.cause.name).toBe('TypeError');
      expect(error.cause.stack).toMatch(new RegExp(`\\(${FIXTURE}:${CAUSE_LINE}:\\d+\\)`));
    }
  });

  it('stay as the bundle gives them when the map is missing (the control: the test above can fail)', async () => {
    // A copy whose map is deleted after the import: the map is read at the first error, not at load.
    const late = join(dir, 'late');
    mkdirSync(late);
    for (const name of ['index.mjs', 'index.mjs.map']) copyFileSync(join(dir, name), join(late, name));
    const map = join(late, 'index.mjs.map');
    const errors = await loggedErrors(
      join(late, 'index.mjs'),
      `(await import('node:fs')).rmSync(${JSON.stringify(map)})`,
    );
    expect(errors[0]?.stack).toContain('index.mjs:');
    expect(errors[0]?.stack).not.toContain(FIXTURE);
  });
});

describe('commonDirectory', () => {
  it('strips what every source shares, to the last whole folder', () => {
    expect(
      commonDirectory([
        '../../work/repo/functions/intake/handler.ts',
        '../../work/repo/node_modules/mailparser/lib/mail-parser.js',
      ]),
    ).toBe('../../work/repo/');
    expect(commonDirectory(['../a/bc/x.ts', '../a/b/y.ts'])).toBe('../a/');
    expect(commonDirectory(['../a/x.ts'])).toBe('../a/');
    expect(commonDirectory([])).toBe('');
  });
});

describe('withMappedStack', () => {
  const upper: StackMapper = (stack) => stack.toUpperCase();

  it('maps a copy, causes included, and leaves the error that may be rethrown as it was', () => {
    const cause = new TypeError('inner');
    const error = new Error('outer', { cause });
    const copy = withMappedStack(error, upper);
    expect(copy).toBeInstanceOf(Error);
    expect(copy.message).toBe('outer');
    expect(copy.stack).toBe(error.stack?.toUpperCase());
    expect((copy.cause as Error).stack).toBe(cause.stack?.toUpperCase());
    expect(error.stack).not.toBe(copy.stack);
    expect(error.cause).toBe(cause);
  });

  it('gives back an error it cannot copy (a non-configurable stack) rather than throwing in the logger', () => {
    const error = new Error('frozen');
    Object.defineProperty(error, 'stack', { value: 'Error: frozen', configurable: false, writable: false });
    expect(withMappedStack(error, upper)).toBe(error);
  });
});
