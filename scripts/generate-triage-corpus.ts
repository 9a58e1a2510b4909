/**
 * Writes test/fixtures/triage-corpus/{tuning,holdout,holdout2,holdout3,holdout4,holdout5,holdout6,holdout7}/ (.eml + labels.json) from source-*.txt.
 * Deterministic: the same sources give the same files (a unit test checks the committed ones).
 * Usage: npm run corpus:generate
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpusSource, TRIAGE_CORPUS_DIR, toEml } from '../test/support/triage-corpus';

const mails = readCorpusSource();
for (const set of [
  'tuning',
  'holdout',
  'holdout2',
  'holdout3',
  'holdout4',
  'holdout5',
  'holdout6',
  'holdout7',
] as const) {
  const dir = join(TRIAGE_CORPUS_DIR, set);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const labels: Record<string, unknown> = {};
  mails.forEach((mail, i) => {
    if (mail.set !== set) return;
    writeFileSync(join(dir, mail.file), toEml(mail, i));
    labels[mail.file] = { priority: mail.level, ack: true, followup: null, why: mail.why };
  });
  writeFileSync(join(dir, 'labels.json'), `${JSON.stringify(labels, null, 1)}\n`);
  console.log(`${set}: ${Object.keys(labels).length} mails`);
}
