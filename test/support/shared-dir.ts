import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The team's shared folder (specs, labelled corpus) sits beside the project checkout as `../shared`,
 * both for developers and for CI. A fresh clone may not have it: tests that read it must skip then.
 */
export const SHARED_DIR =
  process.env.EXODATA_SHARED_DIR ?? fileURLToPath(new URL('../../../shared', import.meta.url));

/**
 * Whether `path` (in ../shared) exists; when it does not, says so in the run's output, so that a run
 * without ../shared shows which tests did not run and why (a silent skip looks like a pass).
 */
export function sharedFileOrSkip(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  console.warn(`SKIPPED: ${what} — ${path} is absent (../shared is not beside this checkout)`);
  return false;
}
