// Partial vs final reward of Best-of-N's answers, one small chart per prefix length, with Pearson r
// and Kendall tau: if early rewards rank answers like final ones, rejecting early loses little.
// Canvas charts (uPlot draws the axes, the marks are drawn once per pixel): at N = 1024 each chart
// holds a thousand answers and costs what its pixels cost.
import { memo, useMemo, useRef } from 'react';
import type uPlot from 'uplot';
import { onePerPixel } from '../charts/chart-data.ts';
import { chartOptions } from '../charts/chart-options.ts';
import { drawMarks } from '../charts/marks.ts';
import { useUPlot } from '../charts/use-uplot.ts';
import { useRun } from '../engine/controller-context.ts';
import { formatReward } from '../format.ts';
import { Term } from '../glossary/Term.tsx';
import { METHOD_COLORS } from '../method-style.ts';
import { prefixCorrelations, type PrefixCorrelation } from './prefix-correlations.ts';

function stat(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '–';
}

/** The span of `values` with a margin (or around the one value). */
function span(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (lo > hi) return [-1, 1];
  const pad = Math.max(0.02, (hi - lo) * 0.08);
  return [lo - pad, hi + pad];
}

const PrefixScatter = memo(function PrefixScatter({ c }: { readonly c: PrefixCorrelation }) {
  const box = useRef<HTMLDivElement>(null);
  // The chart outlives a run (it is keyed on the prefix length): its hooks read the latest points.
  const shown = useRef(c);
  shown.current = c;
  const xRange = () => span(shown.current.points.map((p) => p.partial));
  const options = chartOptions({
    xLabel: `partial reward at ${c.length} tokens`, xRange, yRange: () => span(shown.current.points.map((p) => p.final)), yFormat: formatReward, yWidth: 50,
    yLabel: 'final reward', liveLegend: false,
    series: [{ label: 'final', show: true }],
    draw: (u) => {
      const at = (p: { partial: number; final: number }) => [u.valToPos(p.partial, 'x', true), u.valToPos(p.final, 'y', true)] as const;
      const points = onePerPixel(shown.current.points.map((p) => ({ ...p, x: p.partial, y: p.final })), at).map(at);
      drawMarks(u.ctx, 'dot', METHOD_COLORS.bon, points, devicePixelRatio || 1);
    },
  });
  const feed = useMemo(() => ({ data: (): uPlot.AlignedData => [span(c.points.map((p) => p.partial)), [null, null]] }), [c]);
  useUPlot(box, (w) => ({ ...options(w), legend: { show: false } }), `${c.length}`, feed, 170);
  return (
    <figure className="chart small" data-testid="prefix-scatter" data-points={c.points.length}>
      <figcaption>
        after {c.length} tokens: <Term id="pearson-r">r</Term> = {stat(c.pearson)}, <Term id="kendall-tau">τ</Term> = {stat(c.kendall)}{' '}
        <span className="muted">(n = {c.points.length} of {c.total})</span>
      </figcaption>
      <div ref={box} className="uplot-box" role="img" aria-label={`Final against partial reward after ${c.length} tokens, ${c.points.length} answers`} />
    </figure>
  );
});

export function ScatterPanel() {
  // Keyed on the prefix-scores event alone: the lane changes with every batch, this only once per run.
  const prefixScores = useRun((s) => s.lanes.bon?.prefixScores ?? null);
  const correlations = useMemo(() => prefixCorrelations({ prefixScores }), [prefixScores]);
  if (correlations.length === 0) return null;
  return (
    <section className="panel scatter" aria-label="Partial versus final reward">
      <h2>Does an early reward predict the final one?</h2>
      <p className="note" data-testid="scatter-note">
        Each dot is one of Best-of-N&apos;s answers: its <Term id="partial-reward">partial reward</Term> after the first tokens (across)
        against its <Term id="final-reward">final reward</Term> (up). Scored for this analysis only, not counted as compute.
        The closer <Term id="pearson-r">r</Term> and <Term id="kendall-tau">τ</Term> are to 1, the safer it is to reject early.
        n counts the answers at least that long: one that ended sooner has no partial reward there, so n shrinks as the length grows.
      </p>
      <div className="scatter-grid">
        {correlations.map((c) => <PrefixScatter key={c.length} c={c} />)}
      </div>
    </section>
  );
}
