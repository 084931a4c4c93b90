// Every candidate's latest scoring. The winner is the argmax over every trajectory ever scored, each
// by its most recent score (a rejected one by its score when it was cut); with several scorers the
// rewards are combined over that whole set.
import type { CombineConfig } from './config.ts';
import type { ScoredCandidate } from './events.ts';
import { combinePool } from './scorePool.ts';
import { bestOf } from './selection.ts';

export interface ScoredEntry {
  readonly id: number;
  /** Raw score of each scorer. */
  readonly scores: readonly number[];
  readonly length: number;
  readonly finished: boolean;
  readonly text: string;
}

export class Scoreboard {
  private readonly entries = new Map<number, ScoredEntry>();

  record(entry: ScoredEntry): void {
    this.entries.set(entry.id, entry);
  }

  latest(id: number): ScoredEntry | undefined {
    return this.entries.get(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every entry (or those in `pool`), in id order, with its reward combined over them. */
  combined(combine: CombineConfig, pool?: ReadonlySet<number>): ScoredCandidate[] {
    const list = [...this.entries.values()].filter((e) => pool === undefined || pool.has(e.id)).sort((a, b) => a.id - b.id);
    const rewards = combinePool(list.map((e) => e.scores), combine);
    return list.map((e, i) => ({ ...e, reward: rewards[i]! }));
  }

  best(combine: CombineConfig, pool?: ReadonlySet<number>): ScoredCandidate | null {
    return bestOf(this.combined(combine, pool));
  }
}
