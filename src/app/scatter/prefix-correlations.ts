// How well a partial reward predicts the final one, at each prefix length Best-of-N scored: the
// paper's argument for rejecting early. Pearson for linear agreement, Kendall's tau for ranking,
// which is what a keep-the-top rule depends on.
import { pearson } from '../../core/stats.ts';
import { prefixPairs } from '../charts/series.ts';
import type { LaneState } from '../state/run-state.ts';
import { kendallTauBFast } from './kendall.ts';

export interface PrefixCorrelation {
  readonly length: number;
  readonly points: readonly { readonly partial: number; readonly final: number; readonly id: number }[];
  /** Best-of-N's answers in all: the points are those at least `length` tokens long. */
  readonly total: number;
  /** NaN with fewer than two points or no spread. */
  readonly pearson: number;
  readonly kendall: number;
}

export function prefixCorrelations(lane: Pick<LaneState, 'prefixScores'>): PrefixCorrelation[] {
  const lengths = lane.prefixScores?.lengths ?? [];
  return lengths.map((length, i) => {
    const points = prefixPairs(lane, i);
    const partial = points.map((p) => p.partial);
    const final = points.map((p) => p.final);
    return { length, points, total: lane.prefixScores?.candidates.length ?? 0, pearson: pearson(partial, final), kendall: kendallTauBFast(partial, final) };
  });
}
