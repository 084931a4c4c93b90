// Rewards as they become known: partial rewards at each decision point (kept or cut) and final rewards,
// every one of them, drawn as marks on a canvas (uPlot draws the axes); marks that would land on the
// same pixel are drawn once, so a decision over 1,024 candidates costs what its pixels cost.
import { memo, useMemo, useRef } from 'react';
import type uPlot from 'uplot';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { formatReward } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import type { LaneState } from '../state/run-state.ts';
import { axisLabel } from './axis-label.ts';
import { onePerPixel } from './chart-data.ts';
import { chartOptions } from './chart-options.ts';
import { memoByLane } from './lane-memo.ts';
import { drawMarks, type MarkKind } from './marks.ts';
import { chartPalette } from './palette.ts';
import { Term } from '../glossary/Term.tsx';
import { rewardSeries, xExtent, type RewardPoint, type XAxisKind } from './series.ts';
import { useUPlot } from './use-uplot.ts';

interface Group {
  readonly kind: MarkKind;
  readonly color: string;
  readonly points: readonly RewardPoint[];
}

/** Each lane's marks, cached per lane so a finished lane's groups are not rebuilt at each redraw. */
const groupsOf = memoByLane((lane: LaneState, axis: XAxisKind): Group[] => {
  const { partial, final } = rewardSeries(lane, axis);
  const color = METHOD_COLORS[lane.method];
  return [
    { kind: 'cross', color: chartPalette().cut, points: partial.filter((p) => !p.kept) },
    { kind: 'dot', color, points: partial.filter((p) => p.kept) },
    { kind: 'diamond', color, points: final },
  ];
});

interface Props {
  readonly lanes: readonly LaneState[];
  readonly axis: XAxisKind;
}

const HEIGHT = 200;

export const RewardChart = memo(function RewardChart({ lanes, axis }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const domain = useRef<[number, number]>([0, 1]);
  const yDomain = useRef<[number, number]>([-1, 1]);
  const groups = useRef<Group[]>([]);
  const methods = lanes.map((l) => l.method);
  const options = chartOptions({
    xLabel: axisLabel(axis), xRange: () => domain.current, yRange: () => yDomain.current, yFormat: formatReward, yWidth: 52, yLabel: 'reward', liveLegend: false,
    series: methods.map((m) => ({ label: METHOD_LABELS[m], stroke: METHOD_COLORS[m], fill: METHOD_COLORS[m], points: { show: false } })),
    draw: (u) => {
      const drawn = drawGroups(u, groups.current);
      figure.current?.setAttribute('data-points', String(drawn));
    },
  });
  const feed = useMemo(() => ({
    data: (): uPlot.AlignedData => {
      domain.current = xExtent(lanes, axis);
      groups.current = lanes.flatMap((lane) => groupsOf(lane, axis));
      yDomain.current = rewardRange(groups.current);
      return [domain.current, ...lanes.map(() => [null, null])];
    },
  }), [lanes, axis]);
  useUPlot(box, options, `${methods.join()}:${axis}`, feed, HEIGHT);
  return (
    <figure ref={figure} className="chart" data-testid="chart-rewards" data-points={0}>
      <figcaption>
        Rewards: <Term id="partial-reward">partial</Term> at decisions (● kept, × cut), <Term id="final-reward">final</Term> (◆)
        <span className="muted"> · every candidate; marks on the same pixel drawn once</span>
      </figcaption>
      <div ref={box} className="uplot-box" role="img" aria-label={`Partial and final rewards per method over ${axisLabel(axis)}`} />
    </figure>
  );
});

function drawGroups(u: uPlot, groups: readonly Group[]): number {
  const { ctx, bbox } = u;
  const at = (p: RewardPoint) => [u.valToPos(p.x, 'x', true), u.valToPos(p.y, 'y', true)] as const;
  let drawn = 0;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  for (const g of groups) {
    const marks = onePerPixel(g.points, at).map(at);
    drawMarks(ctx, g.kind, g.color, marks, devicePixelRatio || 1);
    drawn += marks.length;
  }
  ctx.restore();
  return drawn;
}

/** The rewards' span with a margin, or [-1, 1] before any. */
function rewardRange(groups: readonly Group[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const g of groups) for (const p of g.points) {
    if (!Number.isFinite(p.y)) continue;
    lo = Math.min(lo, p.y);
    hi = Math.max(hi, p.y);
  }
  if (lo > hi) return [-1, 1];
  const pad = Math.max(0.05, (hi - lo) * 0.08);
  return [lo - pad, hi + pad];
}
