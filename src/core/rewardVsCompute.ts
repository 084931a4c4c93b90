// The paper's picture from one run's event log: best reward against compute. Best-of-N is a curve
// over N = 1, 2, 4, ... (the best of its first k recorded candidates, and what those cost), Speculative
// Rejection a point per alpha (the same-N replay of Best-of-N's candidates) plus its real run, TreeBoN
// its real run. Compute is decoded tokens, reward-model tokens, wall time, and estimated FLOPs
// (2 x parameters x tokens, generator and reward models added). Curve and replay costs of tokens are
// exact (each candidate's own tokens); their wall times are estimates at Best-of-N's measured rates.
import { REPLAY_ALPHAS, type CombineConfig } from './config.ts';
import type { MethodId, RunEvent, RunEventOf, RunTotals, ScoredCandidate } from './events.ts';
import { replayFromRecord, replayRecordOf, type ReplayRecord } from './replay.ts';
import { combinePool } from './scorePool.ts';
import { bestOf } from './selection.ts';

export interface Cost {
  readonly decodedTokens: number;
  readonly prefillTokens: number;
  readonly rewardTokens: number;
  readonly wallMs: number;
  /** Generator + reward-model FLOPs; null when a model's size is unknown. */
  readonly flops: number | null;
}

export interface CostPoint extends Cost {
  readonly reward: number;
}

export interface CurvePoint extends CostPoint {
  /** Best-of-k: the first k of Best-of-N's candidates. */
  readonly k: number;
}

export interface ReplayPoint extends CostPoint {
  readonly alpha: number;
  /** Every decision length was recorded: the point is what a same-N run would give, not an approximation. */
  readonly exact: boolean;
}

export interface RunPoint extends CostPoint {
  readonly method: MethodId;
  /** Candidates it started with. */
  readonly n: number;
}

export interface RewardVsCompute {
  /** Best-of-k for every k from 1 to N (`doublings` picks the ones to draw). */
  readonly bestOfN: readonly CurvePoint[];
  /** The lowest reward among Best-of-N's answers (the improvement score's zero). */
  readonly bestOfNWorst: number;
  /** Speculative Rejection replayed on Best-of-N's candidates for each alpha (empty without prefix scores). */
  readonly replay: readonly ReplayPoint[];
  /** Each finished method's own run, measured. */
  readonly runs: readonly RunPoint[];
}

export type CostMetric = 'decodedTokens' | 'allTokens' | 'flops' | 'wallMs';

/** The compute a point spent by one measure: decoded tokens, decoded + reward-model tokens, FLOPs or wall time. */
export function costOf(point: Cost, metric: CostMetric): number | null {
  switch (metric) {
    case 'decodedTokens':
      return point.decodedTokens;
    case 'allTokens':
      return point.decodedTokens + point.rewardTokens;
    case 'flops':
      return point.flops;
    case 'wallMs':
      return point.wallMs;
  }
}

function lastOf<T extends RunEvent['type']>(log: readonly RunEvent[], method: MethodId, type: T): RunEventOf<T> | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (e.method === method && e.type === type) return e as RunEventOf<T>;
  }
  return undefined;
}

/** Rates that turn a candidate set's tokens into compute, from Best-of-N's measured totals. */
interface Rates {
  readonly promptTokens: number;
  readonly capacity: number;
  readonly generatorParameters: number | null;
  /** Mean reward-model parameters per counted token (exact with one scorer). */
  readonly rewardParameters: number | null;
  readonly generateMsPerToken: number;
  readonly scoreMsPerToken: number;
  /** Scorers streamed while decoding (each reads the prompt per batch and every decoded token but each row's last). */
  readonly streamedScorers: number;
}

function ratesOf(start: RunEventOf<'run-start'>, totals: RunTotals): Rates {
  const generated = totals.decodedTokens + totals.prefillTokens;
  const capacity = typeof start.params['capacity'] === 'number' ? start.params['capacity'] : start.capacityRows;
  return {
    promptTokens: start.promptTokens,
    capacity: Math.max(1, capacity),
    generatorParameters: start.parameters?.generator ?? null,
    rewardParameters: totals.rewardFlops !== undefined && totals.rewardTokens > 0 ? totals.rewardFlops / (2 * totals.rewardTokens) : null,
    generateMsPerToken: generated > 0 ? totals.generateMs / generated : 0,
    scoreMsPerToken: totals.rewardTokens > 0 ? totals.scoreMs / totals.rewardTokens : 0,
    streamedScorers: start.streamedScorers?.length ?? 0,
  };
}

/** What a run that decoded and scored these many tokens would cost, at Best-of-N's rates. */
function estimate(rates: Rates, tokens: { decodedTokens: number; prefillTokens: number; rewardTokens: number }): Cost {
  const { decodedTokens, prefillTokens, rewardTokens } = tokens;
  const flops =
    rates.generatorParameters === null || (rewardTokens > 0 && rates.rewardParameters === null)
      ? null
      : 2 * rates.generatorParameters * (decodedTokens + prefillTokens) + 2 * (rates.rewardParameters ?? 0) * rewardTokens;
  return {
    decodedTokens,
    prefillTokens,
    rewardTokens,
    wallMs: rates.generateMsPerToken * (decodedTokens + prefillTokens) + rates.scoreMsPerToken * rewardTokens,
    flops,
  };
}

function measured(totals: RunTotals): Cost {
  return {
    decodedTokens: totals.decodedTokens,
    prefillTokens: totals.prefillTokens,
    rewardTokens: totals.rewardTokens,
    wallMs: totals.wallMs,
    flops: totals.generatorFlops !== undefined && totals.rewardFlops !== undefined ? totals.generatorFlops + totals.rewardFlops : null,
  };
}

/** k = 1, 2, 4, ... below n, then n. */
export function doublings(n: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k < n; k *= 2) ks.push(k);
  if (n >= 1) ks.push(n);
  return ks;
}

/** Best-of-k over the first k of Best-of-N's candidates (in id order, as its batches ran), with its cost. */
function bestOfFirst(k: number, finals: readonly ScoredCandidate[], rates: Rates, combine: CombineConfig | undefined, totalRewardTokens: number): CurvePoint {
  const first = finals.slice(0, k);
  const several = combine !== undefined && (first[0]?.scores.length ?? 0) > 1;
  const rewards = several ? combinePool(first.map((c) => c.scores), combine) : first.map((c) => c.reward);
  const best = bestOf(first.map((c, i) => ({ id: c.id, reward: rewards[i]! })));
  const decodedTokens = first.reduce((sum, c) => sum + c.length, 0);
  const allDecoded = finals.reduce((sum, c) => sum + c.length, 0);
  // Best-of-k prefills the prompt once per sequential batch of min(k, capacity) rows.
  const prefillTokens = Math.ceil(k / Math.min(k, rates.capacity)) * rates.promptTokens;
  // A streamed reward's reference reads each batch's prompt and every decoded token but each row's last.
  const streamed = rates.streamedScorers * (prefillTokens + decodedTokens - k);
  // Logs without per-candidate costs: the reward-model tokens split in proportion to response lengths.
  const rewardTokens = first.every((c) => c.rewardTokens !== undefined)
    ? first.reduce((sum, c) => sum + c.rewardTokens!, 0) + streamed
    : allDecoded > 0 ? (totalRewardTokens * decodedTokens) / allDecoded : 0;
  return { k, reward: best?.reward ?? Number.NaN, ...estimate(rates, { decodedTokens, prefillTokens, rewardTokens }) };
}

/** The picture for one run; null until Best-of-N has finished (its answers are the curve). */
export function rewardVersusCompute(log: readonly RunEvent[], alphas: readonly number[] = REPLAY_ALPHAS): RewardVsCompute | null {
  const bonStart = lastOf(log, 'bon', 'run-start');
  const bonFinal = lastOf(log, 'bon', 'final');
  const bonEnd = lastOf(log, 'bon', 'run-end');
  if (!bonStart || !bonFinal || !bonEnd || bonEnd.stopped || bonFinal.candidates.length === 0) return null;
  const rates = ratesOf(bonStart, bonEnd.totals);
  const finals = [...bonFinal.candidates].sort((a, b) => a.id - b.id);
  const combine = bonStart.combine;
  const bestOfN = finals.map((_, i) => bestOfFirst(i + 1, finals, rates, combine, bonEnd.totals.rewardTokens));
  const bestOfNWorst = Math.min(...finals.map((c) => c.reward));

  const runs: RunPoint[] = [];
  for (const method of ['bon', 'spr', 'treebon'] as const) {
    const start = lastOf(log, method, 'run-start');
    const end = lastOf(log, method, 'run-end');
    if (!start || !end || end.stopped || !end.winner) continue;
    runs.push({ method, n: start.n, reward: end.winner.reward, ...measured(end.totals) });
  }

  const sprStart = lastOf(log, 'spr', 'run-start');
  let record: ReplayRecord | null = null;
  try {
    record = replayRecordOf(log);
  } catch {
    record = null;
  }
  const replay: ReplayPoint[] = record === null ? [] : replayPoints(record, sprStart, combine, rates, alphas, bonEnd.totals.rewardTokens);
  return { bestOfN, bestOfNWorst, replay, runs };
}

function replayPoints(
  record: ReplayRecord,
  sprStart: RunEventOf<'run-start'> | undefined,
  combine: CombineConfig | undefined,
  rates: Rates,
  alphas: readonly number[],
  bonRewardTokens: number,
): ReplayPoint[] {
  const lengths = sprStart?.params['decisionLengths'];
  const decision = sprStart?.params['decision'] === 'fixed' && Array.isArray(lengths) ? { mode: 'fixed' as const, lengths } : { mode: 'memory' as const };
  const several = combine !== undefined && record.candidates.every((c) => c.finalScores !== undefined);
  return alphas.flatMap((alpha) => {
    const result = replayFromRecord(record, { alpha, decision, ...(several && { combine }) });
    if (result.winner === null) return [];
    const rewardTokens =
      result.rewardTokens ?? (result.bestOfNDecodedTokens > 0 ? (bonRewardTokens * result.decodedTokens) / result.bestOfNDecodedTokens : 0);
    const cost = estimate(rates, { decodedTokens: result.decodedTokens, prefillTokens: rates.promptTokens, rewardTokens });
    return [{ alpha, exact: !result.approximate, reward: result.winner.reward, ...cost }];
  });
}

export interface CatchUp {
  /** The smallest Best-of-k whose best reward reaches the target; null when even Best-of-N does not. */
  readonly k: number | null;
  /** Best-of-k's compute over the target's own, per measure (at k = N when Best-of-N never catches up: a lower bound). */
  readonly ratios: Readonly<Record<CostMetric, number | null>>;
}

/** How much compute Best-of-N (a curve over every k) needs to reach `target`'s reward, as multiples of `target`'s compute. */
export function bestOfNCatchUp(curve: readonly CurvePoint[], target: CostPoint): CatchUp | null {
  if (curve.length === 0) return null;
  const reached = curve.find((p) => p.reward >= target.reward) ?? null;
  const at = reached ?? curve.at(-1)!;
  const ratio = (metric: CostMetric): number | null => {
    const mine = costOf(target, metric);
    const theirs = costOf(at, metric);
    return mine === null || theirs === null || mine <= 0 ? null : theirs / mine;
  };
  return { k: reached?.k ?? null, ratios: { decodedTokens: ratio('decodedTokens'), allTokens: ratio('allTokens'), flops: ratio('flops'), wallMs: ratio('wallMs') } };
}
