/**
 * Issue 11: trains the learned second reader's three fact models on TRAINING_SETS of the labelled
 * corpus and writes shared/domain/triage/learned/learned-weights.ts (quantised, pruned weights).
 * Deterministic: the same corpus gives the same file; a unit test checks the committed one is
 * current, so run this after any change to the corpus sources.
 * Usage: npm run -s triage:train
 */
import { statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  encodeModels,
  TRAINING_SETS,
  trainFactModels,
  weightsModuleSource,
} from '../test/support/learned-training';
import { readCorpusSource } from '../test/support/triage-corpus';

const file = fileURLToPath(new URL('../shared/domain/triage/learned/learned-weights.ts', import.meta.url));
const encoded = encodeModels(trainFactModels(readCorpusSource(), TRAINING_SETS));
writeFileSync(file, weightsModuleSource(encoded, TRAINING_SETS));
process.stdout.write(
  `wrote ${file} (${statSync(file).size} bytes, trained on ${TRAINING_SETS.length} sets)\n`,
);
