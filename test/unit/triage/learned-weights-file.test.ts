import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  encodeModels,
  TRAINING_SETS,
  trainFactModels,
  weightsModuleSource,
} from '../../support/learned-training';
import { CORPUS_SETS, readCorpusSource } from '../../support/triage-corpus';

const WEIGHTS_FILE = fileURLToPath(
  new URL('../../../shared/domain/triage/learned/learned-weights.ts', import.meta.url),
);

describe('the learned second reader’s weights (shared/domain/triage/learned/learned-weights.ts)', () => {
  it('are trained on every corpus set from tuning to holdout45, never on a later blind set', () => {
    expect(TRAINING_SETS).toEqual(CORPUS_SETS.slice(0, CORPUS_SETS.indexOf('holdout45') + 1));
  });

  it('are exactly what the corpus trains (npm run -s triage:train)', () => {
    const expected = weightsModuleSource(
      encodeModels(trainFactModels(readCorpusSource(), TRAINING_SETS)),
      TRAINING_SETS,
    );
    const committed = readFileSync(WEIGHTS_FILE, 'utf8');
    expect(
      committed === expected,
      'learned-weights.ts is not what the corpus trains: run `npm run -s triage:train` and commit the file',
    ).toBe(true);
  }, 30_000);
});
