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
