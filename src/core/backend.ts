// The contract between the pure engine (src/core) and the model layer (src/models).
// The engine samples tokens itself (seeded, in TypeScript); a backend only runs forward passes
// and keeps the KV cache. Nothing here imports transformers.js.
import type { AbortSignalLike } from './abort.ts';

/** What the engine needs to know about the generator to plan memory and stop rows. */
export interface GeneratorInfo {
  /** Model id or folder, for display. */
  readonly id: string;
  readonly vocabSize: number;
  /** Token ids that end a response (EOS, end-of-turn). */
  readonly stopTokenIds: readonly number[];
  /** Bytes one token occupies in the KV cache: 2 x layers x kvHeads x headDim x bytesPerElement. */
  readonly kvBytesPerToken: number;
  /** Longest sequence (prompt + response) the model accepts, if it says. */
  readonly maxPositions?: number;
  /** Parameters (an estimate), for compute in FLOPs ≈ 2 x parameters x tokens. */
  readonly parameters?: number;
}

/**
 * A batch of rows on the device with their KV cache. Row r's next-token logits are
 * `nextLogits.subarray(r * vocabSize, (r + 1) * vocabSize)`.
 */
export interface DecodeBatch {
  readonly rows: number;
  /** Tokens each row holds in the cache (prompt + response so far, padding excluded). */
  readonly lengths: readonly number[];
  /**
   * Positions each row occupies in the cache, left padding included, when the backend pads rows to
   * one width; absent when the cache holds exactly `lengths`. The engine's KV accounting reads it.
   */
  readonly cacheWidth?: number;
  /** Logits of the next token for every row, row-major [rows x vocab]. Valid until the next call. */
  readonly nextLogits: Float32Array;
  /** Feed one token per row; updates the cache and `nextLogits`. */
  append(tokens: readonly number[]): Promise<void>;
  /**
   * Keep, drop or repeat rows along the batch axis: the new batch's row i is old row `rows[i]`.
   * Repeating a row (TreeBoN's branching) shares its prefix without recomputing it.
   */
  selectRows(rows: readonly number[]): Promise<void>;
  /** Free device memory. The batch is unusable afterwards. */
  dispose(): Promise<void>;
}

export interface Generator {
  readonly info: GeneratorInfo;
  /** Token ids of the prompt as the model expects it (its chat template when it has one). */
  encodePrompt(prompt: string): number[];
  /** Response text of generated token ids (special tokens skipped). */
  decode(tokenIds: readonly number[]): string;
  /**
   * Prefill one row per sequence (they may differ in length; the backend pads). Identical sequences
   * should be computed once and repeated: the engine counts prefill compute over distinct sequences.
   */
  prefill(sequences: readonly (readonly number[])[]): Promise<DecodeBatch>;
}

/** One response to score. */
export interface ScoreRequest {
  readonly prompt: string;
  /** Response text so far (a partial response is scored as if it were complete). */
  readonly response: string;
  /** The generator's token ids of the response, for scorers that share the generator's tokenizer. */
  readonly responseTokenIds?: readonly number[];
}

export interface ScoreResult {
  readonly scores: number[];
  /** Tokens the scorer's model(s) processed for this call (the compute it spent). */
  readonly tokens: number;
  /** The same, per request (they sum to `tokens`); a scorer that cannot tell may leave it out. */
  readonly perRequest?: readonly number[];
}

/**
 * A reward that is a weighted sum over the response's tokens of log p_generator(y_k) - log p_reference(y_k)
 * (the implicit DPO reward with the generator as the policy). The engine keeps it up to date as rows
 * decode: the reference model's cache rows sit beside the generator's (prefilled, selected, dropped and
 * repeated with them), each new token costs the reference one forward position, and a decision scores
 * nothing again. Scores equal scoring the whole text with `score`.
 */
export interface StreamedReward {
  /** The reference model, driven like the generator on the same token ids (it shares the vocabulary). */
  readonly reference: Generator;
  /** Weight of the k-th response token, k from 0. */
  weight(k: number): number;
}

export interface Scorer {
  readonly id: string;
  /** Human label, e.g. "OpenAssistant reward model" or "implicit DPO reward". */
  readonly label: string;
  /** Parameters one of its tokens goes through (an estimate), for compute in FLOPs ≈ 2 x parameters x tokens. */
  readonly parameters?: number;
  /** Present when the engine can keep this reward up to date while decoding instead of calling `score`. */
  readonly streamed?: StreamedReward;
  score(requests: readonly ScoreRequest[], signal?: AbortSignalLike): Promise<ScoreResult>;
}
