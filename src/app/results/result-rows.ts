// One result row per method, and what each method saved against Best-of-N on the same prompt, seed and
// budget: one total-cost figure per method (compute, result-cost.ts) so that "less" has one meaning.
import type { MethodId } from '../../core/events.ts';
import type { LaneState, RunState } from '../state/run-state.ts';
import { totalCost, type TotalCost } from './result-cost.ts';
import { describeTreeBoNBudget, treeBoNBudget } from './treebon-budget.ts';

export interface VersusBon {
  /** Fraction of Best-of-N's total compute saved (negative: spent more). */
  readonly computeSaved: number;
  readonly speedup: number;
  /** This method's best reward minus Best-of-N's: a difference, not a reward. */
  readonly rewardGap: number | null;
}

export interface ResultRow {
  readonly method: MethodId;
  readonly bestReward: number | null;
  readonly winnerId: number | null;
  readonly decodedTokens: number;
  readonly prefillTokens: number;
  readonly rewardTokens: number;
  readonly wallMs: number;
  readonly cost: TotalCost;
  readonly finished: boolean;
  readonly stopped: boolean;
  /** Against Best-of-N, when both finished (on the same cost measure). */
  readonly versusBon: VersusBon | null;
  /** TreeBoN: its decoded tokens against Best-of-N's N x max length budget, in words. */
  readonly budgetNote: string | null;
}

export function resultRows(state: RunState): ResultRow[] {
  const bon = state.lanes.bon;
  const bonDone = bon?.end && !bon.end.stopped ? bon.end : null;
  const bonCost = bonDone ? totalCost(bonDone.totals) : null;
  return state.methods.flatMap((method) => {
    const lane = state.lanes[method];
    if (!lane) return [];
    const totals = lane.end?.totals ?? lane.totals;
    const bestReward = lane.end?.winner?.reward ?? null;
    const cost = totalCost(totals);
    const comparable = method !== 'bon' && bonDone && bonCost && lane.end && !lane.end.stopped && totals && bonCost.unit === cost.unit;
    const bonReward = bonDone?.winner?.reward ?? null;
    return [{
      method,
      bestReward,
      winnerId: lane.end?.winner?.id ?? null,
      decodedTokens: totals?.decodedTokens ?? 0,
      prefillTokens: totals?.prefillTokens ?? 0,
      rewardTokens: totals?.rewardTokens ?? 0,
      wallMs: totals?.wallMs ?? lane.lastT,
      cost,
      finished: lane.end !== null,
      stopped: lane.end?.stopped ?? false,
      versusBon: comparable
        ? {
            computeSaved: bonCost.value > 0 ? 1 - cost.value / bonCost.value : 0,
            speedup: totals.wallMs > 0 ? bonDone.totals.wallMs / totals.wallMs : 0,
            rewardGap: bestReward !== null && bonReward !== null ? bestReward - bonReward : null,
          }
        : null,
      budgetNote: method === 'treebon' ? budgetNote(lane, bonDone?.totals.decodedTokens ?? null) : null,
    }];
  });
}

function budgetNote(lane: LaneState, bonDecoded: number | null): string | null {
  const budget = treeBoNBudget(lane);
  return budget && describeTreeBoNBudget(budget, bonDecoded);
}

/**
 * "36% less compute, 2.8x as fast, same best reward" — or "92% more compute, 3.4x slower, best
 * reward higher by 0.04": the reward words say it is a difference, never a reward of 0.00.
 */
export function describeVersusBon(v: VersusBon): string {
  const percent = Math.round(Math.abs(v.computeSaved) * 100);
  const compute = percent === 0 ? 'as much compute' : v.computeSaved > 0 ? `${percent}% less compute` : `${percent}% more compute`;
  const speed = !(v.speedup > 0) ? ''
    : v.speedup >= 0.95 && v.speedup < 1.05 ? ', about as fast'
      : v.speedup >= 1 ? `, ${v.speedup.toFixed(1)}x as fast` : `, ${(1 / v.speedup).toFixed(1)}x slower`;
  return `${compute}${speed}${v.rewardGap === null ? '' : `, ${rewardGapWords(v.rewardGap)}`}`;
}

/** A difference of best rewards in words: "same best reward", "best reward higher by 0.04". */
export function rewardGapWords(gap: number): string {
  if (gap === 0) return 'same best reward';
  const size = Math.abs(gap) < 0.005 ? Math.abs(gap).toPrecision(2) : Math.abs(gap).toFixed(2);
  return `best reward ${gap > 0 ? 'higher' : 'lower'} by ${size}`;
}

/** How the reward models spent their tokens: streamed while decoding, or re-reading prefixes at each decision. */
export function rewardCostNote(scorers: number, streamed: number): string | null {
  if (scorers === 0) return null;
  const streamedWords = 'The implicit DPO reward was streamed: its reference model read each new token once, beside the generator, so decisions re-read nothing.';
  const rereadWords = 'Reward-model tokens: at each decision the reward model re-reads every live candidate\'s whole prefix (a classifier scores a text; it cannot extend a score), which is Speculative Rejection\'s scoring cost.';
  if (streamed === scorers) return streamedWords;
  if (streamed === 0) return rereadWords;
  return `${streamedWords} ${rereadWords.replace('the reward model re-reads', 'each other reward model re-reads')}`;
}
