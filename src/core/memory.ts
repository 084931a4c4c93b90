// The KV-cache memory model: how many tokens a budget holds, and what that means for each method's batches.
import type { DecodeBatch } from './backend.ts';

export interface KvShape {
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
  /** 4 for fp32, 2 for fp16, 1 for an 8-bit cache. */
  readonly bytesPerElement: number;
}

/** Keys and values (the 2) of every layer, for one token. */
export function kvBytesPerToken(shape: KvShape): number {
  return 2 * shape.layers * shape.kvHeads * shape.headDim * shape.bytesPerElement;
}

/** Tokens (summed over all rows) the budget holds at once. */
export function budgetTokens(kvBudgetBytes: number, bytesPerToken: number): number {
  return Math.floor(kvBudgetBytes / bytesPerToken);
}

/** Rows of `tokensPerRow` tokens that fit in the budget together. */
export function rowsThatFit(budgetTokenCount: number, tokensPerRow: number): number {
  return Math.floor(budgetTokenCount / tokensPerRow);
}

export interface BestOfNPlan {
  /** Rows per batch: as many full-length rows (prompt + max new tokens) as the budget holds, at most N. */
  readonly capacity: number;
  /** Sizes of the sequential batches, in order; they sum to N. */
  readonly batchSizes: readonly number[];
}

/** Best-of-N under a budget: ceil(N / capacity) sequential batches. Null when not even one row fits. */
export function bestOfNPlan(n: number, promptTokens: number, maxNewTokens: number, budgetTokenCount: number): BestOfNPlan | null {
  const capacity = Math.min(n, rowsThatFit(budgetTokenCount, promptTokens + maxNewTokens));
  if (capacity < 1) return null;
  const batchSizes: number[] = [];
  for (let left = n; left > 0; left -= capacity) batchSizes.push(Math.min(capacity, left));
  return { capacity, batchSizes };
}

/**
 * The reference implementation shrinks its fit-to-memory initial batch until the first round can
 * generate at least this many tokens before the budget is full.
 */
export const MIN_FIRST_ROUND_TOKENS = 8;

/** Speculative Rejection's initial batch when it fits memory: the most rows that still get a first round. */
export function fitMemoryInitialBatch(promptTokens: number, budgetTokenCount: number, maxInitial: number): number {
  const fit = rowsThatFit(budgetTokenCount, promptTokens + MIN_FIRST_ROUND_TOKENS);
  return Math.max(1, Math.min(maxInitial, fit));
}

/**
 * Memory-driven decision point: decode until each alive row holds budgetTokens / alive tokens in
 * total; returned as a response length (prompt excluded). May be <= the current length when the
 * batch is already over budget: the caller then decides after one more token, as the reference does.
 */
export function memoryDecisionLength(budgetTokenCount: number, alive: number, promptTokens: number): number {
  return Math.floor(budgetTokenCount / alive) - promptTokens;
}

/** Bytes the batch's cache holds now: rows x the padded width when the backend pads, else the sum of lengths. */
export function batchKvBytes(batch: Pick<DecodeBatch, 'rows' | 'lengths' | 'cacheWidth'>, bytesPerToken: number): number {
  if (batch.cacheWidth !== undefined) return batch.rows * batch.cacheWidth * bytesPerToken;
  let tokens = 0;
  for (const length of batch.lengths) tokens += length;
  return tokens * bytesPerToken;
}
