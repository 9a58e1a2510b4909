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
});
export type ClientEntry = z.infer<typeof ClientEntrySchema>;

export const ClientDirectoryFileSchema = z.object({ clients: z.array(ClientEntrySchema) });

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
