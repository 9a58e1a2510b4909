import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EML_DIR } from '../parser/eml-fixture';
import { runCli } from './run-cli';

const declared = `${EML_DIR}declared-subject-tag-en.eml`;
const clients = fileURLToPath(new URL('../../../config/clients.example.json', import.meta.url));
/** Saturday 28 November 2026, 06:50 in Nouméa (UTC+11). */
const saturdayMorningNoumea = '2026-11-27T19:50:00Z';

describe('Command: triage', () => {
  it('prints one NDJSON line with the triage of a file, deadlines in the desk offset', async () => {
    const run = await runCli(['triage', '--received-at', saturdayMorningNoumea, declared]);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.lines).toEqual([
      {
        file: declared,
        ok: true,
        messageId: '<declared-en-20261127@nickel-sud.nc>',
        from: 'craig.whitfield@nickel-sud.nc',
        subject: '[High] Badge reader at gate 2 not working',
        desk: 'nouvelle-caledonie',
        contract: 'standard',
        unknownClient: true,
        priority: {
          level: 'haute',
          source: 'declared',
          evidence: ['[High]'],
          confidence: 'high',
          uncertain: [],
          // What the facts say too, each with its evidence and confidence (issue 11).
          facts: {
            blocked: {
              state: 'yes',
              confidence: 'high',
              evidence: ['Badge reader at gate 2 not working', 'The badge reader at gate 2 is not working'],
            },
            workaround: { state: 'none', confidence: 'high', evidence: ['There is no other way in'] },
            severalUsers: {
              state: 'no',
              confidence: 'high',
              evidence: ['Badge reader at gate 2 not working'],
            },
          },
        },
        automated: null,
        acknowledge: true,
        followUp: null,
        // standard: the clock starts Monday 08:00; haute = 30 min / one 16-hour service day
        gtiDueAt: '2026-11-30T08:30:00.000+11:00',
        gtrDueAt: '2026-12-01T00:00:00.000+11:00',
        language: 'en',
        warnings: [],
      },
    ]);
  });

  it('says when the level is to be confirmed, and which fact to ask about', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exo-triage-'));
    const file = join(dir, 'terminal.eml');
    writeFileSync(
      file,
      'From: Shop <shop@example.re>\r\nTo: reunion@exodata.fr\r\nSubject: TPE\r\nMessage-ID: <tpe@example.re>\r\n\r\nLe terminal de paiement ne repond plus depuis 10h.\r\n',
    );
    const run = await runCli(['triage', '--received-at', saturdayMorningNoumea, file]);
    expect(run.lines[0]).toMatchObject({
      priority: { level: 'critique', confidence: 'low', uncertain: ['severalUsers', 'workaround'] },
    });
  });

  it('takes the contract from --clients, and --contract overrides it', async () => {
    const premium = await runCli([
      'triage',
      '--received-at',
      saturdayMorningNoumea,
      '--clients',
      clients,
      declared,
    ]);
    const forced = await runCli([
      'triage',
      '--received-at',
      saturdayMorningNoumea,
      '--clients',
      clients,
      '--contract',
      'standard',
      declared,
    ]);

    expect(premium.lines[0]).toMatchObject({
      contract: 'premium',
      unknownClient: false,
      gtiDueAt: '2026-11-28T07:20:00.000+11:00',
      gtrDueAt: '2026-11-29T06:50:00.000+11:00',
    });
    expect(forced.lines[0]).toMatchObject({ contract: 'standard', unknownClient: false });
  });

  it('uses the clock of the CLI when --received-at is absent', async () => {
    // Monday 30 November 2026, 08:00 in Nouméa
    const run = await runCli(['triage', declared], { now: '2026-11-29T21:00:00Z' });

    expect(run.lines[0]).toMatchObject({ gtiDueAt: '2026-11-30T08:30:00.000+11:00' });
  });

  it('routes by To, recognises the ticket reference of a reply and an out-of-office', async () => {
    const run = await runCli([
      'triage',
      '--received-at',
      '2026-12-01T06:00:00+04:00',
      `${EML_DIR}gmail-en-base64-reply.eml`,
      `${EML_DIR}auto-reply-out-of-office.eml`,
    ]);

    expect(run.code).toBe(0);
    expect(run.lines[0]).toMatchObject({
      desk: 'nouvelle-caledonie',
      followUp: 'EXO-2026-000412',
      automated: null,
    });
    expect(run.lines[1]).toMatchObject({
      desk: 'reunion',
      followUp: 'EXO-2026-000398',
      automated: 'auto-reply',
      acknowledge: false,
    });
  });

  it('reports a missing or unparseable file on its own line, goes on, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exo-triage-'));
    const empty = join(dir, 'empty.eml');
    writeFileSync(empty, '');
    const run = await runCli([
      'triage',
      '--received-at',
      saturdayMorningNoumea,
      join(dir, 'nope.eml'),
      empty,
      declared,
    ]);

    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(3);
    expect(run.lines[0]).toEqual({ file: join(dir, 'nope.eml'), ok: false, error: 'file not found' });
    expect(run.lines[1]).toMatchObject({ file: empty, ok: false });
    expect(String(run.lines[1]!.error)).toMatch(/^the message is empty/);
    expect(run.lines[2]).toMatchObject({ ok: true, desk: 'nouvelle-caledonie' });
  });

  it('rejects a bad --contract with one line naming the flag and the allowed values, exit 2', async () => {
    const run = await runCli(['triage', '--contract', 'gold', declared]);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('exo-intake triage: --contract got "gold"; expected standard|premium\n');
  });

  it('rejects an unknown flag, listing the allowed ones, exit 2', async () => {
    const run = await runCli(['triage', '--recieved-at', 'x', declared]);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'exo-intake triage: unknown flag --recieved-at; allowed: --received-at, --contract, --clients, --config, --help\n',
    );
  });

  it('rejects a --received-at without offset, exit 2', async () => {
    const run = await runCli(['triage', '--received-at', '2026-11-27 23:50', declared]);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('exo-intake triage: --received-at got "2026-11-27 23:50"; expected ISO-8601\n');
  });

  it('asks for at least one file, exit 2', async () => {
    const run = await runCli(['triage']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('exo-intake triage: missing FILE.eml… (see --help)\n');
  });

  it('names the client directory file and the invalid field, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exo-triage-'));
    const bad = join(dir, 'clients.json');
    writeFileSync(
      bad,
      JSON.stringify({ clients: [{ clientId: 'C1', name: 'X', contract: 'gold', homeDesk: 'reunion' }] }),
    );
    const run = await runCli(['triage', '--clients', bad, declared]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`client directory file ${bad} is invalid: clients.0.contract:`);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its help with every flag, exit 0', async () => {
    const run = await runCli(['triage', '--help']);

    expect(run.code).toBe(0);
    for (const flag of ['--received-at', '--contract', '--clients', '--config', '--help']) {
      expect(run.stdout).toContain(flag);
    }
  });
});
