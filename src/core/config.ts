// Run configuration: what a user sets, in one place. Validation lives beside it.
import type { MethodId } from './events.ts';

export interface SamplingConfig {
  /** 0 means greedy. */
  readonly temperature: number;
  /** 0 means no top-k filter. */
  readonly topK: number;
  /** 1 means no nucleus filter. */
  readonly topP: number;
}

export type DecisionSchedule =
  /** Decide when the KV budget is full: each alive row reaches budgetTokens / alive. */
  | { readonly mode: 'memory' }
  /** Decide at these response lengths (tokens), for teaching. */
  | { readonly mode: 'fixed'; readonly lengths: readonly number[] };

export interface SpeculativeRejectionConfig {
  /** Fraction rejected at each decision point, in [0, 1). */
  readonly alpha: number;
  readonly decision: DecisionSchedule;
  /**
   * First batch. 'n' (same N: does it save compute?): Best-of-N's N, fewer when N rows cannot get a
   * first round inside the budget. 'memory' (same memory, the paper: what does the same GPU buy?): as
   * many as the KV budget holds for a first round of 8 tokens, capped at `maxInitial`.
   */
  readonly initial: 'n' | 'memory';
  readonly maxInitial: number;
}

export interface TreeBoNConfig {
  /** Children per parent at each layer after the first. */
  readonly children: number;
  /** Number of layers the length is split into. */
  readonly layers: number;
  /** Bandit-guided branching constant c; null for an even split. */
  readonly ucb: number | null;
  /**
   * With UCB: children every growing parent gets before the rest are shared by UCB (default 1, so
   * no surviving parent is starved; 0 lets UCB give a parent nothing). At most `children`.
   */
  readonly ucbFloor?: number;
}

export interface CombineConfig {
  readonly rule: 'min' | 'softmin' | 'mean';
  readonly normalize: 'z' | 'rank';
  /** Soft-min temperature. */
  readonly temperature: number;
}

export interface RunConfig {
  readonly prompt: string;
  readonly methods: readonly MethodId[];
  /** Candidates per method (Best-of-N's N; TreeBoN's width; Speculative Rejection's initial batch when initial = 'n'). */
  readonly n: number;
  readonly maxNewTokens: number;
  readonly sampling: SamplingConfig;
  readonly seed: number;
  /** Bytes the generator's KV cache may use. */
  readonly kvBudgetBytes: number;
  readonly spr: SpeculativeRejectionConfig;
  readonly treebon: TreeBoNConfig;
  readonly combine: CombineConfig;
  /** Best-of-N also scores prefixes of its finished trajectories at these lengths (analysis, not counted). */
  readonly prefixScoreLengths: readonly number[];
  /**
   * Best-of-N also records the prefix lengths that replaying Speculative Rejection (this run's
   * schedule and budget, Best-of-N's candidates) needs at each of these alphas, so those replays are exact.
   */
  readonly replayAlphas: readonly number[];
}

/** The alphas the app's replay table and the reward-versus-compute picture sweep. */
export const REPLAY_ALPHAS: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** The reference implementation's defaults (temperature 1, top-k 50, top-p 1, alpha 0.5, memory-driven decisions), sized for a browser. */
export function defaultRunConfig(prompt: string): RunConfig {
  return {
    prompt,
    methods: ['bon', 'spr', 'treebon'],
    n: 16,
    maxNewTokens: 128,
    sampling: { temperature: 1, topK: 50, topP: 1 },
    seed: 1,
    // 64 MiB: SmolLM2-135M (46,080 bytes per token in fp32) holds ~1,450 tokens, so Best-of-16
    // at 128 new tokens needs sequential batches, which is the point the plots make.
    kvBudgetBytes: 64 * 1024 * 1024,
    spr: { alpha: 0.5, decision: { mode: 'memory' }, initial: 'n', maxInitial: 1000 },
    treebon: { children: 4, layers: 4, ucb: null },
    combine: { rule: 'min', normalize: 'z', temperature: 0.5 },
    prefixScoreLengths: [],
    replayAlphas: [],
  };
}
