// The numbers the guided walk speaks of, read off a finished run's state: the memory budget in tokens,
// Best-of-N's batches, why each decision came where it did, and when things happened on each method's clock.
import type { LaneState, DecisionView } from '../state/run-state.ts';

export interface MemoryFacts {
  readonly budgetTokens: number;
  readonly promptTokens: number;
  readonly maxNewTokens: number;
}

export function memoryFacts(lane: LaneState): MemoryFacts | null {
  const s = lane.start;
  if (!s || s.kvBytesPerToken <= 0) return null;
  return { budgetTokens: Math.floor(s.kvBudgetBytes / s.kvBytesPerToken), promptTokens: s.promptTokens, maxNewTokens: s.maxNewTokens };
}

export interface DecisionFacts {
  readonly round: number;
  readonly length: number;
  /** Rows being written when the round began: the decision comes where they would fill the memory. */
  readonly rows: number;
  /** Of those, rows that ended on their own before the decision (their room went unused). */
  readonly endedBefore: number;
  /** Complete answers in the pool (ended before it, or kept from earlier rounds). */
  readonly completeInPool: number;
  readonly pool: number;
  readonly kept: number;
  readonly cut: number;
  readonly cutForMemory: number;
  readonly trigger: NonNullable<DecisionView['trigger']>;
  /** Cache tokens the round's rows would hold there: rows × (prompt + length). */
  readonly plannedTokens: number;
  /** ms since the method's start. */
  readonly t: number;
}

export function decisionFacts(lane: LaneState, memory: MemoryFacts): DecisionFacts[] {
  return lane.decisions.map((d, i) => {
    const previous = lane.decisions[i - 1];
    const rows = previous ? previous.candidates.filter((c) => c.kept && !c.finished).length : (lane.start?.n ?? d.total);
    const completeInPool = d.candidates.filter((c) => c.finished).length;
    const stillWriting = d.total - completeInPool;
    const plannedTokens = rows * (memory.promptTokens + d.length);
    // Older logs do not say why: a decision where one more token per row would overflow the memory was the memory's.
    const full = plannedTokens <= memory.budgetTokens && rows * (memory.promptTokens + d.length + 1) > memory.budgetTokens;
    return {
      round: d.round, length: d.length, rows, endedBefore: Math.max(0, rows - stillWriting), completeInPool, pool: d.total, kept: d.kept,
      cut: d.total - d.kept, cutForMemory: d.cutForMemory, trigger: d.trigger ?? (full ? 'budget-full' : 'schedule'), plannedTokens, t: d.t,
    };
  });
}

/** When the lane had its answer (its final scoring), ms since its start; its last event if it never got there. */
export function answerTime(lane: LaneState): number {
  return lane.finalAt?.t ?? lane.lastT;
}

/** A share as a whole percentage. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–';
}
