import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadClientDirectory, loadServiceDeskConfig } from '../../../shared/adapters/local/config-files';
import { lookupClient } from '../../../shared/domain/desk/client-directory';
import { ConfigError } from '../../../shared/domain/errors';

const exampleClients = fileURLToPath(new URL('../../../config/clients.example.json', import.meta.url));

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'exo-config-')), name);
  writeFileSync(path, content);
  return path;
}

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('Function: loadServiceDeskConfig', () => {
  it('loads config/service-desk.json by default, wherever the process runs', async () => {
    const config = await loadServiceDeskConfig();

    expect(config.desks.map((d) => d.id)).toEqual([
      'reunion',
      'martinique',
      'guadeloupe',
      'nouvelle-caledonie',
    ]);
    expect(config.defaultDeskId).toBe('reunion');
  });

  it('names the file and every invalid field path', async () => {
    const path = tempFile('desk.json', JSON.stringify({ defaultDeskId: 'mars', desks: [], contact: {} }));
    const error = await configErrorOf(loadServiceDeskConfig(path));

    expect(error.message).toContain(`service-desk configuration file ${path} is invalid:`);
    expect(error.message).toContain('desks:');
    expect(error.message).toContain('contact.portalBaseUrl:');
  });

  it('says the file does not exist', async () => {
    const error = await configErrorOf(loadServiceDeskConfig('/nonexistent/service-desk.json'));
    expect(error.toUserMessage()).toBe(
      'service-desk configuration file /nonexistent/service-desk.json does not exist (check the path)',
    );
  });

  it('says the file is not JSON', async () => {
    const path = tempFile('desk.json', '{ "desks": [ ');
    const error = await configErrorOf(loadServiceDeskConfig(path));
    expect(error.message).toMatch(new RegExp(`^service-desk configuration file ${path} is not valid JSON: `));
  });
});

describe('Function: loadClientDirectory', () => {
  it('loads the example directory: both contracts, every desk, lower-cased domains', async () => {
    const clients = await loadClientDirectory(exampleClients);

    expect(new Set(clients.map((c) => c.contract))).toEqual(new Set(['standard', 'premium']));
    expect(new Set(clients.map((c) => c.homeDesk))).toEqual(
      new Set(['reunion', 'martinique', 'guadeloupe', 'nouvelle-caledonie']),
    );
    expect(lookupClient(clients, 'Direction@Hotel-Lagon-Bleu.re')).toMatchObject({
      clientId: 'CLI-RE-0012',
      contract: 'premium',
      matchedBy: 'domain',
    });
    expect(lookupClient(clients, 'comptoir@pharmacie-du-lamentin.mq')).toMatchObject({
      matchedBy: 'address',
    });
  });

  it('names the file and the path of the bad entry', async () => {
    const path = tempFile(
      'clients.json',
      JSON.stringify({ clients: [{ clientId: 'C1', name: 'X', contract: 'standard', homeDesk: 'Réunion' }] }),
    );
    const error = await configErrorOf(loadClientDirectory(path));

    expect(error.message).toMatch(
      new RegExp(`^client directory file ${path} is invalid: clients\\.0\\.homeDesk: `),
    );
  });

  it('rejects a file without the clients list', async () => {
    const path = tempFile('clients.json', JSON.stringify([{ clientId: 'C1' }]));
    const error = await configErrorOf(loadClientDirectory(path));

    expect(error.message).toContain('is invalid: (root):');
  });
});
