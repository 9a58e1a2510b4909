import type { ClientEntry } from '../domain/desk/client-directory';
import type { ClientDirectoryStore } from '../ports/client-directory-store';
import type { Clock } from '../ports/clock';

/**
 * The directory is read from the table and kept for a few minutes per container: a client added
 * with the CLI is seen by every function within `ttlMs`, without a read per email.
 */
export function cachedClientDirectory(
  store: ClientDirectoryStore,
  clock: Clock,
  ttlMs = 5 * 60 * 1000,
): () => Promise<readonly ClientEntry[]> {
  let cached: { at: number; entries: Promise<ClientEntry[]> } | null = null;
  return () => {
    const now = clock.now().getTime();
    if (!cached || now - cached.at > ttlMs) {
      const entries = store.listClients();
      cached = { at: now, entries };
      // A failed read is not cached: the next message tries again.
      entries.catch(() => {
        if (cached?.entries === entries) cached = null;
      });
    }
    return cached.entries;
  };
}
