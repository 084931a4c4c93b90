// One method's running totals: tokens, steps, peak KV memory, and wall time split by phase.
import type { RunTotals } from './events.ts';

export type Phase = 'generate' | 'score' | 'prune';

/** Parameter estimates for FLOPs (2 x parameters x tokens); undefined where unknown. */
export interface ModelSizes {
  readonly generator?: number;
  readonly scorers: readonly (number | undefined)[];
}

export class Meter {
  decodedTokens = 0;
  prefillTokens = 0;
  rewardTokens = 0;
  /** Reward-model FLOPs so far; null once a scorer of unknown size has scored. */
  private rewardFlops: number | null = 0;
  steps = 0;
  peakKvBytes = 0;
  private readonly phaseMs: Record<Phase, number> = { generate: 0, score: 0, prune: 0 };
  /** Analysis work (prefix scoring) that runs inside the method but is not its compute. */
  private excludedMs = 0;
  private readonly startMs: number;

  constructor(private readonly now: () => number, private readonly sizes: ModelSizes = { scorers: [] }) {
    this.startMs = now();
  }

  /** Counts reward-model tokens, given per scorer in the order of `sizes.scorers`. */
  countRewardTokens(byScorer: readonly number[]): void {
    byScorer.forEach((tokens, s) => {
      this.rewardTokens += tokens;
      const parameters = this.sizes.scorers[s];
      this.rewardFlops = this.rewardFlops === null || parameters === undefined ? null : this.rewardFlops + 2 * parameters * tokens;
    });
  }

  async timed<T>(phase: Phase, work: () => Promise<T> | T): Promise<T> {
    const start = this.now();
    try {
      return await work();
    } finally {
      this.phaseMs[phase] += this.now() - start;
    }
  }

  /** Runs work whose time is left out of the method's wall time. */
  async excluded<T>(work: () => Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await work();
    } finally {
      this.excludedMs += this.now() - start;
    }
  }

  observeKv(bytes: number): void {
    if (bytes > this.peakKvBytes) this.peakKvBytes = bytes;
  }

  totals(): RunTotals {
    return {
      decodedTokens: this.decodedTokens,
      prefillTokens: this.prefillTokens,
      rewardTokens: this.rewardTokens,
      steps: this.steps,
      ...(this.sizes.generator !== undefined && { generatorFlops: 2 * this.sizes.generator * (this.decodedTokens + this.prefillTokens) }),
      ...(this.rewardFlops !== null && { rewardFlops: this.rewardFlops }),
      peakKvBytes: this.peakKvBytes,
      wallMs: this.now() - this.startMs - this.excludedMs,
      generateMs: this.phaseMs.generate,
      scoreMs: this.phaseMs.score,
      pruneMs: this.phaseMs.prune,
    };
  }
}
