import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type ClientEntry,
  ClientEntrySchema,
  type InvalidClientRow,
  readClientRows,
} from '../../../domain/desk/client-directory';
import type { ClientDirectoryStore } from '../../../ports/client-directory-store';
import { clientItem } from './items';
import { Table } from './table';

/** The client directory as items of the single table (`DIRECTORY` / `CLIENT#<id>`), managed by the CLI. */
export class DynamoDbClientDirectoryStore implements ClientDirectoryStore {
  private readonly table: Table;

  /** `onInvalid`: told of the rows left out on each read (the intake logs, counts and alarms on them). */
  constructor(
    doc: DynamoDBDocumentClient,
    tableName: string,
    private readonly onInvalid: (invalid: InvalidClientRow[]) => void = () => {},
  ) {
    this.table = new Table(doc, tableName);
  }

  async listClients(): Promise<ClientEntry[]> {
    const { clients, invalid } = await this.readClients();
    if (invalid.length > 0) this.onInvalid(invalid);
    return clients;
  }

  async readClients(): Promise<{ clients: ClientEntry[]; invalid: InvalidClientRow[] }> {
    const { items } = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'DIRECTORY', ':prefix': 'CLIENT#' },
    });
    return readClientRows(items);
  }

  async putClient(entry: ClientEntry): Promise<void> {
    await this.table.putItem(clientItem(ClientEntrySchema.parse(entry)), 'writing a client');
  }
}
