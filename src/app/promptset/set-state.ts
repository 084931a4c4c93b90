// The open prompt set as the UI shows it, and the pure questions asked of it: which prompt runs next,
// how far it got, how fast it goes, whether the loaded models are the ones it ran with.
import type { RunConfig } from '../../core/config.ts';
import type { PromptOutcome } from '../../promptset/promptOutcome.ts';
import type { KeptSet } from '../storage/set-store.ts';
import type { StoredSet } from '../storage/stored-set.ts';

/** 'idle': opened, not run yet; 'running' / 'stopping'; 'stopped': Stop, a reload, an error; 'done': every prompt ran. */
export type SetStatus = 'idle' | 'running' | 'stopping' | 'stopped' | 'done';

export interface OpenSet {
  /** null until it first runs (then it is kept in the browser). */
  readonly id: string | null;
  readonly name: string;
  readonly prompts: readonly string[];
  readonly createdAt: number;
  /** Fixed when it first runs: every prompt runs with these settings and models. */
  readonly config: RunConfig | null;
  readonly models: StoredSet['models'] | null;
  /** By prompt index: its outcome once finished and kept. */
  readonly outcomes: readonly (PromptOutcome | null)[];
  readonly refused: Readonly<Record<number, string>>;
  readonly status: SetStatus;
  /** The prompt in flight. */
  readonly current: number | null;
  /** This page's pace since Run or Resume: prompts finished, tokens decoded, and the ms they took. */
  readonly pace: { readonly prompts: number; readonly tokens: number; readonly ms: number };
  /** What went wrong last, in words. */
  readonly problem: string | null;
  /** Stop once the prompt in flight is finished. */
  readonly stopAfterPrompt: boolean;
}

export interface PromptSetsState {
  readonly open: OpenSet | null;
  /** The sets kept in this browser, newest first; null until read. */
  readonly kept: readonly KeptSet[] | null;
  /** Why the last prompt file could not be opened. */
  readonly fileProblem: string | null;
}

export const emptySets: PromptSetsState = { open: null, kept: null, fileProblem: null };

export function newOpenSet(name: string, prompts: readonly string[], createdAt: number): OpenSet {
  return {
    id: null, name, prompts, createdAt, config: null, models: null, outcomes: prompts.map(() => null), refused: {},
    status: 'idle', current: null, pace: { prompts: 0, tokens: 0, ms: 0 }, problem: null, stopAfterPrompt: false,
  };
}

export function keptOpenSet(set: StoredSet, outcomes: readonly PromptOutcome[]): OpenSet {
  const byIndex: (PromptOutcome | null)[] = set.prompts.map(() => null);
  for (const o of outcomes) if (o.index < byIndex.length) byIndex[o.index] = o;
  return {
    ...newOpenSet(set.name, set.prompts, set.createdAt),
    id: set.id, config: set.config, models: set.models, outcomes: byIndex, refused: set.refused,
    status: set.ending === 'done' ? 'done' : 'stopped',
  };
}

/** The first prompt neither finished nor refused; null when none is left. */
export function nextPending(set: OpenSet): number | null {
  const i = set.outcomes.findIndex((o, index) => o === null && set.refused[index] === undefined);
  return i < 0 ? null : i;
}

export function finishedCount(set: OpenSet): number {
  return set.outcomes.reduce((n, o) => n + (o === null ? 0 : 1), 0);
}

export interface SetProgress {
  /** Finished or refused: prompts that will not run again. */
  readonly settled: number;
  readonly finished: number;
  readonly total: number;
  /** Decoded tokens per second over this page's running; null before its first finished prompt. */
  readonly tokensPerSecond: number | null;
  /** At this page's pace; null before its first finished prompt. */
  readonly msLeft: number | null;
}

export function setProgress(set: OpenSet): SetProgress {
  const finished = finishedCount(set);
  const settled = finished + Object.keys(set.refused).length;
  const { prompts, tokens, ms } = set.pace;
  const left = set.prompts.length - settled;
  return {
    settled, finished, total: set.prompts.length,
    tokensPerSecond: prompts > 0 && ms > 0 ? (1000 * tokens) / ms : null,
    msLeft: prompts > 0 ? (ms / prompts) * left : null,
  };
}

/** Why the loaded models cannot continue the set (it must keep one generator and reward models); null when they can. */
export function modelsMismatch(set: OpenSet, loaded: StoredSet['models']): string | null {
  if (!set.models) return null;
  const same = set.models.generator === loaded.generator && set.models.scorers.join('\n') === loaded.scorers.join('\n');
  return same ? null : `This set ran with the generator ${set.models.generator} and ${set.models.scorers.join(' and ')}; load those models to continue it.`;
}
