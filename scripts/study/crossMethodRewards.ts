// With several scorers, a method's combined reward is relative to its own candidate pool, so two
// methods' winners cannot be compared by it. This re-combines every method's complete responses of
// one prompt in one common pool (same normalisation and rule as the run) and reads each winner there.
// With one scorer it is the winner's raw score.
import type { CombineConfig } from '../../src/core/config.ts';
import type { MethodId, RunEvent, ScoredCandidate } from '../../src/core/events.ts';
import { combinePool } from '../../src/core/scorePool.ts';

export interface MethodWinner {
  readonly method: MethodId;
  readonly winner: ScoredCandidate | null;
  /** The winner's reward in the common pool (null without a winner). */
  readonly reward: number | null;
  /** The lowest reward among the method's complete responses in the common pool (null without any). */
  readonly worst: number | null;
}

export function crossMethodRewards(events: readonly RunEvent[], combine: CombineConfig): MethodWinner[] {
  const pool: { method: MethodId; id: number; scores: readonly number[] }[] = [];
  const add = (method: MethodId, c: ScoredCandidate) => {
    if (!pool.some((p) => p.method === method && p.id === c.id)) pool.push({ method, id: c.id, scores: c.scores });
  };
  const ends = events.filter((e) => e.type === 'run-end');
  for (const e of events) if (e.type === 'final') e.candidates.forEach((c) => add(e.method, c));
  for (const e of ends) if (e.winner) add(e.method, e.winner);
  const combined = combinePool(pool.map((p) => p.scores), combine);
  const finals = new Map(events.flatMap((e) => (e.type === 'final' ? [[e.method, e.candidates] as const] : [])));
  return ends.map((e) => {
    const at = e.winner ? pool.findIndex((p) => p.method === e.method && p.id === e.winner!.id) : -1;
    const own = (finals.get(e.method) ?? []).map((c) => combined[pool.findIndex((p) => p.method === e.method && p.id === c.id)]!);
    return { method: e.method, winner: e.winner, reward: at >= 0 ? combined[at]! : null, worst: own.length > 0 ? Math.min(...own) : null };
  });
}
