// Chart series derived from the run store: every step and every reward, on tokens decoded or seconds.
// The charts cut them down to the pixels they occupy when they draw (chart-data.ts).
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

export function xOf(point: { readonly t: number; readonly decodedTokens: number }, axis: XAxisKind): number {
  return axis === 'tokens' ? point.decodedTokens : point.t / 1000;
}

export function stepSeries(lane: LaneState, metric: 'alive' | 'kvBytes', axis: XAxisKind): XY[] {
  return lane.steps.map((s: StepPoint) => ({ x: xOf(s, axis), y: s[metric] }));
}

/** Partial rewards at each decision point and final rewards at the end, on the same x axis as the step charts. */
export function rewardSeries(lane: LaneState, axis: XAxisKind): { partial: RewardPoint[]; final: RewardPoint[] } {
  const partial = lane.decisions.flatMap((d) => d.candidates.map((c) => ({ x: xOf(d, axis), y: c.reward, id: c.id, kept: c.kept })));
  const at = lane.finalAt;
  const final = at && lane.final ? lane.final.map((c) => ({ x: xOf(at, axis), y: c.reward, id: c.id, kept: true })) : [];
  return { partial, final };
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
