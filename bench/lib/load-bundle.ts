import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One fresh Node process: how long `import()` of the bundle takes, and how long since the process started. */
export async function loadOnce(
  file: string,
  env: Record<string, string>,
): Promise<{ importMs: number; readyMs: number }> {
  const script = [
    'const t0 = performance.now();',
    `const m = await import(${JSON.stringify(file)});`,
    'const t1 = performance.now();',
    "if (typeof m.handler !== 'function') throw new Error('no handler export');",
    'process.stdout.write(JSON.stringify({ importMs: t1 - t0, readyMs: t1 }));',
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env });
  return JSON.parse(stdout) as { importMs: number; readyMs: number };
}
