// Prompt sets over IndexedDB: the set itself, and each finished prompt kept at once, its run (record and
// log, in the run store every run shares) and its outcome in one transaction, so a prompt is either
// wholly kept or not at all. A prompt's run has a fixed id: keeping it again replaces it.
import type { RunEvent } from '../../core/events.ts';
import type { PromptOutcome } from '../../promptset/promptOutcome.ts';
import { writeAll, type ArchiveDb } from './db.ts';
import { PromptOutcomeSchema, readRecord, readRecords, StoredSetSchema } from './record-schemas.ts';
import { digestRun } from './run-digest.ts';
import type { StoredRun } from './stored-run.ts';
import { setRunId, type StoredSet } from './stored-set.ts';

const outcomesOf = (setId: string) => IDBKeyRange.bound([setId, 0], [setId, Infinity]);
const chunksOf = (runId: string) => IDBKeyRange.bound([runId, 0], [runId, Infinity]);

export interface KeptSet {
  readonly set: StoredSet;
  /** Prompts finished and kept. */
  readonly finished: number;
}

export interface SetStore {
  save(set: StoredSet): Promise<void>;
  /** Every kept set with how many of its prompts are finished, newest first. */
  list(): Promise<KeptSet[]>;
  get(id: string): Promise<StoredSet | null>;
  /** The set's finished prompts' outcomes, in prompt order. */
  outcomes(id: string): Promise<PromptOutcome[]>;
  /** Keeps a finished prompt: its run (ended 'done') and its outcome together; returns the run's id. */
  keepPrompt(setId: string, events: readonly RunEvent[], outcome: PromptOutcome, now?: number): Promise<string>;
  remove(id: string): Promise<void>;
}

export function createSetStore(db: ArchiveDb): SetStore {
  return {
    save: (set) => writeAll(db, ['sets'], (tx, requests) => requests.push(tx.objectStore('sets').put(set))),
    async list() {
      // A set or outcome that does not read (another version's, or damaged) is left out: such a set is not
      // listed, such a prompt counts as not run (Resume runs it again).
      const sets = readRecords(StoredSetSchema, await db.getAll('sets')).records;
      const counts = await Promise.all(sets.map((s) => db.count('outcomes', outcomesOf(s.id))));
      return sets.map((set, i) => ({ set, finished: counts[i]! })).sort((a, b) => b.set.createdAt - a.set.createdAt);
    },
    get: async (id) => readRecord(StoredSetSchema, await db.get('sets', id)),
    outcomes: async (id) => readRecords(PromptOutcomeSchema, await db.getAll('outcomes', outcomesOf(id))).records,
    async keepPrompt(setId, events, outcome, now = Date.now()) {
      const id = setRunId(setId, outcome.index);
      const record: StoredRun = {
        id, createdAt: now, updatedAt: now, ending: 'done', digest: digestRun(events), chunks: 1, set: { id: setId, index: outcome.index },
      };
      await writeAll(db, ['runs', 'logs', 'outcomes'], (tx, requests) => {
        const logs = tx.objectStore('logs');
        requests.push(logs.delete(chunksOf(id)), logs.put([...events], [id, 0]), tx.objectStore('runs').put(record));
        requests.push(tx.objectStore('outcomes').put(outcome, [setId, outcome.index]));
      });
      return id;
    },
    async remove(id) {
      const runIds = await db.getAllKeysFromIndex('runs', 'by-set', id);
      await writeAll(db, ['sets', 'outcomes', 'runs', 'logs'], (tx, requests) => {
        requests.push(tx.objectStore('sets').delete(id), tx.objectStore('outcomes').delete(outcomesOf(id)));
        for (const runId of runIds) requests.push(tx.objectStore('runs').delete(runId), tx.objectStore('logs').delete(chunksOf(runId)));
      });
    },
  };
}
