import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const sla = (desk: string, contract: string, priority: string, receivedAt: string) =>
  runCli([
    'sla',
    '--desk',
    desk,
    '--contract',
    contract,
    '--priority',
    priority,
    '--received-at',
    receivedAt,
  ]);

describe('Command: sla', () => {
  it('gives the worked example of service-desk.md: Friday 23:50, critique, standard, reunion', async () => {
    const run = await sla('reunion', 'standard', 'critique', '2026-11-27T23:50:00+04:00');

    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      { gtiDueAt: '2026-11-30T08:05:00.000+04:00', gtrDueAt: '2026-11-30T11:50:00.000+04:00' },
    ]);
  });

  it('gives the second worked example: Saturday 10:00, haute: GTR at Monday 24:00', async () => {
    const run = await sla('reunion', 'standard', 'haute', '2026-11-28T10:00:00+04:00');

    expect(run.lines).toEqual([
      { gtiDueAt: '2026-11-30T08:30:00.000+04:00', gtrDueAt: '2026-12-01T00:00:00.000+04:00' },
    ]);
  });

  it("shows premium deadlines in the desk's own offset (Martinique, UTC-4)", async () => {
    const run = await sla('martinique', 'premium', 'normale', '2026-11-28T03:00:00Z');

    expect(run.lines).toEqual([
      { gtiDueAt: '2026-11-28T00:00:00.000-04:00', gtrDueAt: '2026-12-04T23:00:00.000-04:00' },
    ]);
  });

  it('rejects an unknown desk, naming the configured ones, exit 2', async () => {
    const run = await sla('mars', 'standard', 'haute', '2026-11-28T10:00:00+04:00');

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'exo-intake sla: --desk got "mars"; expected reunion|martinique|guadeloupe|nouvelle-caledonie\n',
    );
  });

  it('rejects a bad priority with the allowed levels, exit 2', async () => {
    const run = await sla('reunion', 'standard', 'P1', '2026-11-28T10:00:00+04:00');

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('exo-intake sla: --priority got "P1"; expected normale|moyenne|haute|critique\n');
  });

  it('names a required flag that is missing, exit 2', async () => {
    const run = await runCli(['sla', '--desk', 'reunion', '--contract', 'standard', '--priority', 'haute']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('exo-intake sla: --received-at is required; expected ISO-8601\n');
  });

  it('says a flag needs a value when it has none, exit 2', async () => {
    const run = await runCli(['sla', '--desk']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('exo-intake sla: --desk needs a value: DESK-ID\n');
  });

  it('shows required flags without brackets in its help', async () => {
    const run = await runCli(['sla', '--help']);

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      'Usage: exo-intake sla --desk DESK-ID --contract standard|premium --priority normale|moyenne|haute|critique --received-at ISO-8601 [--config FILE]',
    );
  });
});
