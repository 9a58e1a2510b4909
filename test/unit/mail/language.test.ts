import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../../shared/adapters/mailparser-mail-parser';
import { detectLanguage } from '../../../shared/domain/mail/language';
import { sharedFileOrSkip } from '../../support/shared-dir';
import { SHARED_CORPUS_DIR } from '../parser/eml-fixture';

describe('Function: detectLanguage', () => {
  it('returns en for an English request', () => {
    expect(
      detectLanguage(
        'Printer not working',
        'Hi, the printer in the office is not working since this morning. Thanks',
      ),
    ).toBe('en');
  });

  it('returns fr for a French request', () => {
    expect(
      detectLanguage('Imprimante', "Bonjour, l'imprimante ne fonctionne plus depuis ce matin. Merci"),
    ).toBe('fr');
  });

  it('counts accents and elisions for French even without stop words', () => {
    expect(detectLanguage('Écran noir', "l'écran reste noir, clavier bloqué, réseau coupé")).toBe('fr');
  });

  it('reads a French message written without accents as French', () => {
    expect(
      detectLanguage('pu de mail', 'bonjour pu personne recoit les mails a la cooperative depuis hier'),
    ).toBe('fr');
  });

  it('returns fr when unsure: empty, too short or evenly mixed', () => {
    expect(detectLanguage('', '')).toBe('fr');
    expect(detectLanguage('VPN', 'OK')).toBe('fr');
    expect(detectLanguage('Re: the VPN', 'Merci, le VPN is ok')).toBe('fr');
  });

  it('needs at least three English words: two are not enough, three are', () => {
    expect(detectLanguage('', 'the printer')).toBe('fr');
    expect(detectLanguage('', 'the printer is down again')).toBe('en');
  });

  it('needs more than 1.2 English words for each French one', () => {
    // 3 English (the, is, and) against 2 French (merci, bonjour): 3 > 2.4.
    expect(detectLanguage('', 'the printer is down and out, merci bonjour')).toBe('en');
    // 6 English against 5 French: 6 is not more than 6, so French (when unsure).
    expect(
      detectLanguage(
        '',
        'bonjour merci depuis hier toujours: the printer is down and please fix today, thanks',
      ),
    ).toBe('fr');
    // 3 English words in a French message do not make it English.
    expect(
      detectLanguage('', 'bonjour, le serveur est en panne depuis hier. the cloud is up and running'),
    ).toBe('fr');
  });

  it("counts French elisions (l', j', qu', d', s') as French, with a straight or a typographic apostrophe", () => {
    expect(detectLanguage('', "the VPN and the mail: l'ordi, j'ai, qu'il, d'abord, s'il")).toBe('fr');
    expect(detectLanguage('', 'the VPN and the mail: l’ordi, j’ai, qu’il, d’abord, s’il')).toBe('fr');
  });

  it("counts English contractions (don't, can't, isn't) as English, not as French elisions", () => {
    expect(detectLanguage('', "don't can't isn't")).toBe('en');
    expect(detectLanguage('', 'don’t can’t isn’t')).toBe('en');
  });

  it('reads a word between quotes as the word itself', () => {
    expect(detectLanguage('', "''please'' ''thanks'' ''hello''")).toBe('en');
  });

  it('reads only the first 20,000 characters (a hostile mail cannot make it read megabytes)', () => {
    const french = 'bonjour '.repeat(2_500);
    expect(detectLanguage('', `${french}${' the and is'.repeat(10_000)}`)).toBe('fr');
  });

  it('treats typographic apostrophes like straight ones', () => {
    expect(detectLanguage('', 'I can’t log in and it’s not the password, we don’t know why')).toBe('en');
  });
});

const labelsPath = `${SHARED_CORPUS_DIR}/labels.json`;

describe.skipIf(!sharedFileOrSkip(labelsPath, 'detectLanguage on the shared labelled corpus'))(
  'Function: detectLanguage (shared labelled corpus)',
  () => {
    it('matches the lang label of every corpus message', async () => {
      const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, { lang: string }>;
      expect(Object.keys(labels).length).toBeGreaterThanOrEqual(60);
      const misses: string[] = [];
      for (const [file, label] of Object.entries(labels)) {
        const { email } = await parseMail(readFileSync(`${SHARED_CORPUS_DIR}/${file}`));
        if (email.language !== label.lang)
          misses.push(`${file}: expected ${label.lang}, got ${email.language}`);
      }
      expect(misses).toEqual([]);
      expect(Object.keys(labels).length).toBe(60);
    });
  },
);
