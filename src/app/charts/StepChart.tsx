// Memory or batch size per method over tokens decoded (or seconds), as step lines on one canvas (uPlot).
// Each line is cut to the pixels it spans, so a redraw costs the same for any N and any run length.
import { memo, useMemo, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { formatBytes } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import type { LaneState } from '../state/run-state.ts';
import { axisLabel } from './axis-label.ts';
import { alignSeries, decimateToPixels } from './chart-data.ts';
import { chartOptions } from './chart-options.ts';
import { decisionRules, type DecisionRule } from './decision-rule.ts';
import { chartPalette } from './palette.ts';
import { memoByLane } from './lane-memo.ts';
import { stepSeries, xExtent, type XAxisKind, type XY } from './series.ts';
import { useUPlot } from './use-uplot.ts';

/** Cached per lane: a finished lane's line is not recomputed at each redraw. */
const lineOf = memoByLane((lane: LaneState, key: `${'alive' | 'kvBytes'}:${XAxisKind}`) => {
  const [metric, axis] = key.split(':') as ['alive' | 'kvBytes', XAxisKind];
  return stepSeries(lane, metric, axis);
});

interface Props {
  readonly title: ReactNode;
  /** Words for the aria label when the title holds glossary terms (else the title itself). */
  readonly name?: string;
  /** Under the chart: what to read in it. */
  readonly note?: ReactNode;
  readonly lanes: readonly LaneState[];
  readonly metric: 'alive' | 'kvBytes';
  readonly axis: XAxisKind;
  readonly budget: number | null;
}

const HEIGHT = 200;
const stepped = uPlot.paths.stepped?.({ align: 1 });

export const StepChart = memo(function StepChart({ title, name, note, lanes, metric, axis, budget }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const domain = useRef<[number, number]>([0, 1]);
  // Speculative Rejection's decisions with the rule that placed them (the memory chart only), read at each redraw.
  const rules = useRef<DecisionRule[]>([]);
  const methods = lanes.map((l) => l.method);
  const yFormat = metric === 'kvBytes' ? (v: number) => formatBytes(v) : (v: number) => String(Math.round(v));
  const options = chartOptions({
    xLabel: axisLabel(axis), xRange: () => domain.current, yFormat, yWidth: metric === 'kvBytes' ? 70 : 44, liveLegend: true,
    yRange: (_min, max) => [0, Math.max(1, max, budget ?? 0) * 1.05],
    series: methods.map((m) => ({ label: METHOD_LABELS[m], stroke: METHOD_COLORS[m], width: 2, spanGaps: true, paths: stepped, points: { show: false }, value: (_u: uPlot, v: number | null) => (v === null ? '–' : yFormat(v)) })),
    draw: budget === null ? undefined : (u) => {
      drawRules(u, rules.current);
      drawBudget(u, budget);
    },
  });
  const feed = useMemo(() => ({
    data: (): uPlot.AlignedData => {
      domain.current = xExtent(lanes, axis);
      rules.current = metric === 'kvBytes' ? lanes.flatMap((lane) => decisionRules(lane, axis)) : [];
      const columns = Math.max(50, box.current?.clientWidth ?? 400);
      const lines: XY[][] = lanes.map((lane) => decimateToPixels(lineOf(lane, `${metric}:${axis}`), domain.current[0], domain.current[1], columns));
      return alignSeries(lines);
    },
    drawn: (u: uPlot) => {
      figure.current?.setAttribute('data-points', String(countValues(u.data)));
      figure.current?.setAttribute('data-rules', rules.current.map((r) => r.label).join('\n'));
    },
  }), [lanes, axis, metric]);
  useUPlot(box, options, `${methods.join()}:${metric}:${axis}:${budget}`, feed, HEIGHT);
  return (
    <figure ref={figure} className="chart" data-testid={`chart-${metric}`} data-points={0}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="uplot-box" role="img" aria-label={`${name ?? (typeof title === 'string' ? title : '')} per method over ${axisLabel(axis)}`} />
      {note}
    </figure>
  );
});

/**
 * Each of Speculative Rejection's decisions as a dotted line with the rule that placed it:
 * "⌊640 ÷ 32 rows⌋ − 3 = 17 tokens". Labels step down so that close decisions do not overlap.
 */
function drawRules(u: uPlot, rules: readonly DecisionRule[]): void {
  if (rules.length === 0) return;
  const { ctx, bbox } = u;
  const ratio = uPlot.pxRatio;
  const palette = chartPalette();
  ctx.save();
  ctx.font = `${10 * ratio}px system-ui, sans-serif`;
  ctx.setLineDash([2 * ratio, 3 * ratio]);
  ctx.lineWidth = ratio;
  rules.forEach((r, i) => {
    const x = u.valToPos(r.x, 'x', true);
    if (!Number.isFinite(x)) return;
    ctx.strokeStyle = palette.spr;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    const text = r.byBudget ? `⌊${r.label.split('⌊')[1]}` : `fixed ${r.length}`;
    const width = ctx.measureText(text).width;
    const right = x + 3 * ratio + width > bbox.left + bbox.width;
    ctx.textAlign = right ? 'right' : 'left';
    ctx.fillStyle = palette.spr;
    ctx.fillText(text, right ? x - 3 * ratio : x + 3 * ratio, bbox.top + (22 + 12 * (i % 3)) * ratio);
  });
  ctx.restore();
}

/** The KV budget as a dashed red line across the plot. */
function drawBudget(u: uPlot, budget: number): void {
  const y = u.valToPos(budget, 'y', true);
  const { ctx, bbox } = u;
  const palette = chartPalette();
  ctx.save();
  ctx.strokeStyle = palette.bad;
  ctx.setLineDash([6 * uPlot.pxRatio, 3 * uPlot.pxRatio]);
  ctx.lineWidth = uPlot.pxRatio;
  ctx.beginPath();
  ctx.moveTo(bbox.left, y);
  ctx.lineTo(bbox.left + bbox.width, y);
  ctx.stroke();
  ctx.fillStyle = palette.bad;
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
