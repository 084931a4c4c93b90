// The paper's picture after every run: best reward against compute. Best-of-N as a curve over
// N = 1, 2, 4, ... (the best of its first N answers), Speculative Rejection for every α (replayed on
// Best-of-N's answers) and as run, TreeBoN as run; and in words, what Best-of-N needs to catch up.
// Drawn on a canvas with uPlot like the live charts.
import { useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { CostMetric } from '../../core/rewardVsCompute.ts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { useRun } from '../engine/controller-context.ts';
import { formatCount, formatReward } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import { drawMarks } from '../charts/marks.ts';
import { useUPlot } from '../charts/use-uplot.ts';
import { derive } from '../derive/derive-client.ts';
import { useDerived } from '../derive/use-derived.ts';
import { computeViewOf, logTicks, pictureLog, type ComputeView } from './compute-view.ts';
import { catchUpSentence, formatCompute, METRIC_LABELS, parametersSentence } from './compute-words.ts';

export function ComputePanel() {
  const [wanted, setWanted] = useState<CostMetric>('flops');
  // Each selected field changes once per run, so the picture is rebuilt when a lane ends, not on every step.
  const bonStart = useRun((s) => s.lanes.bon?.start ?? null);
  const bonFinal = useRun((s) => s.lanes.bon?.final ?? null);
  const bonPrefix = useRun((s) => s.lanes.bon?.prefixScores ?? null);
  const bonEnd = useRun((s) => s.lanes.bon?.end ?? null);
  const sprStart = useRun((s) => s.lanes.spr?.start ?? null);
  const sprEnd = useRun((s) => s.lanes.spr?.end ?? null);
  const treebonStart = useRun((s) => s.lanes.treebon?.start ?? null);
  const treebonEnd = useRun((s) => s.lanes.treebon?.end ?? null);
  const log = useMemo(
    () => pictureLog([
      { start: bonStart, final: bonFinal, prefixScores: bonPrefix, end: bonEnd },
      { start: sprStart, final: null, prefixScores: null, end: sprEnd },
      { start: treebonStart, final: null, prefixScores: null, end: treebonEnd },
    ]),
    [bonStart, bonFinal, bonPrefix, bonEnd, sprStart, sprEnd, treebonStart, treebonEnd],
  );
  // The picture replays every α over Best-of-N's answers: off the page's thread, once per run (not per metric).
  const picture = useDerived(bonEnd ? () => derive('picture', log) : null, [log, bonEnd]);
  const view = useMemo(() => computeViewOf(picture, log, wanted), [picture, log, wanted]);
  if (view === null) return null;
  return (
    <section className="panel results compute" aria-label="Reward versus compute" data-testid="compute-panel">
      <h2>Reward versus compute</h2>
      <p className="note">
        How much compute buys how much reward. Best-of-N: the best of its first N answers, for N = 1, 2, 4, … {view.n}.
        Speculative Rejection: each α replayed on Best-of-N&apos;s {view.n} answers (○){view.sprStart === 'memory' ? ', a same-N what-if next to the run' : ''}, and the run itself (◆).
      </p>
      <fieldset className="metric-choice">
        <legend>Compute measured as</legend>
        {view.metrics.map((m) => (
          <label key={m}>
            <input type="radio" name="compute-metric" checked={view.metric === m} onChange={() => setWanted(m)} /> {METRIC_LABELS[m]}
          </label>
        ))}
      </fieldset>
      <ComputeChart view={view} />
      <ul className="catch-up" data-testid="catch-up">
        {view.catchUps.map((c) => (
          <li key={c.method} data-method={c.method}>{catchUpSentence(c, view)}</li>
        ))}
      </ul>
      <p className="note">{parametersSentence(view.parameters)} Best-of-k for k below {view.n} and the replayed α: tokens are exact (those answers&apos; own); their wall time is estimated at Best-of-N&apos;s measured rates.</p>
    </section>
  );
}

const HEIGHT = 280;
const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The picture on a canvas (uPlot, as the live charts): a log x axis, every point drawn by a draw hook. */
export function ComputeChart({ view }: { readonly view: ComputeView }) {
  const box = useRef<HTMLDivElement>(null);
  const sprRun = view.runs.find((r) => r.method === 'spr');
  const all = [...view.bestOfN, ...view.replay, ...view.runs].filter((p) => p.x > 0);
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const pad = Math.max(0.02, (Math.max(...ys) - Math.min(...ys)) * 0.1);
  const xRange: [number, number] = [Math.min(...xs) / 1.3, Math.max(...xs) * 1.3];
  const yRange: [number, number] = [Math.min(...ys) - pad, Math.max(...ys) + pad];
  const ticks = logTicks(view);
  const options = (): uPlot.Options => ({
    width: 0,
    height: 0,
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    legend: { live: false },
    scales: { x: { time: false, distr: 3, range: () => xRange }, y: { range: () => yRange } },
    axes: [
      {
        label: `${METRIC_LABELS[view.metric]}, log scale`, font: AXIS_FONT, labelFont: LABEL_FONT, labelSize: 18, size: 28, stroke: '#5b6472',
        grid: { stroke: "#e5e7eb", width: 1, dash: [3, 3] }, splits: () => ticks, filter: (_u, splits) => splits, values: (_u, splits) => splits.map((v) => formatCompute(v, view.metric)),
      },
      { font: AXIS_FONT, size: 52, stroke: '#5b6472', grid: { stroke: '#e5e7eb', width: 1, dash: [3, 3] }, values: (_u, splits) => splits.map((v) => formatReward(v)) },
    ],
    series: [
      {},
      { label: 'Best-of-N, N = 1, 2, 4, …', stroke: METHOD_COLORS.bon, fill: METHOD_COLORS.bon },
      { label: 'Speculative Rejection, each α (same N)', stroke: METHOD_COLORS.spr, fill: '#fed7aa' },
      ...(sprRun ? [{ label: `${METHOD_LABELS.spr} (run, ${formatCount(sprRun.n)} started)`, stroke: METHOD_COLORS.spr, fill: METHOD_COLORS.spr }] : []),
      ...(view.runs.some((r) => r.method === 'treebon') ? [{ label: `${METHOD_LABELS.treebon} (run)`, stroke: METHOD_COLORS.treebon, fill: METHOD_COLORS.treebon }] : []),
    ],
    hooks: { draw: [(u) => drawPicture(u, view)] },
  });
  const seriesCount = options().series.length - 1;
  // The picture changes only with the view; the data is the x range and one empty column per legend entry.
  const feed = useMemo(() => ({ data: (): uPlot.AlignedData => [xRange, ...Array.from({ length: seriesCount }, () => [null, null])] }), [view, seriesCount]); // xRange derives from view
  useUPlot(box, options, `${view.metric}:${seriesCount}:${xs.join()}`, feed, HEIGHT);
  return (
    <figure className="chart" data-testid="chart-compute" data-points={view.bestOfN.length + view.replay.length + view.runs.length}>
      <div ref={box} className="uplot-box" role="img" aria-label={`Best reward against ${METRIC_LABELS[view.metric]}: Best-of-N's curve, Speculative Rejection for each α and as run, TreeBoN as run`} />
    </figure>
  );
}

function drawPicture(u: uPlot, view: ComputeView): void {
  const { ctx, bbox } = u;
  const ratio = devicePixelRatio || 1;
  const at = (p: { x: number; y: number }) => [u.valToPos(p.x, 'x', true), u.valToPos(p.y, 'y', true)] as const;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  const curve = view.bestOfN.map(at);
  ctx.beginPath();
  curve.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.strokeStyle = METHOD_COLORS.bon;
  ctx.lineWidth = 2 * ratio;
  ctx.stroke();
  drawMarks(ctx, 'dot', METHOD_COLORS.bon, curve, ratio);
  ctx.font = `${10 * ratio}px system-ui, sans-serif`;
  ctx.fillStyle = METHOD_COLORS.bon;
  view.bestOfN.forEach((p, i) => ctx.fillText(p.label.replace('Best-of-', 'N='), curve[i]![0] + 5 * ratio, curve[i]![1] + 13 * ratio));
  drawMarks(ctx, 'dot', '#fed7aa', view.replay.map(at), ratio);
  for (const [x, y] of view.replay.map(at)) {
    ctx.beginPath();
    ctx.arc(x, y, 3.5 * ratio, 0, 2 * Math.PI);
    ctx.strokeStyle = METHOD_COLORS.spr;
    ctx.lineWidth = 1.2 * ratio;
    ctx.stroke();
  }
  for (const r of view.runs.filter((run) => run.method !== 'bon')) drawMarks(ctx, 'diamond', METHOD_COLORS[r.method], [at(r)], ratio * 1.4);
  ctx.restore();
}
