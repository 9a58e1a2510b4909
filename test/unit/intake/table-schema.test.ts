import { describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '../../../infra/constructs/ticket-table';
import { createTableInput, TABLE_SCHEMA } from '../../../shared/adapters/aws/dynamodb-table';

describe('Constant: TABLE_SCHEMA', () => {
  it('names the same keys, indexes and TTL attribute as the CDK table', () => {
    expect({
      partitionKey: TABLE_SCHEMA.partitionKey,
      sortKey: TABLE_SCHEMA.sortKey,
      gsi1: {
        name: TABLE_SCHEMA.gsi1.indexName,
        partitionKey: TABLE_SCHEMA.gsi1.partitionKey,
        sortKey: TABLE_SCHEMA.gsi1.sortKey,
      },
      gsi2: {
        name: TABLE_SCHEMA.gsi2.indexName,
        partitionKey: TABLE_SCHEMA.gsi2.partitionKey,
        sortKey: TABLE_SCHEMA.gsi2.sortKey,
      },
      gsi3: { name: TABLE_SCHEMA.gsi3.indexName, partitionKey: TABLE_SCHEMA.gsi3.partitionKey },
      timeToLive: TABLE_SCHEMA.timeToLiveAttribute,
    }).toEqual(TABLE_KEYS);
  });

  it('creates the local table with string keys, the list indexes projecting every attribute and the look-up index its keys', () => {
    const input = createTableInput('t');
    expect(input.AttributeDefinitions?.every((a) => a.AttributeType === 'S')).toBe(true);
    expect(input.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.Projection?.ProjectionType])).toEqual([
      ['gsi1', 'ALL'],
      ['gsi2', 'ALL'],
      ['gsi3', 'KEYS_ONLY'],
    ]);
  });
});
