import { createHash } from 'node:crypto';
import type { Ticket } from '../ticket/ticket';

/**
 * The client portal's secrets (docs/client-portal.md, conversation.md §5): the per-ticket link, the
 * "Mes demandes" sign-in token and the session cookie are each 24 random bytes in base64url (32
 * characters, 192 bits: over the 128 the rules ask). Only their SHA-256 is ever stored; the raw value
 * lives in the mail, the URL fragment or the cookie. Pure: the random bytes and the time come in.
 */

/** Bytes of randomness in every secret (base64url: 32 characters). */
export const SECRET_BYTES = 24;
const SECRET_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/** A link secret stops working this long after its ticket was closed. */
export const LINK_DAYS_AFTER_CLOSE = 30;
/** A "Mes demandes" sign-in token works once, for this long. */
export const SIGN_IN_TOKEN_MINUTES = 15;
/** A portal session (ticket or address) lasts this long. */
export const SESSION_HOURS = 12;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A secret from `SECRET_BYTES` random bytes (the caller draws them: crypto.randomBytes). */
export function secretFrom(random: Uint8Array): string {
  if (random.length !== SECRET_BYTES) throw new RangeError(`a secret takes ${SECRET_BYTES} random bytes`);
  return Buffer.from(random).toString('base64url');
}

/** Well-formed secret? Anything else is refused before touching the table. */
export function isSecret(value: string): boolean {
  return SECRET_SHAPE.test(value);
}

/** The stored form of a secret (hex SHA-256): what table keys hold, never the secret itself. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * The CSRF token of a session: derived from the session's secret, so it is bound to that session and
 * needs no storage; knowing it reveals nothing of the cookie.
 */
export function csrfTokenOf(sessionSecret: string): string {
  return createHash('sha256').update(`csrf\0${sessionSecret}`, 'utf8').digest('base64url');
}

/** The generation of a ticket's links: "nouveau lien" bumps it; tickets written before it are at 1. */
export function linkGenerationOf(ticket: Pick<Ticket, 'linkGeneration'>): number {
  return ticket.linkGeneration ?? 1;
}

/** What the table holds for one minted link secret (keyed by its hash). */
export type StoredLink = { reference: string; generation: number; createdAt: string };

export type LinkRefusal = 'unknown' | 'other-ticket' | 'revoked' | 'expired';

/**
 * May this stored link open `ticket` at `now`? The link must be of this ticket and of its current
 * generation, and the ticket not closed for more than 30 days. Every refusal gives the client the same
 * answer (the reason only reaches the log, never the response).
 */
export function linkRefusal(
  link: StoredLink | null,
  ticket: Pick<Ticket, 'reference' | 'status' | 'linkGeneration' | 'closedAt' | 'updatedAt'> | null,
  now: Date,
): LinkRefusal | null {
  if (!link || !ticket) return 'unknown';
  if (link.reference !== ticket.reference) return 'other-ticket';
  if (link.generation !== linkGenerationOf(ticket)) return 'revoked';
  if (closedTooLong(ticket, now)) return 'expired';
  return null;
}

/** Closed more than 30 days ago (a closed ticket without `closedAt` counts from its last change). */
export function closedTooLong(ticket: Pick<Ticket, 'status' | 'closedAt' | 'updatedAt'>, now: Date): boolean {
  if (ticket.status !== 'fermé') return false;
  const closedAt = Date.parse(ticket.closedAt ?? ticket.updatedAt);
  return now.getTime() - closedAt > LINK_DAYS_AFTER_CLOSE * DAY_MS;
}

/** The instant a secret minted at `now` for `minutes` or `hours` stops working. */
export function expiryAfter(now: Date, span: { minutes?: number; hours?: number }): Date {
  return new Date(now.getTime() + ((span.minutes ?? 0) + (span.hours ?? 0) * 60) * 60_000);
}
