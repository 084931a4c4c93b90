// Reward versus compute over a prompt set: every point averaged over the prompts (rewards and each
// compute measure), plus the reference's improvement score of each point (plot_compare.py: per
// prompt, (reward - Best-of-N's best) / (Best-of-N's best - its worst); Best-of-N = 100, its worst = 0).
import type { MethodId } from './events.ts';
import type { Cost, CostPoint, CurvePoint, ReplayPoint, RewardVsCompute, RunPoint } from './rewardVsCompute.ts';

export interface Scored {
  /** Improvement score of this point over the prompts where Best-of-N's answers differ; null when none do. */
  readonly improvement: number | null;
}

export interface MeanRewardVsCompute {
  readonly prompts: number;
  readonly bestOfN: readonly (CurvePoint & Scored)[];
  readonly replay: readonly (ReplayPoint & Scored)[];
  readonly runs: readonly (RunPoint & Scored)[];
}

function meanCost(points: readonly CostPoint[]): CostPoint {
  const avg = (pick: (p: CostPoint) => number) => points.reduce((sum, p) => sum + pick(p), 0) / points.length;
  const flops = points.every((p) => p.flops !== null) ? avg((p) => p.flops!) : null;
  const cost: Cost = { decodedTokens: avg((p) => p.decodedTokens), prefillTokens: avg((p) => p.prefillTokens), rewardTokens: avg((p) => p.rewardTokens), wallMs: avg((p) => p.wallMs), flops };
  return { reward: avg((p) => p.reward), ...cost };
}

/** The reference's improvement score of one point per prompt (points[i] belongs to pictures[i]). */
function improvementOf(pictures: readonly RewardVsCompute[], points: readonly CostPoint[]): number | null {
  const gains: number[] = [];
  points.forEach((point, i) => {
    const picture = pictures[i]!;
    const best = picture.bestOfN.at(-1)!.reward;
    const spread = best - picture.bestOfNWorst;
    if (spread > 0) gains.push((point.reward - best) / spread);
  });
  return gains.length === 0 ? null : 100 * (1 + gains.reduce((a, b) => a + b, 0) / gains.length);
}

/** Means over prompts; a point counts only where every prompt has it (Best-of-k needs the same N everywhere). */
export function meanRewardVsCompute(pictures: readonly RewardVsCompute[]): MeanRewardVsCompute | null {
  if (pictures.length === 0) return null;
  const combine = <P extends CostPoint>(points: readonly P[]): CostPoint & Scored => ({ ...meanCost(points), improvement: improvementOf(pictures, points) });

  const n = Math.min(...pictures.map((p) => p.bestOfN.length));
  const bestOfN = Array.from({ length: n }, (_, i) => ({ k: i + 1, ...combine(pictures.map((p) => p.bestOfN[i]!)) }));

  const alphas = pictures[0]!.replay.map((r) => r.alpha).filter((alpha) => pictures.every((p) => p.replay.some((r) => r.alpha === alpha)));
  const replay = alphas.map((alpha) => {
    const points = pictures.map((p) => p.replay.find((r) => r.alpha === alpha)!);
    return { alpha, exact: points.every((r) => r.exact), ...combine(points) };
  });

  const methods = (['bon', 'spr', 'treebon'] as const).filter((m): m is MethodId => pictures.every((p) => p.runs.some((r) => r.method === m)));
  const runs = methods.map((method) => {
    const points = pictures.map((p) => p.runs.find((r) => r.method === method)!);
    return { method, n: points.reduce((sum, r) => sum + r.n, 0) / points.length, ...combine(points) };
  });
  return { prompts: pictures.length, bestOfN, replay, runs };
}
