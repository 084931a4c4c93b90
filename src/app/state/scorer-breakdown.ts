// With several scorers: each candidate's normalised score per scorer, and which scorer was its lowest
// (the one that set its score under MaxMin). Normalisation is over a pool, so the pool the engine used
// is found by reproducing its combined rewards: only a pool whose combination gives exactly the
// rewards the event carries is trusted, and without one nothing is claimed.
import type { CombineConfig } from '../../core/config.ts';
import { combinePool, normalise } from '../../core/scorePool.ts';

export interface Scored {
  readonly id: number;
  /** Raw score of each scorer. */
  readonly scores: readonly number[];
}

export interface ScorerBreakdown {
  /** Each scorer's score normalised over the pool, in the run's scorer order. */
  readonly normalized: readonly number[];
  /** Index of the lowest normalised score (the first one on a tie). */
  readonly weakest: number;
}

/**
 * Breakdowns for the candidates of one event (a decision or the final scores), trying each candidate
 * pool in turn; null with one scorer or when no pool reproduces the event's rewards.
 */
export function explainEvent(
  event: readonly (Scored & { readonly reward: number })[],
  pools: readonly (readonly Scored[])[],
  combine: CombineConfig,
): Map<number, ScorerBreakdown> | null {
  const scorers = event[0]?.scores.length ?? 0;
  if (scorers < 2) return null;
  for (const pool of pools) {
    if (pool.some((c) => c.scores.length !== scorers)) continue;
    const index = new Map(pool.map((c, i) => [c.id, i]));
    const raw = pool.map((c) => c.scores);
    const rewards = combinePool(raw, combine);
    const matches = event.every((c) => {
      const i = index.get(c.id);
      return i !== undefined && close(rewards[i], c.reward);
    });
    if (!matches) continue;
    const columns = Array.from({ length: scorers }, (_, s) => normalise(raw.map((r) => r[s] ?? NaN), combine.normalize));
    const result = new Map<number, ScorerBreakdown>();
    for (const c of event) {
      const i = index.get(c.id) ?? 0;
      const normalized = columns.map((column) => column[i] ?? NaN);
      result.set(c.id, { normalized, weakest: argmin(normalized) });
    }
    return result;
  }
  return null;
}

function close(a: number | undefined, b: number): boolean {
  if (a === undefined) return false;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function argmin(values: readonly number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v < (values[best] ?? Infinity)) best = i;
  });
  return best;
}
