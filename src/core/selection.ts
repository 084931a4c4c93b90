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

export interface PoolEntry extends Ranked {
  /** A complete response: kept for good when it survives, it holds no cache row. */
  readonly finished: boolean;
}

export interface Survivors {
  readonly kept: Set<number>;
  /** Unfinished candidates alpha would have kept that were rejected because their rows could not continue inside the budget. */
  readonly cutForMemory: number;
}

/**
 * A decision point: keep the top round_half_even((1 - alpha) n) of the pool, then, when more
 * unfinished survivors than `canContinue` remain (their next token would not fit the budget), reject
 * the lowest-ranked of them too.
 */
export function selectSurvivors(pool: readonly PoolEntry[], alpha: number, canContinue: number): Survivors {
  const ranked = [...pool].sort(compareByReward).slice(0, keepCount(pool.length, alpha));
  const kept = new Set<number>();
  let continuing = 0;
  let cutForMemory = 0;
  for (const c of ranked) {
    if (!c.finished && continuing >= canContinue) {
      cutForMemory += 1;
      continue;
    }
    if (!c.finished) continuing += 1;
    kept.add(c.id);
  }
  return { kept, cutForMemory };
}
