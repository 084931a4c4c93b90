// The app's IndexedDB database (through idb): runs (digest and ending), their event logs in chunks, the
// settings, and prompt sets (their prompts and settings, and each finished prompt's outcome beside its
// run). Opening fails where the browser keeps no data (some private modes, blocked site data).
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { RunEvent } from '../../core/events.ts';
import type { PromptOutcome } from '../../promptset/promptOutcome.ts';
import type { StoredRun } from './stored-run.ts';
import type { StoredSet } from './stored-set.ts';

export const DB_NAME = 'aligned-in-the-browser';

export interface ArchiveSchema extends DBSchema {
  runs: { key: string; value: StoredRun; indexes: { 'by-set': string } };
  /** A run's events, chunk by chunk, in order: key [run id, chunk number]. */
  logs: { key: [string, number]; value: RunEvent[] };
  settings: { key: string; value: unknown };
  sets: { key: string; value: StoredSet };
  /** Each finished prompt of a set: what its run came to (key [set id, prompt index]); its run is in `runs`. */
  outcomes: { key: [string, number]; value: PromptOutcome };
}

export type ArchiveDb = IDBPDatabase<ArchiveSchema>;
type Store = StoreNames<ArchiveSchema>;
export type WriteTransaction<S extends Store[]> = IDBPTransaction<ArchiveSchema, S, 'readwrite'>;

export async function openArchiveDb(name = DB_NAME): Promise<ArchiveDb> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('IndexedDB is not available');
  return openDB<ArchiveSchema>(name, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const runs = db.createObjectStore('runs', { keyPath: 'id' });
        // The runs of one prompt set.
        runs.createIndex('by-set', 'set.id');
        db.createObjectStore('logs');
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) {
        db.createObjectStore('sets', { keyPath: 'id' });
        db.createObjectStore('outcomes');
      }
    },
    // A page of a later version wants to upgrade: let it (this page's next request reopens nothing and fails, said as a storage problem).
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

/**
 * Runs `body`, which queues requests into `requests` without awaiting them, in one read-write
 * transaction, and waits for it to commit. Any failure (a request's, the commit's, or one thrown while
 * queuing) rejects here with its own error, e.g. a QuotaExceededError, and leaves nothing half written.
 */
export async function writeAll<S extends Store[]>(
  db: ArchiveDb, stores: S, body: (tx: WriteTransaction<S>, requests: Promise<unknown>[]) => void,
): Promise<void> {
  const tx = db.transaction(stores, 'readwrite');
  const done = tx.done;
  const requests: Promise<unknown>[] = [];
  let requestError: unknown = null;
  try {
    body(tx, requests);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // it had already finished
    }
    throw error;
  } finally {
    // Unobserved, a failed request would be an unhandled rejection; its error says more than the abort.
    for (const request of requests) request.catch((error: unknown) => (requestError ??= error));
    done.catch(() => undefined);
  }
  try {
    await done;
  } catch (error) {
    // A failed request aborts the transaction, which then reports only "AbortError".
    throw requestError ?? error;
  }
}
