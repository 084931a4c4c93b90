// The runs kept in the browser, over IndexedDB: written chunk by chunk while a run is in flight, listed
// newest first, read back whole, deleted, capped, and closed when a page went away mid-run.
import type { RunEvent } from '../../core/events.ts';
import { closingEvents } from './close-log.ts';
import { writeAll, type ArchiveDb } from './db.ts';
import { readRecord, readRecords, StoredRunSchema } from './record-schemas.ts';
import { addToDigest } from './run-digest.ts';
import { beyondCap, newestFirst, type StoredRun } from './stored-run.ts';

const chunksOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);

export interface RunStore {
  /** Stores `record` and, when given, its newest chunk of events (number record.chunks - 1), in one transaction. */
  save(record: StoredRun, chunk: readonly RunEvent[] | null): Promise<void>;
  /** The runs whose records read, newest first. */
  list(): Promise<StoredRun[]>;
  /** The same, with how many records did not read (left by another version, or damaged): those are left alone. */
  listAll(): Promise<{ runs: StoredRun[]; unreadable: number }>;
  get(id: string): Promise<StoredRun | null>;
  /** The run's whole event log, or null when it is not kept (any more). */
  events(id: string): Promise<RunEvent[] | null>;
  remove(ids: readonly string[]): Promise<void>;
  /** Deletes the oldest runs beyond the cap; returns their ids. */
  prune(cap?: number): Promise<string[]>;
  /**
   * Closes a run that a page left 'running' (it reloaded or closed mid-run): a stopped run-end for
   * each method still open, ending 'reload'. False when the run is no longer 'running'.
   */
  closeLeftRunning(id: string, now?: number): Promise<boolean>;
}

export function createRunStore(db: ArchiveDb): RunStore {
  const store: RunStore = {
    save: (record, chunk) => writeAll(db, ['runs', 'logs'], (tx, requests) => {
      if (chunk !== null) requests.push(tx.objectStore('logs').put([...chunk], [record.id, record.chunks - 1]));
      requests.push(tx.objectStore('runs').put(record));
    }),
    list: async () => (await store.listAll()).runs,
    async listAll() {
      const { records, unreadable } = readRecords(StoredRunSchema, await db.getAll('runs'));
      return { runs: newestFirst(records), unreadable };
    },
    get: async (id) => readRecord(StoredRunSchema, await db.get('runs', id)),
    async events(id) {
      const tx = db.transaction(['runs', 'logs'], 'readonly');
      const [record, chunks] = await Promise.all([tx.objectStore('runs').get(id), tx.objectStore('logs').getAll(chunksOf(id)), tx.done]);
      return record ? chunks.flat() : null;
    },
    remove: (ids) => writeAll(db, ['runs', 'logs'], (tx, requests) => {
      for (const id of ids) {
        requests.push(tx.objectStore('runs').delete(id), tx.objectStore('logs').delete(chunksOf(id)));
      }
    }),
    async prune(cap) {
      const ids = beyondCap(await store.list(), cap);
      if (ids.length > 0) await store.remove(ids);
      return ids;
    },
    async closeLeftRunning(id, now = Date.now()) {
      const tx = db.transaction(['runs', 'logs'], 'readwrite');
      const done = tx.done;
      done.catch(() => undefined);
      const record = readRecord(StoredRunSchema, await tx.objectStore('runs').get(id));
      if (!record || record.ending !== 'running') {
        await done;
        return false;
      }
      const closing = closingEvents((await tx.objectStore('logs').getAll(chunksOf(id))).flat());
      const chunks = record.chunks + (closing.length > 0 ? 1 : 0);
      const requests: Promise<unknown>[] = [];
      if (closing.length > 0) requests.push(tx.objectStore('logs').put(closing, [id, record.chunks]));
      requests.push(tx.objectStore('runs').put({ ...record, ending: 'reload', updatedAt: now, chunks, digest: addToDigest(record.digest, closing) }));
      for (const request of requests) request.catch(() => undefined);
      await done;
      return true;
    },
  };
  return store;
}
