import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EML_DIR } from '../parser/eml-fixture';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../../bin/exo-intake.mjs', import.meta.url));

async function exoIntake(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: '/' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('Script: bin/exo-intake.mjs', () => {
  // One spawn only (tsx start-up is seconds on a busy machine); the rest of the CLI is tested in-process.
  it('runs the TypeScript CLI from any directory and triages a file', async () => {
    const result = await exoIntake([
      'triage',
      '--received-at',
      '2026-11-27T19:50:00Z',
      `${EML_DIR}declared-subject-tag-en.eml`,
    ]);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, desk: 'nouvelle-caledonie' });
  });
});
