import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ClientEntry, ClientEntrySchema } from '../../../domain/desk/client-directory';
import type { ClientDirectoryStore } from '../../../ports/client-directory-store';
import { clientItem } from './items';
import { Table } from './table';

/** The client directory as items of the single table (`DIRECTORY` / `CLIENT#<id>`), managed by the CLI. */
export class DynamoDbClientDirectoryStore implements ClientDirectoryStore {
  private readonly table: Table;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    this.table = new Table(doc, tableName);
  }

  async listClients(): Promise<ClientEntry[]> {
    const { items } = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'DIRECTORY', ':prefix': 'CLIENT#' },
    });
    return items.map((item) => ClientEntrySchema.parse(item));
  }

  async putClient(entry: ClientEntry): Promise<void> {
    await this.table.putItem(clientItem(ClientEntrySchema.parse(entry)), 'writing a client');
  }
}
