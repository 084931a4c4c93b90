// TreeBoN's decoded tokens against Best-of-N's budget (N x max new tokens), with what early stops left
// unused. The account is the engine's own (core/treeBoNTokens.ts), fed with the lane's folded log.
import type { RunEvent } from '../../core/events.ts';
import { treeBoNTokenAccount } from '../../core/treeBoNTokens.ts';
import { formatCount } from '../format.ts';
import type { LaneState } from '../state/run-state.ts';

export interface TreeBoNBudget {
  readonly n: number;
  readonly maxNewTokens: number;
  /** N x max new tokens: what Best-of-N decodes when no answer ends early. */
  readonly budget: number;
  readonly decoded: number;
  readonly afterStops: number;
  readonly emptySlots: number;
}

/** The finished lane's account, or null while it runs, when it was stopped, or when it is not TreeBoN's. */
export function treeBoNBudget(lane: LaneState): TreeBoNBudget | null {
  const start = lane.start;
  const end = lane.end;
  if (lane.method !== 'treebon' || !start || !end || end.stopped) return null;
  // The spawns and finishes the account reads, rebuilt from the lane (each candidate's layer is its spawn batch).
  const candidates = lane.order.flatMap((id) => lane.candidates.get(id) ?? []);
  const events: RunEvent[] = [
    start,
    { method: 'treebon', t: 0, type: 'spawn', candidates: candidates.map((c) => ({ id: c.id, parent: c.parent, batch: c.batch, prefixLength: c.prefixLength })) },
    ...candidates.flatMap((c): RunEvent[] => (c.finishReason === null ? [] : [{ method: 'treebon', t: 0, type: 'finish', id: c.id, length: c.length, reason: c.finishReason, text: '' }])),
  ];
  const account = treeBoNTokenAccount(events);
  if (!account) return null;
  return {
    n: start.n, maxNewTokens: start.maxNewTokens, budget: account.budget, decoded: end.totals.decodedTokens,
    afterStops: account.afterStops, emptySlots: account.emptySlots,
  };
}

/**
 * The result row's sentence: how much of the budget it shares with Best-of-N (N × max length) TreeBoN
 * decoded, what early stops left unused, and why Best-of-N decoded less of the same budget.
 */
export function describeTreeBoNBudget(b: TreeBoNBudget, bonDecoded: number | null = null): string {
  const budget = `Best-of-N's budget N × max length (${b.n} × ${b.maxNewTokens} = ${formatCount(b.budget)})`;
  const bon = bonDecoded === null || bonDecoded >= b.decoded
    ? ''
    : ` Best-of-N decoded ${formatCount(bonDecoded)} of the same budget: an answer that ends early leaves the rest of its slot unused there, while TreeBoN re-spends slots on new branches.`;
  if (b.decoded === b.budget) return `All of ${budget}.${bon}`;
  const unused = b.budget - b.decoded;
  const explained = b.afterStops + b.emptySlots === unused;
  const why = explained
    ? ` (${formatCount(b.afterStops)} after answers' stop tokens, ${formatCount(b.emptySlots)} in slots held by finished answers)`
    : '';
  return `${formatCount(b.decoded)} of ${budget}; ${formatCount(unused)} left unused by answers that ended early${why}.${bon}`;
}
