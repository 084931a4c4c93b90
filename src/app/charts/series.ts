// Chart series derived from the run store, small enough to redraw at every batch of events:
// long step logs are thinned to a fixed number of points, keeping every point where the value changes.
import type { LaneState, StepPoint } from '../state/run-state.ts';

/** Tokens decoded so far, or seconds since the method started. */
export type XAxisKind = 'tokens' | 'time';

export interface XY {
  readonly x: number;
  readonly y: number;
}

export interface RewardPoint extends XY {
  readonly id: number;
  /** Partial rewards: kept at the decision or cut. Final rewards: always true. */
  readonly kept: boolean;
}

export const MAX_POINTS = 200;

export function xOf(point: { readonly t: number; readonly decodedTokens: number }, axis: XAxisKind): number {
  return axis === 'tokens' ? point.decodedTokens : point.t / 1000;
}

export function stepSeries(lane: LaneState, metric: 'alive' | 'kvBytes', axis: XAxisKind, maxPoints = MAX_POINTS): XY[] {
  const points = lane.steps.map((s: StepPoint) => ({ x: xOf(s, axis), y: s[metric] }));
  return thin(points, maxPoints);
}

/** Keeps the first and last points and every change of value, then thins evenly to at most `maxPoints`. */
export function thin(points: readonly XY[], maxPoints: number): XY[] {
  if (points.length <= maxPoints) return [...points];
  const changes = points.filter((p, i) => i === 0 || i === points.length - 1 || p.y !== points[i - 1]?.y || p.y !== points[i + 1]?.y);
  if (changes.length <= maxPoints) return changes;
  const stride = (changes.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, i) => changes[Math.round(i * stride)] as XY);
}

/** Reward points drawn per group (one decision's kept, its cut, the final rewards): enough to show the spread. */
export const MAX_REWARD_POINTS = 24;

/**
 * Partial rewards at each decision point and final rewards at the end, on the same x axis as the step
 * charts. Each group is thinned by rank to `maxPerGroup` points (the lowest and highest always kept), so
 * N = 128 draws a few hundred points in all rather than a thousand.
 */
export function rewardSeries(lane: LaneState, axis: XAxisKind, maxPerGroup = MAX_REWARD_POINTS): { partial: RewardPoint[]; final: RewardPoint[] } {
  const partial = lane.decisions.flatMap((d) => {
    const points = d.candidates.map((c) => ({ x: xOf(d, axis), y: c.reward, id: c.id, kept: c.kept }));
    return [...thinByRank(points.filter((p) => p.kept), maxPerGroup), ...thinByRank(points.filter((p) => !p.kept), maxPerGroup)];
  });
  const at = lane.finalAt;
  const final = at && lane.final ? thinByRank(lane.final.map((c) => ({ x: xOf(at, axis), y: c.reward, id: c.id, kept: true })), maxPerGroup) : [];
  return { partial, final };
}

/** At most `max` points evenly spaced in rank of y (lowest and highest included; just the highest for one), in rank order. */
export function thinByRank<T extends XY>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const sorted = [...points].sort((a, b) => a.y - b.y);
  if (max <= 1) return max < 1 ? [] : sorted.slice(-1);
  const stride = (sorted.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => sorted[Math.round(i * stride)] as T);
}

/** The x-axis extent over several lanes, so that methods share one scale and compute differences show. */
export function xExtent(lanes: readonly LaneState[], axis: XAxisKind): [number, number] {
  let max = 0;
  for (const lane of lanes) {
    const last = lane.steps.at(-1);
    if (last) max = Math.max(max, xOf(last, axis));
    if (lane.finalAt) max = Math.max(max, xOf(lane.finalAt, axis));
    if (axis === 'time') max = Math.max(max, lane.lastT / 1000);
  }
  return [0, max > 0 ? max : 1];
}

/** Partial-vs-final pairs at one prefix length of Best-of-N's prefix-scores event (finished, long enough). */
export function prefixPairs(lane: Pick<LaneState, 'prefixScores'>, lengthIndex: number): { partial: number; final: number; id: number }[] {
  const ps = lane.prefixScores;
  if (!ps) return [];
  return ps.candidates.flatMap((c) => {
    const partial = c.partial[lengthIndex];
    return partial === null || partial === undefined ? [] : [{ partial, final: c.final, id: c.id }];
  });
}
