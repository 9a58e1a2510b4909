import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTally, RequestMeter } from '../../../bench/sections/request-meter';
import { ensureTable } from '../../../shared/adapters/aws/dynamodb/table-schema';
import {
  type DynamoDbLocal,
  startDynamoDbLocal,
} from '../../../shared/adapters/local/services/dynamodb-local';

const TABLE = 'bench-meter';

describe('Class: RequestMeter', () => {
  let ddb: DynamoDbLocal;
  let client: DynamoDBClient;
  let doc: DynamoDBDocumentClient;
  const meter = new RequestMeter();

  beforeAll(async () => {
    ddb = await startDynamoDbLocal();
    client = new DynamoDBClient(ddb.clientConfig);
    meter.attachDynamoDb(client);
    doc = DynamoDBDocumentClient.from(client);
    await ensureTable(client, TABLE);
  }, 60_000);

  afterAll(async () => {
    client?.destroy();
    await ddb?.stop();
  });

  it('counts each item of a transaction as a write, a condition check too, and reads the capacity the table charged, indexes included', async () => {
    const tally = emptyTally();
    await meter.run(tally, () =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: TABLE, Item: { pk: 'T#1', sk: 'T', gsi1pk: 'Q#reunion', gsi1sk: 'a' } } },
            { Put: { TableName: TABLE, Item: { pk: 'T#1', sk: 'MSG#1', text: 'x'.repeat(3000) } } },
            { Put: { TableName: TABLE, Item: { pk: 'COUNTER', sk: '2026', seq: 1 } } },
            {
              ConditionCheck: {
                TableName: TABLE,
                Key: { pk: 'CHECK#1', sk: 'C' },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      ),
    );

    expect(tally.writeRequests).toBe(4);
    expect(tally.dynamodbCalls).toBe(1);
    // Transactions cost two units per KB: 2 + 2 × 3 KB + 2, and 2 more for the gsi1 copy. DynamoDB
    // Local reports nothing for the check, which AWS bills like a write: hence it counts in writeRequests.
    expect(tally.writeUnits).toBe(12);
    expect(tally.indexWriteUnits).toBe(2);
    expect(tally.writesByItem).toEqual({ T: 2, COUNTER: 1, CHECK: 1 });
    expect(tally.writesByCommand).toEqual({ TransactWriteItemsCommand: 4 });
  });

  it('keeps the requests of concurrent units of work apart', async () => {
    const first = emptyTally();
    const second = emptyTally();
    await Promise.all([
      meter.run(first, async () => {
        await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'A', sk: 'A' } }));
        await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'A', sk: 'A' } }));
      }),
      meter.run(second, () => doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'T#1', sk: 'T' } }))),
    ]);

    expect([first.writeRequests, first.readRequests]).toEqual([1, 1]);
    expect([second.writeRequests, second.readRequests]).toEqual([0, 1]);
    expect(second.readUnits).toBe(0.5);
  });

  it('counts nothing for calls made outside a unit of work', async () => {
    const tally = emptyTally();
    await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'B', sk: 'B' } }));

    expect(tally).toEqual(emptyTally());
  });
});
