import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CORPUS_SETS,
  followUpLabel,
  readCorpusSource,
  TRIAGE_CORPUS_DIR,
  toEml,
} from '../../support/triage-corpus';

describe('the triage corpus (test/fixtures/triage-corpus)', () => {
  const mails = readCorpusSource();

  it('holds at least 300 labelled mails, a third of them set aside', () => {
    expect(mails.length).toBeGreaterThanOrEqual(300);
    const holdout = mails.filter((m) => m.set === 'holdout').length;
    expect(holdout).toBeGreaterThanOrEqual(100);
    // Every third mail of the first 306 (source-1…6 and the tuning sources) was set aside; the running
    // number has four digits from mail 1000 on, so it is read up to the first "-".
    const number = (file: string) => Number(file.slice(0, file.indexOf('-')));
    expect(mails.filter((m) => number(m.file) >= 1000).length).toBeGreaterThan(0);
    expect(holdout).toBe(Math.floor(mails.filter((m) => number(m.file) <= 306).length / 3));
  });

  it('labels a follow-up by the reference its subject carries, bracketed or bare, and nothing else', () => {
    expect(followUpLabel('RE: [EXO-2026-004377] Messagerie')).toBe('EXO-2026-004377');
    expect(followUpLabel('toujours rien ? EXO-2026-004601')).toBe('EXO-2026-004601');
    expect(followUpLabel('Re: Serveur en panne')).toBeNull();
    expect(followUpLabel('EXO-2026-12345 incomplete')).toBeNull();
  });

  it('commits exactly the .eml and labels that the sources generate (npm run corpus:generate)', () => {
    for (const set of CORPUS_SETS) {
      const dir = `${TRIAGE_CORPUS_DIR}${set}/`;
      const expected = mails.flatMap((m, i) => (m.set === set ? [[m, i] as const] : []));
      const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      expect(files.length, set).toBeGreaterThanOrEqual(100);
      expect(files.sort()).toEqual(expected.map(([m]) => m.file).sort());
      for (const [mail, i] of expected) {
        expect(readFileSync(`${dir}${mail.file}`, 'utf8'), mail.file).toBe(toEml(mail, i));
      }
      const labels = JSON.parse(readFileSync(`${dir}labels.json`, 'utf8')) as Record<
        string,
        { priority: string; followup: string | null }
      >;
      for (const [mail] of expected) {
        expect(labels[mail.file]?.priority, mail.file).toBe(mail.level);
        expect(labels[mail.file]?.followup, mail.file).toBe(followUpLabel(mail.subject));
      }
    }
  });
});
