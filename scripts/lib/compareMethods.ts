// Runs Best-of-N and Speculative Rejection over prompts x seeds on loaded models and averages
// what each spent and reached. Shared by the benchmark and the README figure.
import type { Generator, Scorer } from '../../src/core/backend.ts';
import { defaultRunConfig } from '../../src/core/config.ts';
import type { MethodId, RunEventOf } from '../../src/core/events.ts';
import { runAlignment } from '../../src/core/runAlignment.ts';

export interface Comparison {
  readonly prompts: readonly string[];
  readonly seeds: number;
  readonly n: number;
  readonly maxNewTokens: number;
  readonly alpha: number;
}

export interface MethodMeans {
  readonly bestReward: number;
  readonly decodedTokens: number;
  readonly rewardTokens: number;
  readonly wallMs: number;
  readonly runs: number;
}

/** KV budget of the comparison: N rows of a quarter of the full length, so Best-of-N runs in sequential batches. */
export function quarterLengthBudget(generator: Generator, promptTokens: number, n: number, maxNewTokens: number): number {
  return Math.max(promptTokens + maxNewTokens, n * (promptTokens + Math.ceil(maxNewTokens / 4))) * generator.info.kvBytesPerToken;
}

export async function compareMethods(generator: Generator, scorers: readonly Scorer[], c: Comparison): Promise<Map<MethodId, MethodMeans>> {
  const sums = new Map<MethodId, { bestReward: number; decodedTokens: number; rewardTokens: number; wallMs: number; runs: number }>();
  for (const prompt of c.prompts) {
    for (let seed = 1; seed <= c.seeds; seed++) {
      const base = defaultRunConfig(prompt);
      const kvBudgetBytes = quarterLengthBudget(generator, generator.encodePrompt(prompt).length, c.n, c.maxNewTokens);
      const config = { ...base, methods: ['bon', 'spr'] as MethodId[], n: c.n, maxNewTokens: c.maxNewTokens, seed, kvBudgetBytes, spr: { ...base.spr, alpha: c.alpha } };
      const events = await runAlignment(config, { generator, scorers, onEvent: () => {} });
      for (const end of events.filter((e): e is RunEventOf<'run-end'> => e.type === 'run-end')) {
        const s = sums.get(end.method) ?? { bestReward: 0, decodedTokens: 0, rewardTokens: 0, wallMs: 0, runs: 0 };
        s.bestReward += end.winner?.reward ?? 0;
        s.decodedTokens += end.totals.decodedTokens;
        s.rewardTokens += end.totals.rewardTokens;
        s.wallMs += end.totals.wallMs;
        s.runs += 1;
        sums.set(end.method, s);
      }
    }
  }
  const means = new Map<MethodId, MethodMeans>();
  for (const [method, s] of sums) {
    means.set(method, { bestReward: s.bestReward / s.runs, decodedTokens: s.decodedTokens / s.runs, rewardTokens: s.rewardTokens / s.runs, wallMs: s.wallMs / s.runs, runs: s.runs });
  }
  return means;
}
