// One result row per method, and what Speculative Rejection (or any method) saved against Best-of-N
// on the same prompt, seed and budget.
import type { MethodId } from '../../core/events.ts';
import type { LaneState, RunState } from '../state/run-state.ts';
import { describeTreeBoNBudget, treeBoNBudget } from './treebon-budget.ts';

export interface ResultRow {
  readonly method: MethodId;
  readonly bestReward: number | null;
  readonly winnerId: number | null;
  readonly decodedTokens: number;
  readonly prefillTokens: number;
  readonly rewardTokens: number;
  readonly wallMs: number;
  readonly finished: boolean;
  readonly stopped: boolean;
  /** Against Best-of-N, when both finished: the fraction of decoded tokens saved and the wall-time speed-up. */
  readonly versusBon: { readonly tokensSaved: number; readonly speedup: number; readonly rewardGap: number | null } | null;
  /** TreeBoN: its decoded tokens against Best-of-N's N x max length budget, in words. */
  readonly budgetNote: string | null;
}

export function resultRows(state: RunState): ResultRow[] {
  const bon = state.lanes.bon;
  return state.methods.flatMap((method) => {
    const lane = state.lanes[method];
    if (!lane) return [];
    const totals = lane.end?.totals ?? lane.totals;
    const bestReward = lane.end?.winner?.reward ?? null;
    const bonTotals = bon?.end && !bon.end.stopped ? bon.end.totals : null;
    const comparable = method !== 'bon' && bonTotals && lane.end && !lane.end.stopped;
    const bonReward = bon?.end?.winner?.reward ?? null;
    return [{
      method,
      bestReward,
      winnerId: lane.end?.winner?.id ?? null,
      decodedTokens: totals?.decodedTokens ?? 0,
      prefillTokens: totals?.prefillTokens ?? 0,
      rewardTokens: totals?.rewardTokens ?? 0,
      wallMs: totals?.wallMs ?? lane.lastT,
      finished: lane.end !== null,
      stopped: lane.end?.stopped ?? false,
      versusBon: comparable && totals
        ? {
            tokensSaved: bonTotals.decodedTokens > 0 ? 1 - totals.decodedTokens / bonTotals.decodedTokens : 0,
            speedup: totals.wallMs > 0 ? bonTotals.wallMs / totals.wallMs : 0,
            rewardGap: bestReward !== null && bonReward !== null ? bestReward - bonReward : null,
          }
        : null,
      budgetNote: method === 'treebon' ? budgetNote(lane) : null,
    }];
  });
}

function budgetNote(lane: LaneState): string | null {
  const budget = treeBoNBudget(lane);
  return budget && describeTreeBoNBudget(budget);
}

/** "68% fewer tokens, 2.8x as fast" — or "92% more tokens, 3.4x slower" when the method spent more. */
export function describeVersusBon(v: NonNullable<ResultRow['versusBon']>): string {
  const tokens = v.tokensSaved >= 0 ? `${Math.round(v.tokensSaved * 100)}% fewer tokens` : `${Math.round(-v.tokensSaved * 100)}% more tokens`;
  const speed = !(v.speedup > 0) ? '' : v.speedup >= 1 ? `, ${v.speedup.toFixed(1)}x as fast` : `, ${(1 / v.speedup).toFixed(1)}x slower`;
  return tokens + speed;
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
