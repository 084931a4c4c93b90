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

/** Rows that can start together and still get a first round of min(8, max new tokens) before the budget is full. */
export function rowsForFirstRound(promptTokens: number, budgetTokenCount: number, maxNewTokens: number): number {
  return Math.max(1, rowsThatFit(budgetTokenCount, promptTokens + Math.min(MIN_FIRST_ROUND_TOKENS, maxNewTokens)));
}

export interface InitialBatchPlan {
  /** Rows Speculative Rejection starts with. */
  readonly rows: number;
  /** What was asked for: N (same-N start) or the cap (same-memory start). */
  readonly requested: number;
  /** True when the budget, not the request, set `rows`. */
  readonly limitedByMemory: boolean;
}

/**
 * Speculative Rejection's first batch. 'n': Best-of-N's N, fewer when N rows cannot get a first
 * round inside the budget (no method may exceed it). 'memory' (the paper's comparison): as many as
 * the budget holds for a first round, capped at `maxInitial`.
 */
export function initialBatchPlan(
  start: { readonly initial: 'n' | 'memory'; readonly maxInitial: number },
  n: number,
  promptTokens: number,
  budgetTokenCount: number,
  maxNewTokens: number,
): InitialBatchPlan {
  const requested = start.initial === 'n' ? n : start.maxInitial;
  const fit = rowsForFirstRound(promptTokens, budgetTokenCount, maxNewTokens);
  return { rows: Math.min(requested, fit), requested, limitedByMemory: fit < requested };
}

/**
 * Rows that may go on decoding after a decision at `length`: those whose next token still fits the
 * budget. When rejecting a fraction alpha frees less room than that, more are rejected.
 */
export function rowsThatCanContinue(budgetTokenCount: number, promptTokens: number, length: number): number {
  return rowsThatFit(budgetTokenCount, promptTokens + length + 1);
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
