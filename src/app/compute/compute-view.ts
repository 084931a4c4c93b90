// What the reward-versus-compute panel draws, from the run's store: the engine's picture
// (core/rewardVsCompute.ts) over a log rebuilt from each lane's start, answers, prefix scores and end,
// the points in the chosen measure of compute, and what Best-of-N needs to catch each method up.
import type { MethodId, RunEvent } from '../../core/events.ts';
import { bestOfNCatchUp, costOf, doublings, rewardVersusCompute, type CatchUp, type CostMetric, type CostPoint, type RewardVsCompute } from '../../core/rewardVsCompute.ts';
import type { LaneState } from '../state/run-state.ts';

export interface PlotPoint {
  readonly x: number;
  readonly y: number;
  readonly label: string;
}

export interface ComputeView {
  readonly metric: CostMetric;
  readonly bestOfN: readonly PlotPoint[];
  readonly replay: readonly PlotPoint[];
  readonly runs: readonly (PlotPoint & { readonly method: MethodId; readonly n: number })[];
  /** Per method other than Best-of-N: what Best-of-N needs to reach its reward. */
  readonly catchUps: readonly { readonly method: MethodId; readonly reward: number; readonly catchUp: CatchUp }[];
  /** Best-of-N's N, and whether Speculative Rejection started from the same memory (its replay is then a same-N what-if). */
  readonly n: number;
  readonly sprStart: 'n' | 'memory' | null;
  readonly parameters: { readonly generator: number | null; readonly scorers: readonly (number | null)[] } | null;
  /** Measures every point has. */
  readonly metrics: readonly CostMetric[];
}

/** What the picture reads of one lane: each field changes once per run, so selecting them re-renders rarely. */
export interface LanePicture {
  readonly start: LaneState['start'];
  readonly final: LaneState['final'];
  readonly prefixScores: LaneState['prefixScores'];
  readonly end: LaneState['end'];
}

/** The slice of the log the picture reads (the store keeps these per lane). */
export function pictureLog(lanes: readonly (LanePicture | null)[]): RunEvent[] {
  const log: RunEvent[] = [];
  for (const lane of lanes) {
    if (!lane?.start) continue;
    const method = lane.start.method;
    log.push(lane.start);
    if (lane.final) log.push({ method, t: lane.start.t, type: 'final', candidates: lane.final });
    if (lane.prefixScores) log.push(lane.prefixScores);
    if (lane.end) log.push(lane.end);
  }
  return log;
}

const METRICS: readonly CostMetric[] = ['flops', 'allTokens', 'decodedTokens', 'wallMs'];

export function computeView(log: readonly RunEvent[], wanted: CostMetric): ComputeView | null {
  return computeViewOf(rewardVersusCompute(log), log, wanted);
}

/** The view of `picture`, the engine's picture of `log` (computed apart: it is the costly part). */
export function computeViewOf(picture: RewardVsCompute | null, log: readonly RunEvent[], wanted: CostMetric): ComputeView | null {
  if (picture === null) return null;
  const sprStart = log.find((e) => e.method === 'spr' && e.type === 'run-start');
  const initial = sprStart?.type === 'run-start' ? sprStart.params['initial'] : undefined;
  const bonStart = log.find((e) => e.method === 'bon' && e.type === 'run-start');
  return pictureView(picture, wanted, {
    sprStart: initial === 'memory' ? 'memory' : sprStart ? 'n' : null,
    parameters: bonStart?.type === 'run-start' ? (bonStart.parameters ?? null) : null,
  });
}

/** The view of a picture, one run's or the mean over a prompt set's (core/rewardVsComputeMean.ts). */
export function pictureView(
  picture: Pick<RewardVsCompute, 'bestOfN' | 'replay' | 'runs'>, wanted: CostMetric, about: Pick<ComputeView, 'sprStart' | 'parameters'>,
): ComputeView {
  const all: CostPoint[] = [...picture.bestOfN, ...picture.replay, ...picture.runs];
  const metrics = METRICS.filter((m) => all.every((p) => (costOf(p, m) ?? 0) > 0));
  const metric = metrics.includes(wanted) ? wanted : (metrics[0] ?? 'decodedTokens');
  const at = (p: CostPoint, label: string): PlotPoint => ({ x: costOf(p, metric) ?? 0, y: p.reward, label });
  const n = picture.bestOfN.length;
  return {
    metric,
    metrics,
    n,
    ...about,
    bestOfN: doublings(n).map((k) => at(picture.bestOfN[k - 1]!, `Best-of-${k}`)),
    replay: picture.replay.map((r) => at(r, `α = ${r.alpha}${r.exact ? '' : ' (≈)'}`)),
    runs: picture.runs.map((r) => ({ ...at(r, r.method), method: r.method, n: r.n })),
    catchUps: picture.runs
      .filter((r) => r.method !== 'bon')
      .flatMap((r) => {
        const catchUp = bestOfNCatchUp(picture.bestOfN, r);
        return catchUp ? [{ method: r.method, reward: r.reward, catchUp }] : [];
      }),
  };
}

/** Ticks for a log axis over the view's points: 1, 2 and 5 times each power of ten in range (only the powers when they are enough). */
export function logTicks(view: Pick<ComputeView, 'bestOfN' | 'replay' | 'runs'>): number[] {
  const xs = [...view.bestOfN, ...view.replay, ...view.runs].map((p) => p.x).filter((x) => x > 0);
  if (xs.length === 0) return [];
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const ticks = (steps: readonly number[]) => {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
      for (const s of steps) if (s * 10 ** e >= lo && s * 10 ** e <= hi) out.push(s * 10 ** e);
    }
    return out;
  };
  const decades = ticks([1]);
  return decades.length >= 3 ? decades : ticks([1, 2, 5]);
}
