import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ReportTicket, ReportTicketSchema } from '../../../domain/report/ticket-outcome';
import type { ReceivedTickets, ReportStore } from '../../../ports/report-store';
import { awsCall } from '../aws-errors';
import { receiptKeys, receiptPartition } from './keys';
import type { Item, Table } from './table';
import { TABLE_SCHEMA } from './table-schema';

/**
 * The report index (gsi4): one Query per desk on `RECEIVED#<desk>` with the sort key between the two
 * instants, page after page. `<from ISO>` ≤ `<receivedAt>#<ref>` < `<to ISO>` is [from, to) exactly,
 * the reference making any key at `to` sort after `to` itself.
 */
export function dynamoReportStore(table: Table): ReportStore {
  const { gsi4 } = TABLE_SCHEMA;
  return {
    async ticketsReceived(desk, from, to): Promise<ReceivedTickets> {
      const tickets: ReportTicket[] = [];
      const invalid: string[] = [];
      let itemsRead = 0;
      let pages = 0;
      let startKey: Item | undefined;
      do {
        const page = await awsCall('reading the report index', () =>
          table.doc.send(
            new QueryCommand({
              TableName: table.name,
              IndexName: gsi4.indexName,
              KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
              ExpressionAttributeNames: { '#pk': gsi4.partitionKey, '#sk': gsi4.sortKey },
              ExpressionAttributeValues: {
                ':pk': receiptPartition(desk),
                ':from': from.toISOString(),
                ':to': to.toISOString(),
              },
              ExclusiveStartKey: startKey,
            }),
          ),
        );
        pages += 1;
        itemsRead += page.ScannedCount ?? page.Items?.length ?? 0;
        for (const item of page.Items ?? []) {
          const parsed = ReportTicketSchema.safeParse(item);
          if (parsed.success) tickets.push(parsed.data);
          else invalid.push(String(item.reference ?? item[gsi4.sortKey] ?? '?'));
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return { tickets, itemsRead, pages, invalid };
    },

    async backfillIndex() {
      let scanned = 0;
      let updated = 0;
      let startKey: Item | undefined;
      do {
        const page = await awsCall('scanning the table for tickets without report keys', () =>
          table.doc.send(
            new ScanCommand({
              TableName: table.name,
              FilterExpression: '#entity = :ticket AND attribute_not_exists(#pk4)',
              ProjectionExpression: 'pk, sk, #reference, desk, receivedAt',
              ExpressionAttributeNames: {
                '#entity': 'entity',
                '#pk4': gsi4.partitionKey,
                '#reference': 'reference',
              },
              ExpressionAttributeValues: { ':ticket': 'ticket' },
              ExclusiveStartKey: startKey,
            }),
          ),
        );
        scanned += page.ScannedCount ?? 0;
        for (const item of page.Items ?? []) {
          const { reference, desk, receivedAt } = item as Record<string, unknown>;
          if (typeof reference !== 'string' || typeof desk !== 'string' || typeof receivedAt !== 'string')
            continue;
          const keys = receiptKeys({ reference, desk, receivedAt });
          try {
            // Only the two keys: the ticket's version stays (nothing an agent or the intake wrote changes).
            await table.doc.send(
              new UpdateCommand({
                TableName: table.name,
                Key: { pk: item.pk, sk: item.sk },
                UpdateExpression: 'SET #pk4 = :pk4, #sk4 = :sk4',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#pk4)',
                ExpressionAttributeNames: { '#pk4': gsi4.partitionKey, '#sk4': gsi4.sortKey },
                ExpressionAttributeValues: { ':pk4': keys.gsi4pk, ':sk4': keys.gsi4sk },
              }),
            );
            updated += 1;
          } catch (err) {
            // A write of the ticket in between gave it its keys already.
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          }
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return { scanned, updated };
    },
  };
}
