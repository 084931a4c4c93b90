// A prompt set kept in the browser: its prompts, the settings and models every prompt runs with, and how
// far it got. Each finished prompt is a run of the one run store (with `set`), beside its outcome.
import type { RunConfig } from '../../core/config.ts';

/**
 * 'running': a page is running it (or was, and went away: the next page shows it as stopped);
 * 'stopped': stopped, or cut short (an engine error, Reset, Change models); 'done': every prompt ran.
 */
export type SetEnding = 'running' | 'stopped' | 'done';

export interface StoredSet {
  readonly id: string;
  /** The prompt file's name. */
  readonly name: string;
  readonly prompts: readonly string[];
  /** ms since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** The settings of every prompt's run (its prompt aside), fixed when the set first ran. */
  readonly config: RunConfig;
  /** The models it ran with (ids as in each run's run-start): Resume takes the same. */
  readonly models: { readonly generator: string; readonly scorers: readonly string[] };
  readonly ending: SetEnding;
  /** Prompts the engine refused to run (too long for the model...), with its words: not run again. */
  readonly refused: Readonly<Record<number, string>>;
}

/** The run id of a set's prompt: one per prompt, so keeping it again replaces it, never doubles it. */
export const setRunId = (setId: string, index: number): string => `${setId}:${index}`;
