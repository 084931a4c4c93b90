// A prompt set's totals per method, for the study's tables and the app's aggregate view alike: compute
// summed over the prompts, the mean best reward, each method's win rate against Best-of-N and the
// reference's improvement score.
import type { MethodId, RunTotals } from '../core/events.ts';
import { improvementScore, type ImprovementScore } from '../core/stats.ts';

export interface MethodResult {
  readonly method: MethodId;
  readonly bestReward: number | null;
  /** The lowest reward among the method's complete responses (Best-of-N's is the improvement score's floor). */
  readonly worstReward?: number | null;
  readonly winnerText: string;
  /** The winner's raw score from each scorer, in the run's scorer order. */
  readonly winnerScores?: readonly number[];
  readonly totals: RunTotals;
}

export interface PromptResult {
  readonly prompt: string;
  readonly methods: readonly MethodResult[];
}

export interface MethodTotals {
  readonly method: MethodId;
  /** Mean over the prompts where the method has a best reward; null where it has none. */
  readonly bestReward: number | null;
  /** Summed over the prompts (peak KV: the highest). */
  readonly totals: RunTotals;
  readonly prompts: number;
}

const ZERO: RunTotals = { decodedTokens: 0, prefillTokens: 0, rewardTokens: 0, steps: 0, peakKvBytes: 0, wallMs: 0, generateMs: 0, scoreMs: 0, pruneMs: 0 };

export function sumTotals(all: readonly RunTotals[]): RunTotals {
  return all.reduce<RunTotals>(
    (a, t) => ({
      decodedTokens: a.decodedTokens + t.decodedTokens,
      prefillTokens: a.prefillTokens + t.prefillTokens,
      rewardTokens: a.rewardTokens + t.rewardTokens,
      steps: a.steps + t.steps,
      peakKvBytes: Math.max(a.peakKvBytes, t.peakKvBytes),
      wallMs: a.wallMs + t.wallMs,
      generateMs: a.generateMs + t.generateMs,
      scoreMs: a.scoreMs + t.scoreMs,
      pruneMs: a.pruneMs + t.pruneMs,
    }),
    ZERO,
  );
}

/** Each method's totals over the prompts, in the order the methods first appear. */
export function methodTotals(results: readonly PromptResult[]): MethodTotals[] {
  const methods = [...new Set(results.flatMap((r) => r.methods.map((m) => m.method)))];
  return methods.map((method) => {
    const runs = results.flatMap((r) => r.methods.filter((m) => m.method === method));
    const rewards = runs.map((m) => m.bestReward).filter((x): x is number => x !== null);
    const bestReward = rewards.length === 0 ? null : rewards.reduce((a, b) => a + b, 0) / rewards.length;
    return { method, bestReward, totals: sumTotals(runs.map((m) => m.totals)), prompts: runs.length };
  });
}

/** Share of prompts where `method`'s best reward beats Best-of-N's; ties count half. */
export function winRate(results: readonly PromptResult[], method: MethodId): number | null {
  let wins = 0;
  let count = 0;
  for (const r of results) {
    const bon = r.methods.find((m) => m.method === 'bon')?.bestReward;
    const other = r.methods.find((m) => m.method === method)?.bestReward;
    if (bon == null || other == null) continue;
    count += 1;
    wins += other > bon ? 1 : other === bon ? 0.5 : 0;
  }
  return count === 0 ? null : wins / count;
}

/** 100 x (1 + mean over prompts of (best - best_BoN) / (best_BoN - worst_BoN)); null when no prompt counts. */
export function improvement(results: readonly PromptResult[], method: MethodId): ImprovementScore | null {
  const outcomes = results.flatMap((r) => {
    const bon = r.methods.find((m) => m.method === 'bon');
    const other = r.methods.find((m) => m.method === method);
    if (bon?.bestReward == null || bon.worstReward == null || other?.bestReward == null) return [];
    return [{ methodBest: other.bestReward, baselineBest: bon.bestReward, baselineWorst: bon.worstReward }];
  });
  const score = improvementScore(outcomes);
  return score.prompts === 0 ? null : score;
}

/** a / b, or null when b is 0 (no ratio to speak of). */
export function ratioOf(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
