import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpusSource, TRIAGE_CORPUS_DIR, toEml } from '../../support/triage-corpus';

describe('the triage corpus (test/fixtures/triage-corpus)', () => {
  const mails = readCorpusSource();

  it('holds at least 300 labelled mails, a third of them set aside', () => {
    expect(mails.length).toBeGreaterThanOrEqual(300);
    const holdout = mails.filter((m) => m.set === 'holdout').length;
    expect(holdout).toBeGreaterThanOrEqual(100);
    expect(holdout).toBe(Math.floor(mails.filter((m) => Number(m.file.slice(0, 3)) <= 306).length / 3));
  });

  it('commits exactly the .eml and labels that the sources generate (npm run corpus:generate)', () => {
    for (const set of ['tuning', 'holdout', 'holdout2'] as const) {
      const dir = `${TRIAGE_CORPUS_DIR}${set}/`;
      const expected = mails.flatMap((m, i) => (m.set === set ? [[m, i] as const] : []));
      const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      expect(files.sort()).toEqual(expected.map(([m]) => m.file).sort());
      for (const [mail, i] of expected) {
        expect(readFileSync(`${dir}${mail.file}`, 'utf8'), mail.file).toBe(toEml(mail, i));
      }
      const labels = JSON.parse(readFileSync(`${dir}labels.json`, 'utf8')) as Record<
        string,
        { priority: string }
      >;
      for (const [mail] of expected) expect(labels[mail.file]?.priority, mail.file).toBe(mail.level);
    }
  });
});
