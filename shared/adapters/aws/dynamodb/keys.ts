import { createHash } from 'node:crypto';
import { normalisedAddress } from '../../../domain/mail/sender-trust';
import type { AuditEvent, Ticket } from '../../../domain/ticket/ticket';

/**
 * Key layout of the single table (docs/table-design.md). Singleton items use a sort key that starts
 * with `#` so that, in a ticket's item collection, the ticket sorts before its EVENT# and MSG# items.
 */
export const keys = {
  ticket: (reference: string) => ({ pk: `TICKET#${reference}`, sk: '#TICKET' }),
  message: (reference: string, ticketMessageId: string) => ({
    pk: `TICKET#${reference}`,
    sk: `MSG#${ticketMessageId}`,
  }),
  event: (event: AuditEvent) => ({
    pk: `TICKET#${event.reference}`,
    // The digest keeps two events of one type at the same millisecond apart, and a replayed event equal.
    sk: `EVENT#${event.at}#${event.type}#${digest(JSON.stringify(event.detail))}`,
  }),
  /** A message we sent on the ticket (reply, notification), by its idempotency key. */
  outbound: (reference: string, key: string) => ({ pk: `TICKET#${reference}`, sk: `OUT#${key}` }),
  messageRecord: (messageId: string, deskId: string) => ({ pk: `MSGID#${messageId}`, sk: `DESK#${deskId}` }),
  delivery: (channel: string, deliveryId: string) => ({
    pk: `DELIVERY#${channel}#${deliveryId}`,
    sk: '#DELIVERY',
  }),
  counter: (year: number) => ({ pk: `COUNTER#REFERENCE#${year}`, sk: '#COUNTER' }),
  client: (clientId: string) => ({ pk: 'DIRECTORY', sk: `CLIENT#${clientId}` }),
  /** Keyed on the normalised address (conversation.md §2): `Jean+1@x.re` and `jean@x.re` share a limit. */
  ackRate: (address: string) => ({ pk: `ACKRATE#${normalisedAddress(address)}`, sk: '#ACKRATE' }),
  ackCap: (deskId: string, hour: string) => ({ pk: `ACKCAP#${deskId}#${hour}`, sk: '#ACKCAP' }),
  suspended: (id: string) => ({ pk: `SUSPENDED#${id}`, sk: '#SUSPENDED' }),
  /** A held follow-up lives in its ticket's item collection: the ticket view reads it with the rest. */
  held: (reference: string, id: string) => ({ pk: `TICKET#${reference}`, sk: `HELD#${id}` }),
  quarantine: (channel: string, deliveryId: string) => ({
    pk: `QUARANTINE#${channel}#${deliveryId}`,
    sk: '#QUARANTINE',
  }),
  suppressedAddress: (address: string) => ({ pk: `SUPPRESSED#${address.toLowerCase()}`, sk: '#SUPPRESSED' }),
  // Client portal (docs/client-portal.md): secrets only ever appear here as their SHA-256.
  clientLink: (hash: string) => ({ pk: `CLIENTLINK#${hash}`, sk: '#CLIENTLINK' }),
  clientSession: (hash: string) => ({ pk: `CLIENTSESSION#${hash}`, sk: '#CLIENTSESSION' }),
  signInToken: (hash: string) => ({ pk: `SIGNIN#${hash}`, sk: '#SIGNIN' }),
  clientRate: (counter: string) => ({ pk: `CLIENTRATE#${counter}`, sk: '#CLIENTRATE' }),
  /** The portal's index: an address (or a client) that received mail carrying a ticket's link. */
  portalIndex: (owner: string, receivedAt: string, reference: string) => ({
    pk: `PORTAL#${owner}`,
    sk: `TICKET#${receivedAt}#${reference}`,
  }),
} as const;

/** `ADDRESS#<lower-case address>` or `CLIENT#<clientId>`: whose portal index. */
export function portalOwner(owner: { address: string } | { clientId: string }): string {
  return 'address' in owner ? `ADDRESS#${owner.address.toLowerCase()}` : `CLIENT#${owner.clientId}`;
}

/** gsi2 partition of a requester's tickets (the portal's "Mes demandes" reads it). */
export function requesterIndexKey(address: string): string {
  return requesterPartition(address);
}

/** gsi1: the agents' queue of a desk and status, most urgent GTI first. */
export function queueKeys(ticket: Pick<Ticket, 'desk' | 'status' | 'gtiDueAt' | 'reference'>) {
  return {
    gsi1pk: queuePartition(ticket.desk, ticket.status),
    gsi1sk: `${ticket.gtiDueAt}#${ticket.reference}`,
  };
}

export function queuePartition(deskId: string, status: string): string {
  return `QUEUE#${deskId}#${status}`;
}

/** gsi2: a requester's tickets, oldest first. Absent (sparse) when the ticket has no requester. */
export function requesterKeys(ticket: Pick<Ticket, 'requester' | 'receivedAt' | 'reference'>) {
  if (!ticket.requester) return {};
  return {
    gsi2pk: requesterPartition(ticket.requester.address),
    gsi2sk: `${ticket.receivedAt}#${ticket.reference}`,
  };
}

/**
 * gsi4 (sparse, tickets only): a desk's tickets by receipt time, for the SLA reports. The sort key is
 * the UTC ISO instant (so that it sorts as time does) and the reference (ties).
 */
export function receiptKeys(ticket: Pick<Ticket, 'desk' | 'receivedAt' | 'reference'>) {
  return {
    gsi4pk: receiptPartition(ticket.desk),
    gsi4sk: `${new Date(ticket.receivedAt).toISOString()}#${ticket.reference}`,
  };
}

export function receiptPartition(deskId: string): string {
  return `RECEIVED#${deskId}`;
}

function requesterPartition(address: string): string {
  return `REQUESTER#${address.toLowerCase()}`;
}

/**
 * gsi3 (sparse, KEYS_ONLY): look-ups that need no item of their own. The ticket carries the SES
 * Message-ID of its acknowledgement (threading a reply to it), the Message-ID record the delivery that
 * brought its message (operators, `reprocess`).
 */
export function acknowledgementLookup(sesMessageId: string): string {
  return `ACKMSG#${sesMessageId}`;
}

/**
 * A reply or notification we sent, by the id SES gave it (the bare id, as bounce notifications name
 * it; a client's In-Reply-To carries it as `<id@REGION.amazonses.com>`: sesIdOfMessageId).
 */
export function outboundLookup(sesId: string): string {
  return `OUTSES#${sesId}`;
}

/** `<0100abc…@eu-west-3.amazonses.com>` → `0100abc…`; null for a Message-ID SES did not give. */
export function sesIdOfMessageId(messageId: string): string | null {
  const m = /^<([^<>@\s]+)@(?:[a-z0-9-]+\.)?amazonses\.com>$/i.exec(messageId.trim());
  return m ? m[1]! : null;
}

export function deliveryLookup(channel: string, deliveryId: string): string {
  return `DELIVERY#${channel}#${deliveryId}`;
}

export const SUSPENDED_LIST_PREFIX = 'SUSPENDED#';

/** gsi1: a desk's whole suspended list (held follow-ups included), sorted by `<receivedAt>#<id>`. */
export function suspendedList(deskId: string): string {
  return `${SUSPENDED_LIST_PREFIX}${deskId}`;
}

/** gsi2: the same messages of one class only (issue 13 §5 filter), same sort key. */
export function suspendedClassList(deskId: string, suspendedClass: string): string {
  return `SUSPENDEDCLASS#${deskId}#${suspendedClass}`;
}
export const QUARANTINE_LIST = 'QUARANTINE';

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}
