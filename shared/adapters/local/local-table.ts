import {
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTableCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, ensureTable } from '../aws/dynamodb/table-schema';

/**
 * The local table, created on first start and brought up to the current schema on later ones: a
 * `.data/` kept from an older checkout may lack an index added since. On AWS the CDK stack does this;
 * locally every `npm start` does, idempotently. Returns the indexes it had to add.
 */
export async function ensureLocalTable(client: DynamoDBClient, tableName: string): Promise<string[]> {
  await ensureTable(client, tableName);
  const wanted = createTableInput(tableName);
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const existing = new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const added: string[] = [];
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (!index.IndexName || existing.has(index.IndexName)) continue;
    const names = new Set(index.KeySchema?.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions?.filter((a) => names.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.IndexName,
              KeySchema: index.KeySchema,
              Projection: index.Projection,
            },
          },
        ],
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
    added.push(index.IndexName);
  }
  return added;
}
