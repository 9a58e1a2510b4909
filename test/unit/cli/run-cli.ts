import type { CommandEntry } from '../../../functions/cli/command';
import { main } from '../../../functions/cli/main';
import { fixedClock } from '../../support/clock';

export type CliRun = { code: number; stdout: string; stderr: string; lines: Array<Record<string, unknown>> };

/** Runs `exo-intake <argv>` in-process with captured output and a fixed clock. */
export async function runCli(
  argv: string[],
  options: { now?: string; commands?: readonly CommandEntry[] } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const context = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    clock: fixedClock(options.now ?? '2026-12-01T06:00:00Z'),
  };
  const code = await main(argv, context, options.commands);
  const lines = stdout.startsWith('{')
    ? stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];
  return { code, stdout, stderr, lines };
}
