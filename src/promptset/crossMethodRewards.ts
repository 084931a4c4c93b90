// With several scorers, a method's combined reward is relative to its own candidate pool, so two
// methods' winners cannot be compared by it. This re-combines every method's complete responses of
// one prompt in one common pool (same normalisation and rule as the run) and reads each winner there.
// With one scorer it is the winner's raw score.
import type { CombineConfig } from '../core/config.ts';
import type { MethodId, RunEvent, ScoredCandidate } from '../core/events.ts';
import { combinePool } from '../core/scorePool.ts';

export interface MethodWinner {
  readonly method: MethodId;
  readonly winner: ScoredCandidate | null;
  /** The winner's reward in the common pool (null without a winner). */
  readonly reward: number | null;
  /** The lowest reward among the method's complete responses in the common pool (null without any). */
  readonly worst: number | null;
}

export interface PooledAnswer {
  readonly method: MethodId;
  readonly candidate: ScoredCandidate;
  /** Its reward in the common pool of every method's complete responses. */
  readonly reward: number;
}

/** Every method's complete responses (its `final` candidates, and its winner), with rewards combined in one pool. */
export function commonPool(events: readonly RunEvent[], combine: CombineConfig): PooledAnswer[] {
  const pool: { method: MethodId; candidate: ScoredCandidate }[] = [];
  const add = (method: MethodId, c: ScoredCandidate) => {
    if (!pool.some((p) => p.method === method && p.candidate.id === c.id)) pool.push({ method, candidate: c });
  };
  for (const e of events) if (e.type === 'final') e.candidates.forEach((c) => add(e.method, c));
  for (const e of events) if (e.type === 'run-end' && e.winner) add(e.method, e.winner);
  const combined = combinePool(pool.map((p) => p.candidate.scores), combine);
  return pool.map((p, i) => ({ ...p, reward: combined[i]! }));
}

export function crossMethodRewards(events: readonly RunEvent[], combine: CombineConfig): MethodWinner[] {
  const pool = commonPool(events, combine);
  const finals = new Map(events.flatMap((e) => (e.type === 'final' ? [[e.method, e.candidates] as const] : [])));
  const rewardOf = (method: MethodId, id: number) => pool.find((p) => p.method === method && p.candidate.id === id)!.reward;
  return events.flatMap((e) => {
    if (e.type !== 'run-end') return [];
    const own = (finals.get(e.method) ?? []).map((c) => rewardOf(e.method, c.id));
    return [{ method: e.method, winner: e.winner, reward: e.winner ? rewardOf(e.method, e.winner.id) : null, worst: own.length > 0 ? Math.min(...own) : null }];
  });
}
