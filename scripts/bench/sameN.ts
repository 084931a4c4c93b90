// Same N: Speculative Rejection prunes Best-of-N's own N candidates. Does it save compute, and does it
// keep Best-of-N's best reward? N = 64, a KV budget of N rows of prompt + max new / 8 (so it decides
// at about max new / 8, / 4, / 2: three rounds at alpha = 0.5), alpha in {0.5, 0.7, 0.9}.
import { pearson } from '../../src/core/stats.ts';
import type { RunEvent, RunEventOf } from '../../src/core/events.ts';
import { benchConfig, endOf, flopsOf, mean, ratio, run, sum, type Models } from './runs.ts';

export const SAME_N_ALPHAS = [0.5, 0.7, 0.9];

interface PromptOutcome {
  readonly bon: RunEventOf<'run-end'>;
  readonly bonWorst: number;
  readonly spr: ReadonlyMap<number, { readonly end: RunEventOf<'run-end'>; readonly decisions: number }>;
  /** Partial (at the first decision's length) vs final reward, over the candidates still generating there. */
  readonly correlation: number;
}

async function onePrompt(models: Models, prompt: string, n: number, maxNewTokens: number): Promise<PromptOutcome> {
  const promptTokens = models.generator.encodePrompt(prompt).length;
  const firstRound = Math.max(1, Math.round(maxNewTokens / 8));
  const budget = Math.max(promptTokens + maxNewTokens, n * (promptTokens + firstRound));
  const kv = models.generator.info.kvBytesPerToken;
  const bonLog = await run(models, benchConfig(prompt, ['bon'], n, maxNewTokens, budget, kv, {}, { prefixScoreLengths: [firstRound] }));
  const spr = new Map<number, { end: RunEventOf<'run-end'>; decisions: number }>();
  for (const alpha of SAME_N_ALPHAS) {
    const log = await run(models, benchConfig(prompt, ['spr'], n, maxNewTokens, budget, kv, { alpha, initial: 'n' }));
    spr.set(alpha, { end: endOf(log, 'spr'), decisions: log.filter((e) => e.type === 'decision').length });
  }
  const finals = bonLog.find((e): e is RunEventOf<'final'> => e.type === 'final')!.candidates;
  return { bon: endOf(bonLog, 'bon'), bonWorst: Math.min(...finals.map((c) => c.reward)), spr, correlation: correlationAt(bonLog) };
}

function correlationAt(log: readonly RunEvent[]): number {
  const scores = log.find((e): e is RunEventOf<'prefix-scores'> => e.type === 'prefix-scores');
  const rows = scores?.candidates.filter((c) => c.partial[0] !== null) ?? [];
  return rows.length < 3 ? Number.NaN : pearson(rows.map((c) => c.partial[0]!), rows.map((c) => c.final));
}

export async function sameNRows(models: Models, label: string, prompts: readonly string[], n: number, maxNewTokens: number): Promise<string[]> {
  const outcomes: PromptOutcome[] = [];
  for (const prompt of prompts) outcomes.push(await onePrompt(models, prompt, n, maxNewTokens));
  const correlations = outcomes.map((o) => o.correlation).filter((r) => Number.isFinite(r));
  const bonFlops = outcomes.map((o) => flopsOf(o.bon));
  return SAME_N_ALPHAS.map((alpha) => {
    const spr = outcomes.map((o) => o.spr.get(alpha)!);
    const kept = outcomes.filter((o) => o.spr.get(alpha)!.end.winner!.reward >= o.bon.winner!.reward).length;
    const gains = outcomes.flatMap((o) => {
      const spread = o.bon.winner!.reward - o.bonWorst;
      return spread > 0 ? [(o.spr.get(alpha)!.end.winner!.reward - o.bon.winner!.reward) / spread] : [];
    });
    const improvement = gains.length === 0 ? '-' : (100 * (1 + mean(gains))).toFixed(1);
    const t = (pick: (x: RunEventOf<'run-end'>) => number) => [sum(spr.map((s) => pick(s.end))), sum(outcomes.map((o) => pick(o.bon)))] as const;
    const [sd, bd] = t((e) => e.totals.decodedTokens);
    const [sr, br] = t((e) => e.totals.rewardTokens);
    const [sw, bw] = t((e) => e.totals.wallMs);
    const sprFlops = spr.map((s) => flopsOf(s.end));
    const flops = sprFlops.every((f) => f !== null) && bonFlops.every((f) => f !== null) ? ratio(sum(sprFlops as number[]), sum(bonFlops as number[])) : '-';
    return `| ${label} | ${maxNewTokens} | ${alpha} | ${mean(spr.map((s) => s.decisions)).toFixed(1)} | ${ratio(sd, bd)} | ${ratio(sr, br)} | ${flops} | ${ratio(sw, bw)} | ${((100 * kept) / outcomes.length).toFixed(0)}% | ${improvement} | ${mean(correlations).toFixed(2)} |`;
  });
}

export const SAME_N_HEADER = [
  '| models | new tokens | α | decisions | decoded tokens | reward-model tokens | FLOPs | wall | kept Best-of-N\'s best | improvement score | partial-final r |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
