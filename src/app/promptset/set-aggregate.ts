// The aggregate of a prompt set's finished prompts, as the study prints it: per method the mean best
// reward and the summed compute, ratios and win rate against Best-of-N, the improvement score, and the
// reward-versus-compute picture averaged over the prompts.
import type { MethodId } from '../../core/events.ts';
import { meanRewardVsCompute, type MeanRewardVsCompute } from '../../core/rewardVsComputeMean.ts';
import { isFinished, type PromptOutcome } from '../../promptset/promptOutcome.ts';
import { improvement, methodTotals, ratioOf, winRate, type MethodTotals } from '../../promptset/setTotals.ts';

export interface AggregateRow extends MethodTotals {
  /** Against Best-of-N's totals (null for Best-of-N itself, or without it). */
  readonly versusBon: { readonly decoded: number | null; readonly rewardTokens: number | null; readonly wall: number | null; readonly rewardGap: number | null } | null;
  readonly winRate: number | null;
  readonly improvement: number | null;
}

export interface SetAggregateView {
  readonly prompts: number;
  readonly rows: readonly AggregateRow[];
  /** Prompts the improvement score counted, and those it left out (every Best-of-N answer scoring the same). */
  readonly improvementOver: { readonly prompts: number; readonly skipped: number } | null;
  readonly picture: MeanRewardVsCompute | null;
}

export function setAggregate(outcomes: readonly (PromptOutcome | null)[]): SetAggregateView {
  const finished = outcomes.filter((o): o is PromptOutcome => o !== null && isFinished(o));
  const totals = methodTotals(finished);
  const bon = totals.find((t) => t.method === 'bon');
  const others = totals.map((t) => t.method).filter((m): m is MethodId => m !== 'bon');
  const scores = new Map(others.map((m) => [m, improvement(finished, m)]));
  const rows = totals.map((t): AggregateRow => ({
    ...t,
    versusBon: bon && t.method !== 'bon' ? {
      decoded: ratioOf(t.totals.decodedTokens, bon.totals.decodedTokens),
      rewardTokens: ratioOf(t.totals.rewardTokens, bon.totals.rewardTokens),
      wall: ratioOf(t.totals.wallMs, bon.totals.wallMs),
      rewardGap: t.bestReward !== null && bon.bestReward !== null ? t.bestReward - bon.bestReward : null,
    } : null,
    winRate: t.method === 'bon' ? null : winRate(finished, t.method),
    improvement: t.method === 'bon' ? (bon ? 100 : null) : (scores.get(t.method)?.score ?? null),
  }));
  const counted = others.map((m) => scores.get(m)).find((s) => s != null) ?? null;
  return {
    prompts: finished.length,
    rows,
    improvementOver: counted ? { prompts: counted.prompts, skipped: counted.skipped } : null,
    picture: meanRewardVsCompute(finished.flatMap((o) => (o.picture ? [o.picture] : []))),
  };
}
