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

/** A plain-text client mail to the Réunion desk, written into a labelled directory. */
function clientMail(id: string, subject: string, body: string): string {
  return [
    'From: Boutique du Port <caisse@boutique-port.example>',
    'To: reunion@exodata.fr',
    `Subject: ${subject}`,
    'Date: Tue, 01 Dec 2026 05:00:00 +0000',
    `Message-ID: <${id}@eval.test>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

function writtenDir(mails: Record<string, { mail: string; label: unknown }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'exo-eval-'));
  for (const [file, { mail }] of Object.entries(mails)) writeFileSync(join(dir, file), mail);
  const labels = Object.fromEntries(Object.entries(mails).map(([file, { label }]) => [file, label]));
  writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels));
  return dir;
}

// Blocked, no workaround, nobody says who: haute or critique → critique by the tie rule, and the
// acknowledgement asks "Are several of you blocked?" (triage.md, "Confidence, the questions…").
const TERMINAL = 'Card payment terminal not responding since 10am. Nothing else works for payments.';
// Nothing blocked: normale, confidently.
const SLOW = "The laptop is slow in the morning. Nothing is blocked, it's just slow.";

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
    // Only the priority is asked: a follow-up miss has no asked/silent.
    expect(miss).toMatch(
      /^gmail-en-base64-reply\.eml\s+followUp\s+EXO-2026-999999\s+EXO-2026-000412\s+-\s+subject "Re: \[EXO-2026-000412\] VPN keeps disconnecting"$/,
    );
  });

  it('counts an automated message as having no priority, given without a question', async () => {
    const dir = labelledDir({
      'auto-reply-out-of-office.eml': { priority: 'normale', ack: false, followup: 'EXO-2026-000398' },
    });
    const run = await runCli(['eval', dir]);

    expect(run.stdout).toMatch(
      /auto-reply-out-of-office\.eml\s+priority\s+normale\s+null\s+silent\s+automated auto-reply: /,
    );
  });

  /** Four mails: a ticket asked and right, asked and missed, silent and missed (a critique), silent and right. */
  const askedAndSilentDir = () =>
    writtenDir({
      'asked-right.eml': {
        mail: clientMail('a', 'Payment terminal', TERMINAL),
        label: { priority: 'critique', ack: true, followup: null },
      },
      'asked-miss.eml': {
        mail: clientMail('b', 'Payment terminal', TERMINAL),
        label: { priority: 'haute', ack: true, followup: null },
      },
      'silent-miss.eml': {
        mail: clientMail('c', 'Slow laptop', SLOW),
        label: { priority: 'critique', ack: true, followup: null },
      },
      'silent-right.eml': {
        mail: clientMail('d', 'Slow laptop', SLOW),
        label: { priority: 'normale', ack: true, followup: null },
      },
    });

  it('counts per level the tickets triaged with low confidence, whose acknowledgement asks the client', async () => {
    const dir = askedAndSilentDir();
    const run = await runCli(['eval', dir]);
    const lines = run.stdout.split('\n');

    expect(run.code).toBe(0);
    expect(lines).toContain('metric       right  total  accuracy  asked');
    expect(lines).toContain('priority     2      4      50.0%     2');
    expect(lines).toContain('  normale    1      1      100.0%    0');
    expect(lines).toContain('  haute      0      1      0.0%      1');
    expect(lines).toContain('  critique   1      2      50.0%     1');
    // The other metrics are never asked: their lines stay as they were before the column.
    expect(lines).toContain('acknowledge  4      4      100.0%');
  });

  it('splits the priority misses into asked and silent, names each silent critique miss and counts right answers asked', async () => {
    const dir = askedAndSilentDir();
    const run = await runCli(['eval', dir]);
    const lines = run.stdout.split('\n');

    expect(lines).toContain('Priority misses: 2, asked 1, silent 1');
    expect(lines).toContain('Silent critique misses: 1 (silent-miss.eml read normale)');
    expect(lines).toContain('Right but asked anyway: 1 of 2');
    expect(lines).toContain('Misses (2):');
    expect(lines.find((l) => l.startsWith('asked-miss.eml'))).toMatch(
      /^asked-miss\.eml\s+priority\s+haute\s+critique\s+asked \(severalUsers\)\s+inferred: /,
    );
    expect(lines.find((l) => l.startsWith('silent-miss.eml'))).toMatch(
      /^silent-miss\.eml\s+priority\s+critique\s+normale\s+silent\s+inferred: /,
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
