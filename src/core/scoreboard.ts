// Every candidate's latest scoring. The winner is the argmax over the complete responses (ended by a
// stop token or at max new tokens, scored on their whole text): a candidate cut off mid-answer is
// never the answer, however high its partial score. With several scorers the rewards are combined
// over the complete responses alone.
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
  /** Reward-model tokens of this scoring. */
  readonly rewardTokens?: number;
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

  /** Ids of the candidates whose latest score is of their complete response. */
  completeIds(): Set<number> {
    return new Set([...this.entries.values()].filter((e) => e.finished).map((e) => e.id));
  }

  /** Every entry (or those in `pool`), in id order, with its reward combined over them. */
  combined(combine: CombineConfig, pool?: ReadonlySet<number>): ScoredCandidate[] {
    const list = [...this.entries.values()].filter((e) => pool === undefined || pool.has(e.id)).sort((a, b) => a.id - b.id);
    const rewards = combinePool(list.map((e) => e.scores), combine);
    return list.map((e, i) => ({ ...e, reward: rewards[i]! }));
  }

  /** The best complete response (of those in `pool` when given). */
  best(combine: CombineConfig, pool?: ReadonlySet<number>): ScoredCandidate | null {
    const complete = this.completeIds();
    return bestOf(this.combined(combine, new Set([...(pool ?? complete)].filter((id) => complete.has(id)))));
  }
}
