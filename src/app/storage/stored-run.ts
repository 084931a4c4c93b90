// A run kept in the browser: its digest and how it ended, beside its event log (stored in chunks, so a
// run in flight appends what is new instead of rewriting everything). One store for every run: those
// started by hand (the Recent runs list) and, later, each prompt of a prompt set (its `set`).
import type { RunDigest } from './run-digest.ts';

/**
 * 'running': being written by a page (or left by one that went away: then closed as 'reload' at the next
 * start); 'done': ended on its own; 'stopped': ended by Stop; 'reload': cut short by a reload or a closed
 * tab; 'cut-short': cut short in the page (an engine error, Reset, Change models).
 */
export type RunEnding = 'running' | 'done' | 'stopped' | 'reload' | 'cut-short';

export interface StoredRun {
  readonly id: string;
  /** ms since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly ending: RunEnding;
  readonly digest: RunDigest;
  /** Chunks of the event log written: keys [id, 0] .. [id, chunks - 1] of the log store. */
  readonly chunks: number;
  /** A prompt of a prompt set: the set's id and the prompt's index. Such runs go with their set, outside the cap. */
  readonly set?: { readonly id: string; readonly index: number };
}

/** Runs started by hand that the browser keeps; older ones are deleted as new ones end. */
export const RECENT_RUNS_CAP = 50;

export function newestFirst(runs: readonly StoredRun[]): StoredRun[] {
  return [...runs].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

/** The runs to delete so that at most `cap` runs started by hand remain: the oldest ended ones. A run in flight and a prompt set's runs are never counted or deleted. */
export function beyondCap(runs: readonly StoredRun[], cap = RECENT_RUNS_CAP): string[] {
  const counted = newestFirst(runs.filter((r) => r.set === undefined && r.ending !== 'running'));
  return counted.slice(cap).map((r) => r.id);
}
