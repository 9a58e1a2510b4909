import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SHARED_DIR } from '../../support/shared-dir';

/** Our own .eml fixtures (not the shared corpus), usable when /work/shared is absent. */
export const EML_DIR = fileURLToPath(new URL('../../fixtures/eml/', import.meta.url));

export function emlFixture(name: string): Buffer {
  return readFileSync(`${EML_DIR}${name}`);
}

/** The shared labelled corpus; tests that read it skip when it is not there (CI clones without it). */
export const SHARED_CORPUS_DIR = `${SHARED_DIR}/corpus/dev`;
