import { linkGenerationOf, SECRET_BYTES, secretFrom, secretHash } from '../domain/client/client-link';
import type { Ticket } from '../domain/ticket/ticket';
import type { ClientAccessStore } from '../ports/client-access-store';
import type { Clock } from '../ports/clock';

/**
 * Mints the portal link secret of one mail to the client (docs/client-portal.md): a new secret per mail,
 * stored only as its SHA-256 with the ticket's current link generation, and the recipients recorded in
 * the portal index ("Mes demandes" lists the tickets whose link an address received). Returns the raw
 * secret, which only the mail carries.
 */
export type LinkMinter = (
  ticket: Pick<Ticket, 'reference' | 'linkGeneration' | 'receivedAt' | 'client'>,
  recipients: readonly string[],
) => Promise<string>;

export type LinkMinterDeps = {
  access: Pick<ClientAccessStore, 'saveLink' | 'indexTicket'>;
  clock: Clock;
  /** crypto.randomBytes in production. */
  randomBytes: (size: number) => Uint8Array;
};

export function linkMinter(deps: LinkMinterDeps): LinkMinter {
  return async (ticket, recipients) => {
    const secret = secretFrom(deps.randomBytes(SECRET_BYTES));
    await deps.access.saveLink(secretHash(secret), {
      reference: ticket.reference,
      generation: linkGenerationOf(ticket),
      createdAt: deps.clock.now().toISOString(),
    });
    await deps.access.indexTicket(ticket, recipients, ticket.client.clientId);
    return secret;
  };
}
