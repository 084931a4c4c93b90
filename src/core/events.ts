// One event format for everything: live display, export, replay, recorded demos and test fixtures.
// Every run of every method is a sequence of these, in order. Times are ms since the run started.

import type { CombineConfig, SamplingConfig } from './config.ts';
import type { MethodId } from './methodNames.ts';
import type { NumericCheck } from './numericCheck.ts';

export type { MethodId } from './methodNames.ts';

export interface RunTotals {
  /** Tokens sampled by the generator (one per alive row per step). */
  readonly decodedTokens: number;
  /** Tokens pushed through the generator in prefill passes (prompt rows, re-prefills). */
  readonly prefillTokens: number;
  /** Tokens the reward model(s) processed. */
  readonly rewardTokens: number;
  readonly steps: number;
  /** Estimated compute, 2 x parameters x tokens: the generator's (decoded + prefill tokens) and the reward models'. Absent when a model's size is unknown. */
  readonly generatorFlops?: number;
  readonly rewardFlops?: number;
  readonly peakKvBytes: number;
  readonly wallMs: number;
  readonly generateMs: number;
  readonly scoreMs: number;
  readonly pruneMs: number;
}

export interface CandidateSpawn {
  readonly id: number;
  /** TreeBoN: the parent whose prefix this candidate continues; null for a root. */
  readonly parent: number | null;
  /** Best-of-N under a KV budget runs in sequential batches; 0-based. */
  readonly batch: number;
  /** Response tokens inherited from the parent (0 for a root). */
  readonly prefixLength: number;
}

export interface ScoredCandidate {
  readonly id: number;
  /** The score that drives selection (the combined score when several scorers run). */
  readonly reward: number;
  /** Raw score of each scorer, in the order of `run-start.scorers`. */
  readonly scores: readonly number[];
  /** Response tokens so far. */
  readonly length: number;
  readonly finished: boolean;
  readonly text: string;
  /** Reward-model tokens this scoring of it cost (absent in older logs); a streamed reward's are counted as it decodes, not here. */
  readonly rewardTokens?: number;
}

export interface DecisionCandidate extends ScoredCandidate {
  readonly kept: boolean;
}

interface At {
  readonly method: MethodId;
  readonly t: number;
}

export type RunEvent =
  | (At & {
      readonly type: 'run-start';
      readonly prompt: string;
      readonly promptTokens: number;
      readonly n: number;
      readonly maxNewTokens: number;
      readonly kvBytesPerToken: number;
      readonly kvBudgetBytes: number;
      /** Rows the KV budget holds at once for this method's plan. */
      readonly capacityRows: number;
      readonly generator: string;
      readonly scorers: readonly string[];
      /** Indices of the scorers kept up to date while decoding (streamed implicit rewards): they cost the reference one token per decoded token, and re-read nothing at decisions. */
      readonly streamedScorers?: readonly number[];
      /** Parameter estimates behind the FLOPs figures (null where unknown; absent in older logs). */
      readonly parameters?: { readonly generator: number | null; readonly scorers: readonly (number | null)[] };
      /** How several scorers' scores were combined over each pool (present in logs from this version on). */
      readonly combine?: CombineConfig;
      readonly seed?: number;
      readonly sampling?: SamplingConfig;
      /** When the generator ran on WebGPU: its numbers (and a reward score) against WASM's for the same input (numericCheck.ts). */
      readonly numericCheck?: NumericCheck;
      /** Method parameters as run (alpha, decision lengths, children, layers...). */
      readonly params: Readonly<Record<string, number | string | readonly number[]>>;
    })
  | (At & { readonly type: 'spawn'; readonly candidates: readonly CandidateSpawn[] })
  | (At & {
      readonly type: 'step';
      readonly step: number;
      /** Rows decoded in this step. */
      readonly alive: number;
      readonly kvBytes: number;
      /** Cumulative totals up to and including this step. */
      readonly totals: RunTotals;
    })
  | (At & {
      readonly type: 'finish';
      readonly id: number;
      readonly length: number;
      readonly reason: 'stop-token' | 'max-length';
      readonly text: string;
    })
  | (At & {
      readonly type: 'decision';
      readonly round: number;
      /** Response length (tokens) at which the pool was scored. */
      readonly length: number;
      /** Why here: the alive rows filled the KV budget, or a fixed decision length came first (absent in older logs). */
      readonly trigger?: 'budget-full' | 'schedule';
      /** Survivors alpha would have kept that were rejected too, because their next token would not fit the budget. */
      readonly cutForMemory?: number;
      readonly candidates: readonly DecisionCandidate[];
    })
  | (At & { readonly type: 'final'; readonly candidates: readonly ScoredCandidate[] })
  | (At & {
      /** Analysis only (not counted as the method's compute): partial rewards of every
       *  finished trajectory at a grid of prefix lengths, for the partial-vs-final scatter and replay. */
      readonly type: 'prefix-scores';
      readonly lengths: readonly number[];
      readonly candidates: readonly {
        readonly id: number;
        /** Reward at each length; null where the trajectory had ended by then (its score there is `final`). */
        readonly partial: readonly (number | null)[];
        readonly final: number;
        /** Response tokens of the whole trajectory (the stop token included). */
        readonly length?: number;
        /** With several scorers: raw scores per length (null as in `partial`) and at the end, so a replay can re-combine over its own pools. */
        readonly partialScores?: readonly (readonly number[] | null)[];
        readonly finalScores?: readonly number[];
        /** Reward-model tokens of scoring the prefix at each length (null as in `partial`) and the whole response. */
        readonly partialTokens?: readonly (number | null)[];
        readonly finalTokens?: number;
      }[];
      /** Scorers streamed while decoding: each costs the reference the prompt once per prefill and one token per decoded token but the last of each row. */
      readonly streamedScorers?: number;
    })
  | (At & {
      readonly type: 'run-end';
      /** The best complete response (never one cut off mid-answer); null when none completed. */
      readonly winner: ScoredCandidate | null;
      /** True when the run was stopped by its AbortSignal; the winner is the best complete response so far. */
      readonly stopped: boolean;
      readonly totals: RunTotals;
    });

export type RunEventOf<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;
