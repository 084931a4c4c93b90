// Scoring a pool of candidates with one or more reward models. One scorer: the reward is its raw
// score. Several: each scorer's scores are normalised over the pool (z-score or rank), then combined
// per candidate (min: the egalitarian rule of MaxMin-RLHF; soft-min; mean). Raw scores are kept for display.
import { throwIfAborted, type AbortSignalLike } from './abort.ts';
import type { ScoreRequest, Scorer } from './backend.ts';
import type { CombineConfig } from './config.ts';
import { EngineError } from './errors.ts';

export interface RawPoolScores {
  /** raw[candidate][scorer], scorers in the order given. */
  readonly raw: number[][];
  /** Tokens the reward models processed. */
  readonly tokens: number;
  /** The same per request, summed over scorers (a scorer that does not report them is split evenly). */
  readonly perRequest: number[];
  /** The same per scorer, in the order given. */
  readonly byScorer: number[];
}

/** Every scorer scores every request; the signal is checked before each scoring call. */
export async function scoreWithAll(scorers: readonly Scorer[], requests: readonly ScoreRequest[], signal?: AbortSignalLike): Promise<RawPoolScores> {
  const raw: number[][] = requests.map(() => []);
  const perRequest = requests.map(() => 0);
  const byScorer = scorers.map(() => 0);
  let tokens = 0;
  if (requests.length === 0) return { raw, tokens, perRequest, byScorer };
  for (const [s, scorer] of scorers.entries()) {
    throwIfAborted(signal);
    const result = await scorer.score(requests, signal);
    if (result.scores.length !== requests.length) {
      throw new EngineError({ code: 'internal', message: `Scorer ${scorer.id} returned ${result.scores.length} scores for ${requests.length} responses.` });
    }
    result.scores.forEach((score, i) => raw[i]!.push(score));
    result.scores.forEach((_, i) => (perRequest[i]! += result.perRequest?.[i] ?? result.tokens / requests.length));
    tokens += result.tokens;
    byScorer[s] = result.tokens;
  }
  return { raw, tokens, perRequest, byScorer };
}

/** The selection reward of each candidate, given every candidate's raw scores over the same pool. */
export function combinePool(raw: readonly (readonly number[])[], combine: CombineConfig): number[] {
  const scorers = raw[0]?.length ?? 0;
  if (scorers <= 1) return raw.map((scores) => scores[0] ?? NaN);
  const columns: number[][] = [];
  for (let s = 0; s < scorers; s++) columns.push(normalise(raw.map((scores) => scores[s]!), combine.normalize));
  return raw.map((_, i) => combineOne(columns.map((column) => column[i]!), combine));
}

export function normalise(values: readonly number[], how: CombineConfig['normalize']): number[] {
  return how === 'z' ? zScores(values) : rankScores(values);
}

/** (x - mean) / std over the pool; all zeros when every value is the same. */
export function zScores(values: readonly number[]): number[] {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n;
  const std = Math.sqrt(variance);
  return values.map((v) => (std > 0 ? (v - mean) / std : 0));
}

/** Rank in [0, 1] (0 the lowest, 1 the highest); tied values share their average rank. */
export function rankScores(values: readonly number[]): number[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(n).fill(0);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]!] === values[order[start]!]) end++;
    const average = (start + end) / 2;
    for (let j = start; j <= end; j++) ranks[order[j]!] = n > 1 ? average / (n - 1) : 0;
    start = end + 1;
  }
  return ranks;
}

/** Combine one candidate's normalised scores. Soft-min is -T log mean(exp(-x / T)): min as T -> 0, mean as T grows. */
export function combineOne(scores: readonly number[], combine: CombineConfig): number {
  if (combine.rule === 'mean') return scores.reduce((sum, v) => sum + v, 0) / scores.length;
  const lowest = Math.min(...scores);
  if (combine.rule === 'min') return lowest;
  const t = combine.temperature;
  const meanExp = scores.reduce((sum, v) => sum + Math.exp(-(v - lowest) / t), 0) / scores.length;
  return lowest - t * Math.log(meanExp);
}

export interface PoolScores extends RawPoolScores {
  readonly rewards: number[];
}

/** Score a whole pool from scratch and combine over it. */
export async function scorePool(scorers: readonly Scorer[], requests: readonly ScoreRequest[], combine: CombineConfig, signal?: AbortSignalLike): Promise<PoolScores> {
  const scored = await scoreWithAll(scorers, requests, signal);
  return { ...scored, rewards: combinePool(scored.raw, combine) };
}
