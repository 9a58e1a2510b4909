import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { asIntakeFailure, awsCall } from '../aws-errors';

export type Item = Record<string, unknown>;
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
export type CancellationReason = NonNullable<TransactionCanceledException['CancellationReasons']>[number];

/**
 * The single table as the stores use it: consistent reads, paged queries, and conditional writes
 * whose lost race is an answer (false, or the cancellation codes), not an error. The ticket, agent
 * and client-directory stores share it, so that they read and write the table the same way.
 */
export class Table {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly name: string,
  ) {}

  async getItem(key: Item, what: string): Promise<Item | null> {
    const out = await awsCall(what, () =>
      this.doc.send(new GetCommand({ TableName: this.name, Key: key, ConsistentRead: true })),
    );
    return out.Item ?? null;
  }

  async getParsed<T>(key: Item, schema: z.ZodType<T>, what: string): Promise<T | null> {
    const item = await this.getItem(key, `reading ${what}`);
    return item ? schema.parse(item) : null;
  }

  /** Every page up to `limit` items; consistent unless on an index (indexes cannot be). */
  async queryAll(
    input: Omit<QueryCommandInput, 'TableName'>,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<{ items: Item[]; truncated: boolean }> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await awsCall('querying the table', () =>
        this.doc.send(
          new QueryCommand({
            TableName: this.name,
            ...input,
            ...(input.IndexName ? {} : { ConsistentRead: true }),
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey && items.length < limit);
    return { items: items.slice(0, limit), truncated: items.length > limit || startKey !== undefined };
  }

  async putItem(item: Item, what: string): Promise<void> {
    await awsCall(what, () => this.doc.send(new PutCommand({ TableName: this.name, Item: item })));
  }

  /** One conditional write (Put or Update of a transaction item, sent alone); false when its condition failed. */
  async writeIfUnchanged(item: TransactItem): Promise<boolean> {
    try {
      if (item.Put) await this.doc.send(new PutCommand(item.Put));
      else if (item.Update) await this.doc.send(new UpdateCommand(item.Update));
      else throw new Error('writeIfUnchanged takes a Put or an Update');
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw asIntakeFailure('a conditional write', err);
    }
  }

  /**
   * Null when it went through; else each item's cancellation code ('None', 'ConditionalCheckFailed',
   * 'TransactionConflict'…) when a condition failed or another transaction got there first (a lost race).
   */
  async transact(what: string, items: TransactItem[]): Promise<string[] | null> {
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return null;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw asIntakeFailure(what, err);
      const codes = (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
      const lostRace = codes.some(
        (code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict',
      );
      if (!lostRace) throw asIntakeFailure(what, err);
      return codes;
    }
  }

  /**
   * Null when it went through, else why each item cancelled it; other errors are thrown as they are
   * (the caller decides what an unknown outcome means). The request token makes a resend of the same
   * request (by the SDK or us) idempotent for 10 minutes.
   */
  async transactOnce(items: TransactItem[], token: string): Promise<CancellationReason[] | null> {
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token }));
      return null;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = err.CancellationReasons ?? [];
      if (!reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) {
        throw err;
      }
      return reasons;
    }
  }

  put(item: Item): TransactItem {
    return { Put: { TableName: this.name, Item: item } };
  }

  putNew(item: Item): TransactItem {
    return { Put: { TableName: this.name, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
  }
}
