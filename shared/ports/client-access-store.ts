import type { StoredLink } from '../domain/client/client-link';
import type { Ticket } from '../domain/ticket/ticket';

/**
 * A client portal session (docs/client-portal.md), stored under the SHA-256 of its cookie's secret.
 * A ticket session opens one ticket, at the link generation it was opened with ("nouveau lien" ends it);
 * an address session ("Mes demandes") lists the address's tickets (a client administrator: the client's).
 */
export type ClientSession =
  | { kind: 'ticket'; reference: string; linkGeneration: number; createdAt: string; expiresAt: string }
  | {
      kind: 'address';
      email: string;
      clientId: string | null;
      administrator: boolean;
      createdAt: string;
      expiresAt: string;
    };

/** A "Mes demandes" sign-in token, stored under its SHA-256 until redeemed once or expired. */
export type SignInToken = { email: string; createdAt: string; expiresAt: string };

/** A ticket in the portal's index of an address or a client (who received mail with its link). */
export type PortalIndexEntry = { reference: string; receivedAt: string };

/**
 * The client portal's items of the single table (docs/table-design.md). Every secret arrives hashed:
 * nothing here ever sees a raw secret.
 */
export interface ClientAccessStore {
  saveLink(hash: string, link: StoredLink): Promise<void>;
  getLink(hash: string): Promise<StoredLink | null>;
  saveSession(hash: string, session: ClientSession): Promise<void>;
  /** The session, or null when unknown or past `expiresAt` (TTL deletion lags: the store checks `now`). */
  getSession(hash: string, now: Date): Promise<ClientSession | null>;
  /** Sign-out: the session stops working now. */
  endSession(hash: string, now: Date): Promise<void>;
  saveSignInToken(hash: string, token: SignInToken): Promise<void>;
  /** Marks the token used, only if unused and unexpired at `now` (one conditional write): null otherwise. */
  redeemSignInToken(hash: string, now: Date): Promise<SignInToken | null>;
  /**
   * Adds one to a counter (created at 1) that disappears after `expiresAt`; returns the new count.
   * Shared by every instance: the rate limits of the portal.
   */
  increment(counter: string, expiresAt: Date): Promise<number>;
  /** Records that these addresses and this client received mail carrying the ticket's link. */
  indexTicket(
    ticket: Pick<Ticket, 'reference' | 'receivedAt'>,
    addresses: readonly string[],
    clientId: string | null,
  ): Promise<void>;
  /** The tickets of an address (requester on gsi2, and the portal index), or of a client; newest first. */
  listIndexed(owner: { address: string } | { clientId: string }): Promise<PortalIndexEntry[]>;
  getTickets(references: readonly string[]): Promise<Ticket[]>;
}
