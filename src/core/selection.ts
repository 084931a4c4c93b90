// Who survives a decision point, and who wins: shared by the engine and the replay so both pick alike.
import { roundHalfEven } from './stats.ts';

export interface Ranked {
  readonly id: number;
  readonly reward: number;
}

/** Best first; equal rewards go to the lower id; NaN rewards rank last. */
export function compareByReward(a: Ranked, b: Ranked): number {
  const an = Number.isNaN(a.reward);
  const bn = Number.isNaN(b.reward);
  if (an !== bn) return an ? 1 : -1;
  if (!an && a.reward !== b.reward) return b.reward - a.reward;
  return a.id - b.id;
}

/** Survivors of a pool of `poolSize` when a fraction alpha is rejected: round_half_even((1 - alpha) n), at least 1. */
export function keepCount(poolSize: number, alpha: number): number {
  if (poolSize === 0) return 0;
  return Math.max(1, roundHalfEven((1 - alpha) * poolSize));
}

/** Ids of the top keepCount(pool, alpha) candidates. */
export function keepTopFraction(pool: readonly Ranked[], alpha: number): Set<number> {
  const ranked = [...pool].sort(compareByReward);
  return new Set(ranked.slice(0, keepCount(pool.length, alpha)).map((c) => c.id));
}

export function bestOf<T extends Ranked>(pool: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of pool) if (best === null || compareByReward(c, best) < 0) best = c;
  return best;
}
