// Partial vs final reward of Best-of-N's answers, one small chart per prefix length, with Pearson r
// and Kendall tau: if early rewards rank answers like final ones, rejecting early loses little.
import { memo, useMemo } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useRun } from '../engine/controller-context.ts';
import { dotMark } from '../charts/point-shapes.tsx';
import { formatReward } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import { prefixCorrelations, type PrefixCorrelation } from './prefix-correlations.ts';

function stat(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '–';
}

const PrefixScatter = memo(function PrefixScatter({ c }: { readonly c: PrefixCorrelation }) {
  const points = useMemo(() => [...c.points], [c.points]);
  return (
    <figure className="chart small" data-testid="prefix-scatter">
      <figcaption>
        after {c.length} tokens: r = {stat(c.pearson)}, τ = {stat(c.kendall)} <span className="muted">(n = {c.points.length})</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <ScatterChart margin={{ top: 4, right: 8, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="partial" name="partial" tickFormatter={(v: number) => formatReward(v)} label={{ value: 'partial', position: 'insideBottom', offset: -8 }} domain={['auto', 'auto']} />
          <YAxis type="number" dataKey="final" name="final" tickFormatter={(v: number) => formatReward(v)} width={58} domain={['auto', 'auto']} />
          <Tooltip formatter={(v) => formatReward(Number(v))} />
          <Scatter data={points} fill={METHOD_COLORS.bon} shape={dotMark} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
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
      <p className="note">Best-of-N's finished answers, also scored at shorter prefixes (analysis only, not counted as compute).</p>
      <div className="scatter-grid">
        {correlations.map((c) => <PrefixScatter key={c.length} c={c} />)}
      </div>
    </section>
  );
}
