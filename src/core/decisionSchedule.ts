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

/** The next response length at which to decide, or null when the rest runs to max new tokens. */
export function nextDecisionLength(decision: DecisionSchedule, s: DecisionState): number | null {
  const target =
    decision.mode === 'fixed'
      ? decision.lengths.find((l) => l > s.current)
      : // Over budget already: decide after one more token, as the reference does.
        Math.max(s.current + 1, memoryDecisionLength(s.budgetTokens, s.alive, s.promptTokens));
  return target === undefined || target >= s.maxNewTokens ? null : target;
}
