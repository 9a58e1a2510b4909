import { fileURLToPath } from 'node:url';

/**
 * The team's shared folder (specs, labelled corpus) sits beside the project checkout as `../shared`,
 * both for developers and for CI. A fresh clone may not have it: tests that read it must skip then.
 */
export const SHARED_DIR =
  process.env.EXODATA_SHARED_DIR ?? fileURLToPath(new URL('../../../shared', import.meta.url));
