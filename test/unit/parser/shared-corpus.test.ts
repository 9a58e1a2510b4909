import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../../shared/adapters/mailparser-mail-parser';
import { sharedFileOrSkip } from '../../support/shared-dir';
import { SHARED_CORPUS_DIR } from './eml-fixture';

describe.skipIf(!sharedFileOrSkip(SHARED_CORPUS_DIR, 'parseMail on the shared corpus'))(
  'Function: parseMail (shared corpus)',
  () => {
    it('parses every corpus message with a sender, a real Message-ID and decodable text', async () => {
      const files = readdirSync(SHARED_CORPUS_DIR).filter((f) => f.endsWith('.eml'));
      expect(files.length).toBeGreaterThanOrEqual(60);
      const problems: string[] = [];
      for (const file of files) {
        const { email } = await parseMail(readFileSync(`${SHARED_CORPUS_DIR}/${file}`));
        if (!email.from) problems.push(`${file}: no sender`);
        if (email.messageIdDerived) problems.push(`${file}: derived Message-ID`);
        if (email.text.includes('\ufffd') || email.subject.includes('\ufffd'))
          problems.push(`${file}: U+FFFD`);
        if (email.warnings.length > 0) problems.push(`${file}: ${email.warnings.join('; ')}`);
      }
      expect(problems).toEqual([]);
      expect(files.length).toBeGreaterThanOrEqual(60);
    });
  },
);
