import type { ClientEntry } from '../domain/desk/client-directory';

/** The client directory (on AWS it lives in the table, managed by the CLI). */
export interface ClientDirectoryStore {
  listClients(): Promise<ClientEntry[]>;
  putClient(entry: ClientEntry): Promise<void>;
}
