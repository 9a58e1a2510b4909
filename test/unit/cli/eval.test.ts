import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedFileOrSkip } from '../../support/shared-dir';
import { EML_DIR, SHARED_CORPUS_DIR } from '../parser/eml-fixture';
import { runCli } from './run-cli';

function labelledDir(labels: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'exo-eval-'));
  for (const file of Object.keys(labels)) copyFileSync(`${EML_DIR}${file}`, join(dir, file));
  writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels));
  return dir;
}

describe('Command: eval', () => {
  it('prints the accuracy per metric and lists each miss with expected, got and evidence', async () => {
    const dir = labelledDir({
      'declared-subject-tag-en.eml': { priority: 'haute', ack: true, followup: null, lang: 'en' },
      'gmail-en-base64-reply.eml': { priority: 'haute', ack: true, followup: 'EXO-2026-999999', lang: 'en' },
      'auto-reply-out-of-office.eml': { priority: null, ack: false, followup: 'EXO-2026-000398', lang: 'fr' },
    });
    const run = await runCli(['eval', dir]);
    const lines = run.stdout.split('\n');

    expect(run.code).toBe(0);
    expect(lines[0]).toBe(`Evaluation of 3 labelled files in ${dir}`);
    expect(lines).toContain('followUp     2      3      66.7%');
    expect(lines).toContain('acknowledge  3      3      100.0%');
    expect(lines).toContain('Misses (1):');
    const miss = lines.find((l) => l.startsWith('gmail-en-base64-reply.eml'));
    expect(miss).toMatch(
      /^gmail-en-base64-reply\.eml\s+followUp\s+EXO-2026-999999\s+EXO-2026-000412\s+subject "Re: \[EXO-2026-000412\] VPN keeps disconnecting"$/,
    );
  });

  it('counts an automated message as having no priority', async () => {
    const dir = labelledDir({
      'auto-reply-out-of-office.eml': { priority: 'normale', ack: false, followup: 'EXO-2026-000398' },
    });
    const run = await runCli(['eval', dir]);

    expect(run.stdout).toMatch(
      /auto-reply-out-of-office\.eml\s+priority\s+normale\s+null\s+automated auto-reply: /,
    );
  });

  it('says which directory has no labels.json, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exo-eval-'));
    const run = await runCli(['eval', dir]);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `exo-intake eval: cannot read ${join(dir, 'labels.json')} (give a directory that holds labels.json)\n`,
    );
  });

  it('names the invalid label, exit 2', async () => {
    const dir = labelledDir({ 'declared-subject-tag-en.eml': { priority: 'P1', ack: true, followup: null } });
    const run = await runCli(['eval', dir]);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/labels\.json is invalid at declared-subject-tag-en\.eml\.priority: /);
  });

  it('scores our own fixtures against their labels (acknowledgement and follow-up exact)', async () => {
    const run = await runCli(['eval', EML_DIR]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('acknowledge  15     15     100.0%');
    expect(run.stdout).toContain('followUp     15     15     100.0%');
    expect(run.stdout).toContain('language     15     15     100.0%');
  });
});

describe.skipIf(!sharedFileOrSkip(`${SHARED_CORPUS_DIR}/labels.json`, 'eval on the shared corpus'))(
  'Command: eval (shared corpus)',
  () => {
    it('gets acknowledgement, follow-up and language right on all 60 labelled messages', async () => {
      const clients = fileURLToPath(new URL('../../../config/clients.example.json', import.meta.url));
      const run = await runCli(['eval', SHARED_CORPUS_DIR, '--clients', clients]);

      expect(run.code).toBe(0);
      expect(run.stdout).toContain('acknowledge  60     60     100.0%');
      expect(run.stdout).toContain('followUp     60     60     100.0%');
      expect(run.stdout).toContain('language     60     60     100.0%');
    });
  },
);
