import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { StoredLink } from '../../../domain/client/client-link';
import { TransientError } from '../../../domain/errors';
import { type Ticket, TicketSchema } from '../../../domain/ticket/ticket';
import type {
  ClientAccessStore,
  ClientSession,
  PortalIndexEntry,
  SignInToken,
} from '../../../ports/client-access-store';
import { awsCall } from '../aws-errors';
import { keys, portalOwner, requesterIndexKey } from './keys';
import { type Item, Table } from './table';
import { TABLE_SCHEMA } from './table-schema';

const IsoInstant = z.iso.datetime({ offset: true });
const StoredLinkSchema = z.object({
  reference: z.string(),
  generation: z.number().int().positive(),
  createdAt: IsoInstant,
});
const SessionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ticket'),
    reference: z.string(),
    linkGeneration: z.number().int().positive(),
    createdAt: IsoInstant,
    expiresAt: IsoInstant,
  }),
  z.object({
    kind: z.literal('address'),
    email: z.string(),
    clientId: z.string().nullable(),
    administrator: z.boolean(),
    createdAt: IsoInstant,
    expiresAt: IsoInstant,
  }),
]);
const SignInTokenSchema = z.object({ email: z.string(), createdAt: IsoInstant, expiresAt: IsoInstant });
const IndexEntrySchema = z.object({ reference: z.string(), receivedAt: z.string() });

/** TTL in epoch seconds (the table's `expiresAt`); `expiresAtIso` keeps the instant the code checks. */
function ttl(instant: string | Date): number {
  return Math.ceil(new Date(instant).getTime() / 1000);
}

/**
 * The client portal's items of the single table (docs/table-design.md, "Client portal"): link secrets,
 * sessions and sign-in tokens under the SHA-256 of their secret, rate counters with a TTL, and the portal
 * index of who received a ticket's link.
 */
export class DynamoDbClientAccessStore implements ClientAccessStore {
  private readonly table: Table;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    this.table = new Table(doc, tableName);
  }

  async saveLink(hash: string, link: StoredLink): Promise<void> {
    await this.table.putItem(
      { ...keys.clientLink(hash), entity: 'client-link', ...StoredLinkSchema.parse(link) },
      'writing a portal link',
    );
  }

  async getLink(hash: string): Promise<StoredLink | null> {
    const item = await this.table.getItem(keys.clientLink(hash), 'reading a portal link');
    return item ? StoredLinkSchema.parse(item) : null;
  }

  async saveSession(hash: string, session: ClientSession): Promise<void> {
    const { expiresAt, ...rest } = SessionSchema.parse(session);
    await this.table.putItem(
      {
        ...keys.clientSession(hash),
        entity: 'client-session',
        ...rest,
        expiresAtIso: expiresAt,
        expiresAt: ttl(expiresAt),
      },
      'writing a portal session',
    );
  }

  async getSession(hash: string, now: Date): Promise<ClientSession | null> {
    const item = await this.table.getItem(keys.clientSession(hash), 'reading a portal session');
    if (!item) return null;
    const session = SessionSchema.parse({ ...item, expiresAt: item.expiresAtIso });
    return Date.parse(session.expiresAt) > now.getTime() ? session : null;
  }

  /** Ends a session at once (sign-out): its expiry becomes `now`, and the TTL removes the item later. */
  async endSession(hash: string, now: Date): Promise<void> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.clientSession(hash),
          ConditionExpression: 'attribute_exists(pk)',
          UpdateExpression: 'SET expiresAtIso = :now',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return;
      await awsCall('ending a portal session', () => Promise.reject(err));
    }
  }

  async saveSignInToken(hash: string, token: SignInToken): Promise<void> {
    const parsed = SignInTokenSchema.parse(token);
    await this.table.putItem(
      {
        ...keys.signInToken(hash),
        entity: 'sign-in-token',
        email: parsed.email,
        createdAt: parsed.createdAt,
        expiresAtIso: parsed.expiresAt,
        expiresAt: ttl(parsed.expiresAt),
      },
      'writing a sign-in token',
    );
  }

  async redeemSignInToken(hash: string, now: Date): Promise<SignInToken | null> {
    try {
      const out = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.signInToken(hash),
          // Single use: the first redeemer sets usedAt; any later one (or a racing one) fails the condition.
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAtIso > :now',
          UpdateExpression: 'SET usedAt = :now',
          ExpressionAttributeValues: { ':now': now.toISOString() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const item = out.Attributes ?? {};
      return SignInTokenSchema.parse({ ...item, expiresAt: item.expiresAtIso });
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return null;
      return awsCall('redeeming a sign-in token', () => Promise.reject(err));
    }
  }

  async increment(counter: string, expiresAt: Date): Promise<number> {
    const out = await awsCall('counting a portal attempt', () =>
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.clientRate(counter),
          UpdateExpression:
            'ADD attempts :one SET entity = :entity, expiresAt = if_not_exists(expiresAt, :ttl)',
          ExpressionAttributeValues: { ':one': 1, ':entity': 'client-rate', ':ttl': ttl(expiresAt) },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Number(out.Attributes?.attempts ?? 1);
  }

  async indexTicket(
    ticket: Pick<Ticket, 'reference' | 'receivedAt'>,
    addresses: readonly string[],
    clientId: string | null,
  ): Promise<void> {
    const owners = [
      ...new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => a.includes('@'))),
    ].map((address) => portalOwner({ address }));
    if (clientId !== null) owners.push(portalOwner({ clientId }));
    // One put per owner (a handful: the requester, a Cc or two, the client), in parallel; no batch write
    // (the functions' grants stay without BatchWriteItem, test/infra/table-grants.test.ts).
    await Promise.all(
      owners.map((owner) =>
        this.table.putItem(
          {
            ...keys.portalIndex(owner, ticket.receivedAt, ticket.reference),
            entity: 'portal-index',
            reference: ticket.reference,
            receivedAt: ticket.receivedAt,
          },
          'writing the portal index',
        ),
      ),
    );
  }

  async listIndexed(owner: { address: string } | { clientId: string }): Promise<PortalIndexEntry[]> {
    const indexed = await this.table.queryAll(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `PORTAL#${portalOwner(owner)}`, ':prefix': 'TICKET#' },
        ScanIndexForward: false,
      },
      500,
    );
    const entries = indexed.items.map((i) => IndexEntrySchema.parse(i));
    if ('address' in owner) {
      const { gsi2 } = TABLE_SCHEMA;
      const asRequester = await this.table.queryAll(
        {
          IndexName: gsi2.indexName,
          KeyConditionExpression: `${gsi2.partitionKey} = :pk`,
          ExpressionAttributeValues: { ':pk': requesterIndexKey(owner.address) },
          ScanIndexForward: false,
        },
        500,
      );
      for (const item of asRequester.items) {
        entries.push({ reference: String(item.reference), receivedAt: String(item.receivedAt) });
      }
    }
    const byReference = new Map(entries.map((e) => [e.reference, e]));
    return [...byReference.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  async getTickets(references: readonly string[]): Promise<Ticket[]> {
    const tickets: Ticket[] = [];
    const unique = [...new Set(references)];
    for (let i = 0; i < unique.length; i += 100) {
      let pending: Item[] = unique.slice(i, i + 100).map((ref) => keys.ticket(ref));
      for (let round = 0; pending.length > 0; round++) {
        if (round >= 5) throw new TransientError('DynamoDB kept tickets unprocessed', {});
        const out = await awsCall('reading tickets', () =>
          this.table.doc.send(
            new BatchGetCommand({
              RequestItems: { [this.table.name]: { Keys: pending, ConsistentRead: true } },
            }),
          ),
        );
        for (const item of out.Responses?.[this.table.name] ?? []) tickets.push(TicketSchema.parse(item));
        pending = (out.UnprocessedKeys?.[this.table.name]?.Keys ?? []) as Item[];
      }
    }
    return tickets;
  }
}
