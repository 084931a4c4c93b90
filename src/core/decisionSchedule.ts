// Where Speculative Rejection decides next: shared by the engine and the replay.
import type { DecisionSchedule } from './config.ts';
import { memoryDecisionLength } from './memory.ts';

export interface DecisionState {
  /** Response length of the alive rows now. */
  readonly current: number;
  /** Rows still decoding. */
  readonly alive: number;
  readonly budgetTokens: number;
  readonly promptTokens: number;
  readonly maxNewTokens: number;
}

export interface NextDecision {
  /** Response length at which the pool is scored. */
  readonly length: number;
  /** 'budget-full': the alive rows fill the KV budget there; 'schedule': a fixed decision length came first. */
  readonly trigger: 'budget-full' | 'schedule';
}

/**
 * The next decision, or null when the alive rows can run to max new tokens. The budget always
 * decides when it is full, also under a fixed schedule (no method may exceed it); a fixed length
 * that comes sooner decides first.
 */
export function nextDecision(decision: DecisionSchedule, s: DecisionState): NextDecision | null {
  // Over budget already (only a batch that never fitted): decide after one more token, as the reference does.
  const full = Math.max(s.current + 1, memoryDecisionLength(s.budgetTokens, s.alive, s.promptTokens));
  const scheduled = decision.mode === 'fixed' ? decision.lengths.find((l) => l > s.current) : undefined;
  const next: NextDecision =
    scheduled !== undefined && scheduled < full ? { length: scheduled, trigger: 'schedule' } : { length: full, trigger: 'budget-full' };
  return next.length >= s.maxNewTokens ? null : next;
}

/** The next decision's response length, or null when the rest runs to max new tokens. */
export function nextDecisionLength(decision: DecisionSchedule, s: DecisionState): number | null {
  return nextDecision(decision, s)?.length ?? null;
}
