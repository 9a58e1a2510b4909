import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DeskId } from '../../../domain/desk/service-desk-config';
import { TransientError } from '../../../domain/errors';
import type { SuspendedClass } from '../../../domain/mail/suspension';
import { type OutboundMessage, OutboundMessageSchema } from '../../../domain/ticket/outbound-message';
import {
  type AuditEvent,
  type Ticket,
  TicketMessageSchema,
  TicketSchema,
  type TicketStatus,
} from '../../../domain/ticket/ticket';
import type {
  AgentTicketStore,
  OutboundClaim,
  OutboundClaimResult,
  OutboundTransition,
  SlaAlertMarker,
  SuspendedPage,
  TicketUpdate,
  TicketView,
} from '../../../ports/agent-ticket-store';
import {
  HeldMessageSchema,
  type SuspendedMessage,
  SuspendedMessageSchema,
} from '../../../ports/ticket-store';
import { asIntakeFailure, awsCall } from '../aws-errors';
import { alertItem, alertKey, auditTrail, eventItem, versionedTicketUpdate } from './items';
import {
  keys,
  outboundLookup,
  queuePartition,
  sesIdOfMessageId,
  suspendedClassList,
  suspendedList,
} from './keys';
import { type Item, Table } from './table';
import { TABLE_SCHEMA } from './table-schema';

/** One queue partition never holds more than this many tickets in a read: beyond, the queue says "truncated". */
const MAX_TICKETS_PER_PARTITION = 2000;

function outboundItem(message: OutboundMessage): Item {
  const sesId = message.messageId ? sesIdOfMessageId(message.messageId) : null;
  return {
    ...keys.outbound(message.reference, message.key),
    entity: 'outbound',
    ...(sesId ? { gsi3pk: outboundLookup(sesId) } : {}),
    ...message,
  };
}

/** The agents' side of the intake's single table (docs/agents.md, docs/table-design.md). */
export class DynamoDbAgentStore implements AgentTicketStore {
  private readonly table: Table;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    this.table = new Table(doc, tableName);
  }

  async listTickets(
    desks: readonly DeskId[],
    statuses: readonly TicketStatus[],
  ): Promise<{ tickets: Ticket[]; truncated: boolean }> {
    const partitions = desks.flatMap((desk) => statuses.map((status) => queuePartition(desk, status)));
    const pages = await Promise.all(
      partitions.map((partition) =>
        this.table.queryAll(
          {
            IndexName: TABLE_SCHEMA.gsi1.indexName,
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': partition },
          },
          MAX_TICKETS_PER_PARTITION,
        ),
      ),
    );
    const tickets = pages.flatMap((p) => p.items).map((item) => TicketSchema.parse(item));
    return { tickets, truncated: pages.some((p) => p.truncated) };
  }

  async getTicket(reference: string): Promise<Ticket | null> {
    const out = await awsCall(`reading ticket ${reference}`, () =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.name, Key: keys.ticket(reference), ConsistentRead: true }),
      ),
    );
    return out.Item ? TicketSchema.parse(out.Item) : null;
  }

  async getTicketView(reference: string): Promise<TicketView | null> {
    // The whole item collection in one consistent query: ticket (#TICKET), ALERT#, EVENT#, HELD#, MSG#.
    const { items } = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.ticket(reference).pk },
      ConsistentRead: true,
    });
    const ticketItem = items.find((item) => item.sk === keys.ticket(reference).sk);
    if (!ticketItem) return null;
    const messages = items
      .filter((item) => String(item.sk).startsWith('MSG#'))
      .map((item) => TicketMessageSchema.parse(item));
    const outbound = items
      .filter((item) => String(item.sk).startsWith('OUT#'))
      .map((item) => OutboundMessageSchema.parse(item));
    const held = items
      .filter((item) => String(item.sk).startsWith('HELD#'))
      .map((item) => HeldMessageSchema.parse(item));
    // EVENT# items and the intake's events embedded in the ticket item.
    return { ticket: TicketSchema.parse(ticketItem), messages, events: auditTrail(items), outbound, held };
  }

  async updateTicket(update: TicketUpdate): Promise<'updated' | 'conflict'> {
    const failed = await this.table.transact('updating a ticket', [
      // The intake's own marshalling: same attributes, same queue keys (status and GTI may change).
      versionedTicketUpdate(this.table.name, update.ticket, update.expectedVersion),
      ...update.events.map((e) => this.table.put(eventItem(e))),
    ]);
    return failed ? 'conflict' : 'updated';
  }

  async getOutbound(reference: string, key: string): Promise<OutboundMessage | null> {
    const out = await awsCall(`reading an outbound message of ${reference}`, () =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.name,
          Key: keys.outbound(reference, key),
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item ? OutboundMessageSchema.parse(out.Item) : null;
  }

  async claimOutbound(claim: OutboundClaim): Promise<OutboundClaimResult> {
    const { message, ticketUpdate } = claim;
    const failed = await this.table.transact('claiming an outbound message', [
      {
        Put: {
          TableName: this.table.name,
          Item: outboundItem(message),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ticketUpdate
        ? versionedTicketUpdate(this.table.name, ticketUpdate.ticket, ticketUpdate.expectedVersion)
        : {
            ConditionCheck: {
              TableName: this.table.name,
              Key: keys.ticket(message.reference),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
      ...(ticketUpdate?.events ?? []).map((e) => this.table.put(eventItem(e))),
    ]);
    if (failed === null) return 'claimed';
    if (failed[0] === 'ConditionalCheckFailed') return 'exists';
    if (failed[1] === 'ConditionalCheckFailed' && !ticketUpdate) return 'no-ticket';
    return 'ticket-changed';
  }

  async transitionOutbound(t: OutboundTransition): Promise<boolean> {
    const names: Record<string, string> = { '#state': 'state' };
    const values: Record<string, unknown> = {};
    const sets = Object.entries(t.to).map(([name, value], i) => {
      names[`#t${i}`] = name;
      values[`:t${i}`] = value;
      return `#t${i} = :t${i}`;
    });
    const sesId = t.to.messageId ? sesIdOfMessageId(t.to.messageId) : null;
    if (sesId) {
      sets.push('gsi3pk = :lookup');
      values[':lookup'] = outboundLookup(sesId);
    }
    const fromValues = t.from.states.map((state, i) => {
      values[`:from${i}`] = state;
      return `:from${i}`;
    });
    const conditions = ['attribute_exists(pk)', `#state IN (${fromValues.join(', ')})`];
    if (t.from.attemptId !== undefined) {
      conditions.push('attemptId = :attempt');
      values[':attempt'] = t.from.attemptId;
    }
    const failed = await this.table.transact('updating an outbound message', [
      {
        Update: {
          TableName: this.table.name,
          Key: keys.outbound(t.reference, t.key),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      ...(t.event ? [this.table.put(eventItem(t.event))] : []),
    ]);
    if (failed === null) return true;
    if (failed[0] === 'ConditionalCheckFailed') return false;
    throw new TransientError(`the outbound message ${t.key} of ${t.reference} met a concurrent write`, {
      hint: 'send the request again (same idempotency key)',
    });
  }

  async appendEvent(event: AuditEvent): Promise<boolean> {
    const failed = await this.table.transact('adding to the audit trail', [
      {
        ConditionCheck: {
          TableName: this.table.name,
          Key: keys.ticket(event.reference),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      this.table.put(eventItem(event)),
    ]);
    if (failed === null) return true;
    if (failed[0] === 'ConditionalCheckFailed') return false;
    throw new TransientError(`adding to the audit trail of ${event.reference} met a concurrent write`, {
      hint: 'send it again',
    });
  }

  async claimAlert(marker: SlaAlertMarker): Promise<boolean> {
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
          Item: alertItem(marker),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw asIntakeFailure('recording an SLA alert marker', err);
    }
  }

  async withdrawAlert(marker: SlaAlertMarker): Promise<void> {
    try {
      await this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: alertKey(marker),
          ConditionExpression: 'attemptId = :attempt',
          ExpressionAttributeValues: { ':attempt': marker.attemptId },
        }),
      );
    } catch (err) {
      // Someone else's marker (or none): nothing of ours to withdraw.
      if (err instanceof ConditionalCheckFailedException) return;
      throw asIntakeFailure('withdrawing an SLA alert marker', err);
    }
  }

  async listSuspended(
    deskId: DeskId,
    page: SuspendedPage,
  ): Promise<{ items: SuspendedMessage[]; next: string | null }> {
    // gsi1 holds a desk's suspended messages under one partition sorted by receivedAt#id (gsi2 the
    // same per class): read backwards from the position, one more than asked to know whether a next
    // page exists. The position only ever bounds the sort key inside this desk's (and class's)
    // partition: no other key is read. Expired items the TTL has not deleted yet are filtered out.
    const { sortKey, ...list } = suspendedListQuery(deskId, page.suspendedClass, page.now);
    const { items } = await this.table.queryAll(
      {
        ...list,
        KeyConditionExpression:
          page.before === null
            ? list.KeyConditionExpression
            : `${list.KeyConditionExpression} AND ${sortKey} < :before`,
        ExpressionAttributeValues: {
          ...list.ExpressionAttributeValues,
          ...(page.before === null ? {} : { ':before': page.before }),
        },
        ScanIndexForward: false,
        Limit: page.limit + 1,
      },
      page.limit + 1,
    );
    const shown = items.slice(0, page.limit);
    const last = shown.at(-1);
    return {
      items: shown.map((item) => SuspendedMessageSchema.parse(item)),
      next: items.length > page.limit && last ? String(last[sortKey]) : null,
    };
  }

  async countSuspended(
    deskId: DeskId,
    filter: { suspendedClass: SuspendedClass | null; now: Date },
  ): Promise<number> {
    // Select COUNT: DynamoDB reads the partition (1 MB a page) but returns no item. A counter kept in
    // the writes could not follow the TTL's deletes; this count is exact at any moment.
    const { sortKey: _unused, ...query } = suspendedListQuery(deskId, filter.suspendedClass, filter.now);
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await awsCall('counting suspended messages', () =>
        this.table.doc.send(
          new QueryCommand({
            TableName: this.table.name,
            ...query,
            Select: 'COUNT',
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return count;
  }

  async dismissSuspended(id: string, by: string, at: string): Promise<boolean> {
    return this.table.writeIfUnchanged({
      Update: {
        TableName: this.table.name,
        Key: keys.suspended(id),
        // Marked, not deleted (the agent API has no DeleteItem): who and when stay on the item,
        // which the TTL removes at its expiry like any other suspended message.
        UpdateExpression: 'SET dismissedBy = :by, dismissedAt = :at REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(dismissedAt) AND attribute_not_exists(convertedTo)',
        ExpressionAttributeValues: { ':by': by, ':at': at },
      },
    });
  }
}

/** The key condition and expiry filter of a desk's suspended list, or of one class of it. */
function suspendedListQuery(deskId: DeskId, suspendedClass: SuspendedClass | null, now: Date) {
  const index = suspendedClass === null ? TABLE_SCHEMA.gsi1 : TABLE_SCHEMA.gsi2;
  return {
    IndexName: index.indexName,
    sortKey: index.sortKey,
    KeyConditionExpression: `${index.partitionKey} = :pk`,
    FilterExpression: 'attribute_not_exists(#ttl) OR #ttl > :now',
    ExpressionAttributeNames: { '#ttl': TABLE_SCHEMA.timeToLiveAttribute },
    ExpressionAttributeValues: {
      ':pk': suspendedClass === null ? suspendedList(deskId) : suspendedClassList(deskId, suspendedClass),
      ':now': Math.floor(now.getTime() / 1000),
    } as Record<string, unknown>,
  };
}
