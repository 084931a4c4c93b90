// One method's running totals: tokens, steps, peak KV memory, and wall time split by phase.
import type { RunTotals } from './events.ts';

export type Phase = 'generate' | 'score' | 'prune';

export class Meter {
  decodedTokens = 0;
  prefillTokens = 0;
  rewardTokens = 0;
  steps = 0;
  peakKvBytes = 0;
  private readonly phaseMs: Record<Phase, number> = { generate: 0, score: 0, prune: 0 };
  /** Analysis work (prefix scoring) that runs inside the method but is not its compute. */
  private excludedMs = 0;
  private readonly startMs: number;

  constructor(private readonly now: () => number) {
    this.startMs = now();
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
      peakKvBytes: this.peakKvBytes,
      wallMs: this.now() - this.startMs - this.excludedMs,
      generateMs: this.phaseMs.generate,
      scoreMs: this.phaseMs.score,
      pruneMs: this.phaseMs.prune,
    };
  }
}
