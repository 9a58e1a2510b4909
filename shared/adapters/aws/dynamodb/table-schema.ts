import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { ReportTicketSchema } from '../../../domain/report/ticket-outcome';

/**
 * The single table's fixed shape (docs/table-design.md). The CDK construct builds the table from it;
 * tests and `npm start` create the table from `createTableInput` so that local and AWS cannot drift.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Agents' queues: desk + status, sorted by GTI deadline; also suspended and quarantined lists. */
  gsi1: { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** A requester's tickets, newest last. */
  gsi2: { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /**
   * Sparse look-ups by id, keys only: a ticket by the SES Message-ID of its acknowledgement, a
   * Message-ID record by the delivery that brought it (no item of their own to write).
   */
  gsi3: { indexName: 'gsi3', partitionKey: 'gsi3pk' },
  /**
   * Sparse, tickets only: a desk's tickets by receipt time, for the SLA reports (docs/reports.md).
   * Projects only what a report reads, so that a report reads small items and a ticket write
   * rewrites a small index entry.
   */
  gsi4: {
    indexName: 'gsi4',
    partitionKey: 'gsi4pk',
    sortKey: 'gsi4sk',
    nonKeyAttributes: Object.keys(ReportTicketSchema.shape),
  },
  timeToLiveAttribute: 'expiresAt',
} as const;

export function createTableInput(tableName: string): CreateTableCommandInput {
  const { gsi1, gsi2, gsi3, gsi4 } = TABLE_SCHEMA;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TABLE_SCHEMA.partitionKey, AttributeType: 'S' },
      { AttributeName: TABLE_SCHEMA.sortKey, AttributeType: 'S' },
      { AttributeName: gsi1.partitionKey, AttributeType: 'S' },
      { AttributeName: gsi1.sortKey, AttributeType: 'S' },
      { AttributeName: gsi2.partitionKey, AttributeType: 'S' },
      { AttributeName: gsi2.sortKey, AttributeType: 'S' },
      { AttributeName: gsi3.partitionKey, AttributeType: 'S' },
      { AttributeName: gsi4.partitionKey, AttributeType: 'S' },
      { AttributeName: gsi4.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      ...[gsi1, gsi2].map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      })),
      {
        IndexName: gsi3.indexName,
        KeySchema: [{ AttributeName: gsi3.partitionKey, KeyType: 'HASH' as const }],
        Projection: { ProjectionType: 'KEYS_ONLY' as const },
      },
      {
        IndexName: gsi4.indexName,
        KeySchema: [
          { AttributeName: gsi4.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: gsi4.sortKey, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...gsi4.nonKeyAttributes] },
      },
    ],
  };
}

/** Creates the table (and its TTL) when it does not exist yet; safe to call on every start. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
  await client
    .send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true },
      }),
    )
    .catch((err: unknown) => {
      // Enabling TTL twice is refused with "TimeToLive is already enabled": that is the state we want.
      if (!(err instanceof Error && /already enabled/i.test(err.message))) throw err;
    });
}
