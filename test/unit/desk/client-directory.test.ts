import { describe, expect, it } from 'vitest';
import {
  ClientEntrySchema,
  lookupClient,
  readClientRows,
} from '../../../shared/domain/desk/client-directory';

// Parsed in each test (functions): a value computed when the file is collected cannot show a mutant.
const quincaillerie = () =>
  ClientEntrySchema.parse({
    clientId: 'CLI-RE-0027',
    name: 'Quincaillerie du Port',
    contract: 'premium',
    homeDesk: 'reunion',
    addresses: ['Gerant@Gmail.com'],
    domains: ['@Quincaillerie-du-Port.RE'],
  });
const pharmacie = () =>
  ClientEntrySchema.parse({
    clientId: 'CLI-NC-0003',
    name: 'Pharmacie',
    contract: 'standard',
    homeDesk: 'nouvelle-caledonie',
    domains: ['pharmacie.nc'],
  });
const directory = () => [pharmacie(), quincaillerie()];

describe('client directory', () => {
  it('stores addresses and domains lower-cased, a domain without its @', () => {
    expect(quincaillerie().addresses).toEqual(['gerant@gmail.com']);
    expect(quincaillerie().domains).toEqual(['quincaillerie-du-port.re']);
    expect(pharmacie().addresses).toEqual([]);
  });

  it('matches an exact address first, whatever its case and surrounding spaces', () => {
    expect(lookupClient(directory(), '  GERANT@gmail.com ')).toEqual({
      clientId: 'CLI-RE-0027',
      name: 'Quincaillerie du Port',
      contract: 'premium',
      homeDesk: 'reunion',
      unknownClient: false,
      matchedBy: 'address',
    });
  });

  it('then the domain after the last @', () => {
    expect(lookupClient(directory(), 'compta@Pharmacie.NC')).toMatchObject({
      clientId: 'CLI-NC-0003',
      matchedBy: 'domain',
    });
    expect(lookupClient(directory(), '"a@b"@pharmacie.nc')).toMatchObject({ clientId: 'CLI-NC-0003' });
    expect(lookupClient(directory(), 'x@pharmacie.nc.evil.re').unknownClient).toBe(true);
  });

  it('serves an unknown, empty or missing sender on the standard contract, as unknown', () => {
    const unknown = {
      clientId: null,
      name: null,
      contract: 'standard',
      homeDesk: null,
      unknownClient: true,
      matchedBy: null,
    };
    expect(lookupClient(directory(), 'someone@elsewhere.re')).toEqual(unknown);
    expect(lookupClient(directory(), '')).toEqual(unknown);
    expect(lookupClient(directory(), null)).toEqual(unknown);
    expect(lookupClient(directory(), undefined)).toEqual(unknown);
    // A bare word is no address: it must not match a domain that happens to equal it.
    expect(lookupClient(directory(), 'pharmacie.nc')).toEqual(unknown);
  });

  it('keeps the valid rows and reports each bad one by its id (or its number) and what is wrong', () => {
    const { clients, invalid } = readClientRows([
      { clientId: 'CLI-1', name: 'Bon', contract: 'standard', homeDesk: 'reunion' },
      { clientId: 'CLI-2', name: 'Mauvais', contract: 'Premium', homeDesk: 'reunion' },
      { name: 'Sans id', contract: 'standard', homeDesk: 'reunion', domains: ['ab'] },
      null,
      { clientId: 'X'.repeat(150), name: '', contract: 'standard', homeDesk: 'reunion' },
    ]);
    expect(clients.map((c) => c.clientId)).toEqual(['CLI-1']);
    expect(invalid.map((r) => r.row)).toEqual(['CLI-2', 'row 3', 'row 4', 'X'.repeat(100)]);
    expect(invalid[0]?.problem).toMatch(/^contract: /);
    expect(invalid[1]?.problem).toMatch(/^clientId: .*; domains\.0: /);
    expect(invalid[2]?.problem).toMatch(/^\(row\): /);
    expect(invalid[3]?.problem).toMatch(/^name: /);
  });
});
