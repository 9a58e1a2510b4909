import * as z from 'zod';
import { ContractSchema, DeskIdSchema } from './service-desk-config';

export const ClientEntrySchema = z.object({
  clientId: z.string().min(1),
  name: z.string().min(1),
  contract: ContractSchema,
  homeDesk: DeskIdSchema,
  /** Exact sender addresses of this client (lower-cased). */
  addresses: z.array(z.email().transform((a) => a.toLowerCase())).default([]),
  /** Sender domains of this client (lower-cased, no @). */
  domains: z
    .array(
      z
        .string()
        .min(3)
        .transform((d) => d.toLowerCase().replace(/^@/, '')),
    )
    .default([]),
  /**
   * Client administrators (docs/client-portal.md): these addresses, signed in to "Mes demandes", see
   * every ticket of the client, not only their own.
   */
  administrators: z.array(z.email().transform((a) => a.toLowerCase())).optional(),
});
export type ClientEntry = z.infer<typeof ClientEntrySchema>;

export const ClientDirectoryFileSchema = z.object({ clients: z.array(ClientEntrySchema) });

/** A directory row that is not a valid ClientEntry: which one, and what is wrong, in one line. */
export type InvalidClientRow = { row: string; problem: string };

/**
 * The valid rows of a directory, and what is wrong with the others: one bad row (a contract spelt
 * "Premium") must not stop the intake for every client, so it is left out and reported instead.
 */
export function readClientRows(rows: readonly unknown[]): {
  clients: ClientEntry[];
  invalid: InvalidClientRow[];
} {
  const clients: ClientEntry[] = [];
  const invalid: InvalidClientRow[] = [];
  rows.forEach((row, index) => {
    const parsed = ClientEntrySchema.safeParse(row);
    if (parsed.success) {
      clients.push(parsed.data);
      return;
    }
    const id = (row as { clientId?: unknown } | null)?.clientId;
    invalid.push({
      row: typeof id === 'string' && id ? id.slice(0, 100) : `row ${index + 1}`,
      problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; '),
    });
  });
  return { clients, invalid };
}

export type ClientMatch = {
  clientId: string | null;
  name: string | null;
  contract: 'standard' | 'premium';
  homeDesk: string | null;
  unknownClient: boolean;
  matchedBy: 'address' | 'domain' | null;
};

/** Exact address first, then domain; an unknown sender is still served, on the standard contract. */
export function lookupClient(
  entries: readonly ClientEntry[],
  sender: string | null | undefined,
): ClientMatch {
  const address = (sender ?? '').trim().toLowerCase();
  const domain = address.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : '';
  const byAddress = address ? entries.find((e) => e.addresses.includes(address)) : undefined;
  const entry = byAddress ?? (domain ? entries.find((e) => e.domains.includes(domain)) : undefined);
  if (!entry) {
    return {
      clientId: null,
      name: null,
      contract: 'standard',
      homeDesk: null,
      unknownClient: true,
      matchedBy: null,
    };
  }
  return {
    clientId: entry.clientId,
    name: entry.name,
    contract: entry.contract,
    homeDesk: entry.homeDesk,
    unknownClient: false,
    matchedBy: byAddress ? 'address' : 'domain',
  };
}
