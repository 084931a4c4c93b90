// Why Speculative Rejection decided where it did, for the KV chart: when the KV budget decides, each
// round runs until every row still being written holds its share of the budget, i.e. to
// ⌊budget tokens ÷ rows⌋ − prompt tokens, the rows counted when the round starts (core/memory.ts
// memoryDecisionLength). Rows that end during the round free their cache, so the memory in use can
// stay under the budget line when the decision comes.
import { memoryDecisionLength } from '../../core/memory.ts';
import type { LaneState } from '../state/run-state.ts';
import { xOf, type XAxisKind } from './series.ts';

export interface DecisionRule {
  readonly round: number;
  readonly x: number;
  /** Response length at the decision. */
  readonly length: number;
  /** Rows being written when the round started. */
  readonly rows: number;
  /** Whether the budget set this length (else a fixed schedule did). */
  readonly byBudget: boolean;
  readonly label: string;
}

export function decisionRules(lane: LaneState, axis: XAxisKind): DecisionRule[] {
  const start = lane.start;
  if (!start || lane.method !== 'spr' || !(start.kvBytesPerToken > 0)) return [];
  const budget = Math.floor(start.kvBudgetBytes / start.kvBytesPerToken);
  let rows = start.n;
  let previousLength = 0;
  return lane.decisions.map((d) => {
    const share = memoryDecisionLength(budget, rows, start.promptTokens);
    // Over budget already: one more token, as the engine does.
    const byBudget = Math.max(previousLength + 1, share) === d.length;
    const label = byBudget
      ? `decision ${d.round}: ⌊${budget} ÷ ${rows} rows⌋ − ${start.promptTokens} = ${d.length} tokens`
      : `decision ${d.round}: at the fixed length ${d.length}`;
    const rule = { round: d.round, x: xOf(d, axis), length: d.length, rows, byBudget, label };
    rows = d.candidates.filter((c) => c.kept && !c.finished).length;
    previousLength = d.length;
    return rule;
  });
}
