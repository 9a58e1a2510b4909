import { describe, expect, it } from 'vitest';
import { createTableInput } from '../../../shared/adapters/aws/dynamodb/table-schema';

describe('Constant: TABLE_SCHEMA', () => {
  it('creates the local table with string keys, the list indexes projecting every attribute, the look-up index its keys and the report index the report fields', () => {
    const input = createTableInput('t');
    expect(input.AttributeDefinitions?.every((a) => a.AttributeType === 'S')).toBe(true);
    expect(input.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.Projection?.ProjectionType])).toEqual([
      ['gsi1', 'ALL'],
      ['gsi2', 'ALL'],
      ['gsi3', 'KEYS_ONLY'],
      ['gsi4', 'INCLUDE'],
    ]);
    // The report reads these from the index: a field the report needs and the index lacks fails here.
    expect(input.GlobalSecondaryIndexes?.[3]?.Projection?.NonKeyAttributes).toEqual(
      expect.arrayContaining([
        'receivedAt',
        'gtiDueAt',
        'gtrDueAt',
        'work',
        'status',
        'priority',
        'reopenedAt',
      ]),
    );
  });
});
