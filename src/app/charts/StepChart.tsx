// Memory or batch size per method over tokens decoded (or seconds), as step lines on one canvas (uPlot).
// Each line is cut to the pixels it spans, so a redraw costs the same for any N and any run length.
import { memo, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { formatBytes } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import type { LaneState } from '../state/run-state.ts';
import { axisLabel } from './axis-label.ts';
import { alignSeries, decimateToPixels } from './chart-data.ts';
import { chartOptions } from './chart-options.ts';
import { memoByLane } from './lane-memo.ts';
import { stepSeries, xExtent, type XAxisKind, type XY } from './series.ts';
import { useUPlot } from './use-uplot.ts';

/** Cached per lane: a finished lane's line is not recomputed at each redraw. */
const lineOf = memoByLane((lane: LaneState, key: `${'alive' | 'kvBytes'}:${XAxisKind}`) => {
  const [metric, axis] = key.split(':') as ['alive' | 'kvBytes', XAxisKind];
  return stepSeries(lane, metric, axis);
});

interface Props {
  readonly title: string;
  readonly lanes: readonly LaneState[];
  readonly metric: 'alive' | 'kvBytes';
  readonly axis: XAxisKind;
  readonly budget: number | null;
}

const HEIGHT = 200;
const stepped = uPlot.paths.stepped?.({ align: 1 });

export const StepChart = memo(function StepChart({ title, lanes, metric, axis, budget }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const domain = useRef<[number, number]>([0, 1]);
  const methods = lanes.map((l) => l.method);
  const yFormat = metric === 'kvBytes' ? (v: number) => formatBytes(v) : (v: number) => String(Math.round(v));
  const options = chartOptions({
    xLabel: axisLabel(axis), xRange: () => domain.current, yFormat, yWidth: metric === 'kvBytes' ? 70 : 44, liveLegend: true,
    yRange: (_min, max) => [0, Math.max(1, max, budget ?? 0) * 1.05],
    series: methods.map((m) => ({ label: METHOD_LABELS[m], stroke: METHOD_COLORS[m], width: 2, spanGaps: true, paths: stepped, points: { show: false }, value: (_u: uPlot, v: number | null) => (v === null ? '–' : yFormat(v)) })),
    draw: budget === null ? undefined : (u) => drawBudget(u, budget),
  });
  const feed = useMemo(() => ({
    data: (): uPlot.AlignedData => {
      domain.current = xExtent(lanes, axis);
      const columns = Math.max(50, box.current?.clientWidth ?? 400);
      const lines: XY[][] = lanes.map((lane) => decimateToPixels(lineOf(lane, `${metric}:${axis}`), domain.current[0], domain.current[1], columns));
      return alignSeries(lines);
    },
    drawn: (u: uPlot) => {
      figure.current?.setAttribute('data-points', String(countValues(u.data)));
    },
  }), [lanes, axis, metric]);
  useUPlot(box, options, `${methods.join()}:${metric}:${axis}:${budget}`, feed, HEIGHT);
  return (
    <figure ref={figure} className="chart" data-testid={`chart-${metric}`} data-points={0}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="uplot-box" role="img" aria-label={`${title} per method over ${axisLabel(axis)}`} />
    </figure>
  );
});

/** The KV budget as a dashed red line across the plot. */
function drawBudget(u: uPlot, budget: number): void {
  const y = u.valToPos(budget, 'y', true);
  const { ctx, bbox } = u;
  ctx.save();
  ctx.strokeStyle = '#b91c1c';
  ctx.setLineDash([6 * uPlot.pxRatio, 3 * uPlot.pxRatio]);
  ctx.lineWidth = uPlot.pxRatio;
  ctx.beginPath();
  ctx.moveTo(bbox.left, y);
  ctx.lineTo(bbox.left + bbox.width, y);
  ctx.stroke();
  ctx.fillStyle = '#b91c1c';
  ctx.font = `${11 * uPlot.pxRatio}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.fillText('KV budget', bbox.left + bbox.width - 4, y - 4 * uPlot.pxRatio);
  ctx.restore();
}

/** Values drawn, over every series. */
export function countValues(data: uPlot.AlignedData): number {
  let n = 0;
  for (const ys of data.slice(1)) for (let i = 0; i < ys.length; i++) if (ys[i] !== null && ys[i] !== undefined) n++;
  return n;
}
