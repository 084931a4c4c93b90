// A run kept while it is in flight: its events are written in chunks as they come (the caller flushes
// every few seconds and when the page is hidden), so a reload loses at most the last seconds. Writes go
// one after another; after a failed one the run is no longer written (its log would have a hole) and
// what was kept of it is deleted, which also frees room when the storage was full.
import type { RunEvent } from '../../core/events.ts';
import { closingEvents } from './close-log.ts';
import { addToDigest, emptyDigest, type RunDigest } from './run-digest.ts';
import type { RunStore } from './run-store.ts';
import type { RunEnding, StoredRun } from './stored-run.ts';

export type FinalEnding = Exclude<RunEnding, 'running' | 'reload'>;

export interface RunRecording {
  readonly id: string;
  add(events: readonly RunEvent[]): void;
  /** Writes what arrived since the last write; resolves once it is stored (or failed). */
  flush(): Promise<void>;
  /** Writes the rest with how the run ended, closing any method still open; resolves to whether the whole run is kept. */
  end(ending: FinalEnding): Promise<boolean>;
}

export interface RecordingOptions {
  readonly id: string;
  readonly now?: () => number;
  readonly set?: StoredRun['set'];
  /** Called once, with the error, when a write fails. */
  readonly onFailure: (error: unknown) => void;
}

export function recordRun(store: RunStore, options: RecordingOptions): RunRecording {
  const now = options.now ?? Date.now;
  const createdAt = now();
  let pending: RunEvent[] = [];
  /** The whole log so far (references to the same events), to close it if the run is cut short. */
  const all: RunEvent[] = [];
  let digest: RunDigest = emptyDigest;
  let chunks = 0;
  let written = Promise.resolve();
  let failed = false;
  let ended = false;

  const write = (ending: RunEnding) => {
    if (failed) return written;
    const chunk = pending.length > 0 ? pending : null;
    pending = [];
    if (chunk) chunks += 1;
    const record: StoredRun = {
      id: options.id, createdAt, updatedAt: now(), ending, digest, chunks, ...(options.set && { set: options.set }),
    };
    written = written.then(async () => {
      if (failed) return;
      try {
        await store.save(record, chunk);
      } catch (error) {
        failed = true;
        options.onFailure(error);
        await store.remove([options.id]).catch(() => undefined);
      }
    });
    return written;
  };

  return {
    id: options.id,
    add(events) {
      if (ended || events.length === 0) return;
      pending.push(...events);
      all.push(...events);
      digest = addToDigest(digest, events);
    },
    flush: () => (ended || pending.length === 0 ? written : write('running')),
    async end(ending) {
      if (ended) {
        await written;
        return !failed;
      }
      ended = true;
      // A run cut short, or stopped before its last method could say so, is closed as Stop closes one.
      const closing = closingEvents(all);
      pending.push(...closing);
      digest = addToDigest(digest, closing);
      await write(ending);
      return !failed;
    },
  };
}
