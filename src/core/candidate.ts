// One response being generated: its own random stream, its tokens, and why it ended.
import type { CandidateSpawn } from './events.ts';
import { candidateRng, type Rng } from './random.ts';

export type FinishReason = 'stop-token' | 'max-length';

export interface Candidate {
  readonly id: number;
  readonly parent: number | null;
  readonly batch: number;
  /** Response tokens inherited from the parent (TreeBoN); 0 for a root. */
  readonly prefixLength: number;
  /** Response tokens so far, the stop token included when it ended on one. */
  readonly tokens: number[];
  finished: FinishReason | null;
  readonly rng: Rng;
  /**
   * Streamed rewards (see backend.ts StreamedReward), per streamed scorer: the reward of the first
   * k + 1 response tokens at index k (a stop token adds nothing).
   */
  readonly streamed: number[][];
}

export function newCandidate(seed: number, id: number, batch: number, parent: Candidate | null = null): Candidate {
  return {
    id,
    parent: parent?.id ?? null,
    batch,
    prefixLength: parent?.tokens.length ?? 0,
    tokens: parent ? [...parent.tokens] : [],
    finished: null,
    rng: candidateRng(seed, id),
    streamed: parent ? parent.streamed.map((sums) => [...sums]) : [],
  };
}

/** A streamed reward of the candidate's first `length` response tokens. */
export function streamedRewardAt(c: Candidate, scorer: number, length: number): number {
  const sums = c.streamed[scorer] ?? [];
  const upTo = Math.min(length, sums.length);
  return upTo === 0 ? 0 : sums[upTo - 1]!;
}

export function spawnOf(c: Candidate): CandidateSpawn {
  return { id: c.id, parent: c.parent, batch: c.batch, prefixLength: c.prefixLength };
}

/** The response as a scorer sees it: cut before the first stop token. */
export function responseIds(tokens: readonly number[], stopTokenIds: readonly number[]): number[] {
  const stop = tokens.findIndex((t) => stopTokenIds.includes(t));
  return stop < 0 ? [...tokens] : tokens.slice(0, stop);
}
