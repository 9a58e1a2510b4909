import type { ClientEntry, InvalidClientRow } from '../domain/desk/client-directory';

/** The client directory (on AWS it lives in the table, managed by the CLI). */
export interface ClientDirectoryStore {
  /** The valid rows; the invalid ones are left out (see checkClients), never fail the read. */
  listClients(): Promise<ClientEntry[]>;
  /** Every row and what is wrong with the invalid ones (`exo-intake clients check --table`). */
  readClients(): Promise<{ clients: ClientEntry[]; invalid: InvalidClientRow[] }>;
  putClient(entry: ClientEntry): Promise<void>;
}
