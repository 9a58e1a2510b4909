import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryOf } from '../../../functions/cli/command';
import { createClientsCommand } from '../../../functions/cli/commands/clients';
import { runCli } from './run-cli';

const good = {
  clientId: 'CLI-RE-0012',
  name: 'Hôtel Lagon Bleu',
  contract: 'premium',
  homeDesk: 'reunion',
  domains: ['hotel-lagon-bleu.re'],
};

describe('Command: clients check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clients-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists each invalid row on one line and exits 1', async () => {
    const file = join(dir, 'clients.json');
    await writeFile(
      file,
      JSON.stringify({
        clients: [good, { ...good, clientId: 'CLI-RE-0099', contract: 'Premium' }, { name: '' }],
      }),
    );
    const run = await runCli(['clients', 'check', file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^CLI-RE-0099: contract: /);
    expect(lines[1]).toMatch(/^row 3: /);
  });

  it('exits 0 when every row is valid', async () => {
    const file = join(dir, 'good.json');
    await writeFile(file, JSON.stringify({ clients: [good] }));
    const run = await runCli(['clients', 'check', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('checks the rows of the table with --table', async () => {
    const command = createClientsCommand(async () => ({
      readClients: async () => ({ clients: [], invalid: [{ row: 'CLI-X', problem: 'homeDesk: invalid' }] }),
    }));
    const run = await runCli(['clients', 'check', '--table'], { commands: [entryOf(command)] });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('CLI-X: homeDesk: invalid\n');
  });
});
