/**
 * Writes test/fixtures/triage-corpus/<set>/ (.eml + labels.json) for every set of CORPUS_SETS from source-*.txt.
 * Deterministic: the same sources give the same files (a unit test checks the committed ones).
 * Usage: npm run corpus:generate
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CORPUS_SETS,
  followUpLabel,
  readCorpusSource,
  TRIAGE_CORPUS_DIR,
  toEml,
} from '../test/support/triage-corpus';

const mails = readCorpusSource();
for (const set of CORPUS_SETS) {
  const dir = join(TRIAGE_CORPUS_DIR, set);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const labels: Record<string, unknown> = {};
  mails.forEach((mail, i) => {
    if (mail.set !== set) return;
    writeFileSync(join(dir, mail.file), toEml(mail, i));
    labels[mail.file] = {
      priority: mail.level,
      ack: true,
      followup: followUpLabel(mail.subject),
      why: mail.why,
    };
  });
  writeFileSync(join(dir, 'labels.json'), `${JSON.stringify(labels, null, 1)}\n`);
  console.log(`${set}: ${Object.keys(labels).length} mails`);
}
