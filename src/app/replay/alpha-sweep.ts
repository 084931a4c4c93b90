// "What if α were different?": Speculative Rejection's selection replayed for every α from Best-of-N's
// recorded answers and their prefix scores (core/replay.ts), no model involved, so it is instant. Each
// candidate samples from its own seeded stream in both methods, so Best-of-N's answers are exactly the
// rollouts Speculative Rejection would have grown; at the run's own α and schedule the replay reproduces
// a same-N run exactly (Best-of-N records every decision length these replays need).
import { REPLAY_ALPHAS, type CombineConfig, type DecisionSchedule } from '../../core/config.ts';
import type { RunEvent, RunEventOf, ScoredCandidate } from '../../core/events.ts';
import { replaySpeculativeRejection, type ReplayRound } from '../../core/replay.ts';
import { keepCount } from '../../core/selection.ts';
import type { RunState } from '../state/run-state.ts';

export const SWEEP_ALPHAS = REPLAY_ALPHAS;

export interface AlphaRow {
  readonly alpha: number;
  readonly reward: number | null;
  readonly winnerId: number | null;
  readonly decodedTokens: number;
  /** Reward-model tokens it would have spent (null for logs without per-candidate costs). */
  readonly rewardTokens: number | null;
  /** Decision points the replay went through. */
  readonly rounds: number;
  /** Candidates α would have kept that were cut because their next token would not fit the budget, over all decisions. */
  readonly cutForMemory: number;
  /** A decision length fell between recorded prefix lengths: the nearest shorter one's scores stood in. */
  readonly approximate: boolean;
}

export interface AlphaSweep {
  readonly rows: readonly AlphaRow[];
  readonly decision: DecisionSchedule;
  /** Best-of-N's decoded tokens over the same candidates (every one to its end). */
  readonly bestOfNDecodedTokens: number;
  /** Candidates the replay starts with: Best-of-N's N, fewer when N rows do not get a first round in the budget. */
  readonly started: number;
  /** Best-of-N's N. */
  readonly n: number;
  /** The α Speculative Rejection ran with, when it started the replay's candidates (the same-N comparison). */
  readonly runAlpha: number | null;
  readonly prefixLengths: readonly number[];
}

/** What the sweep reads from a run: Best-of-N's record and Speculative Rejection's plan. */
export interface SweepInput {
  readonly bonStart: RunEventOf<'run-start'> | null;
  readonly bonFinal: readonly ScoredCandidate[] | null;
  readonly prefixScores: RunEventOf<'prefix-scores'> | null;
  readonly sprStart: RunEventOf<'run-start'> | null;
  readonly combine: CombineConfig | null;
}

export function sweepInputOf(state: RunState): SweepInput {
  const { bon, spr } = state.lanes;
  return {
    bonStart: bon?.start ?? null, bonFinal: bon?.final ?? null, prefixScores: bon?.prefixScores ?? null,
    sprStart: spr?.start ?? null, combine: state.combine,
  };
}

/** The schedule Speculative Rejection ran with (memory-driven when it did not run). */
function scheduleOf(sprStart: RunEventOf<'run-start'> | null): DecisionSchedule {
  const params = sprStart?.params;
  const lengths = params?.['decisionLengths'];
  return params?.['decision'] === 'fixed' && Array.isArray(lengths) ? { mode: 'fixed', lengths } : { mode: 'memory' };
}

/** Cut at a decision beyond the fraction α: survivors whose next token would not fit the budget. */
export function cutForMemoryIn(round: Pick<ReplayRound, 'pool' | 'kept'>, alpha: number): number {
  return keepCount(round.pool.length, alpha) - round.kept.length;
}

/** Null until Best-of-N has finished with prefix scores (the replay's only input). */
export function alphaSweep(input: SweepInput, alphas: readonly number[] = SWEEP_ALPHAS): AlphaSweep | null {
  const { bonStart, bonFinal, prefixScores, sprStart, combine } = input;
  if (!bonStart || !bonFinal || !prefixScores || prefixScores.lengths.length === 0) return null;
  const log: RunEvent[] = [bonStart, { method: 'bon', t: 0, type: 'final', candidates: bonFinal }, prefixScores];
  const decision = scheduleOf(sprStart);
  let bestOfNDecodedTokens = 0;
  let started = bonStart.n;
  const rows = alphas.map((a): AlphaRow => {
    const result = replaySpeculativeRejection(log, { alpha: a, decision, ...(combine && { combine }) });
    bestOfNDecodedTokens = result.bestOfNDecodedTokens;
    started = result.started;
    return {
      alpha: a,
      reward: result.winner?.reward ?? null,
      winnerId: result.winner?.id ?? null,
      decodedTokens: result.decodedTokens,
      rewardTokens: result.rewardTokens,
      rounds: result.rounds.length,
      cutForMemory: result.rounds.reduce((sum, r) => sum + cutForMemoryIn(r, a), 0),
      approximate: result.approximate,
    };
  });
  const sameCandidates = sprStart?.params['initial'] !== 'memory' && sprStart?.n === started;
  const alpha = sprStart?.params['alpha'];
  const runAlpha = sameCandidates && typeof alpha === 'number' ? alpha : null;
  return { rows, decision, bestOfNDecodedTokens, started, n: bonStart.n, runAlpha, prefixLengths: prefixScores.lengths };
}
