// The paper's picture after every run: best reward against compute. Best-of-N as a curve over
// N = 1, 2, 4, ... (the best of its first N answers), Speculative Rejection for every α (replayed on
// Best-of-N's answers) and as run, TreeBoN as run; and in words, what Best-of-N needs to catch up.
import { useMemo, useState } from 'react';
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostMetric } from '../../core/rewardVsCompute.ts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { useRun } from '../engine/controller-context.ts';
import { formatCount, formatReward } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import { diamondMark, dotMark } from '../charts/point-shapes.tsx';
import { computeView, logTicks, pictureLog, type ComputeView } from './compute-view.ts';
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
  const view = useMemo(() => computeView(log, wanted), [log, wanted]);
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

function ComputeChart({ view }: { readonly view: ComputeView }) {
  const sprRun = view.runs.filter((r) => r.method === 'spr');
  const treebonRun = view.runs.filter((r) => r.method === 'treebon');
  return (
    <figure className="chart" data-testid="chart-compute" data-points={view.bestOfN.length + view.replay.length + view.runs.length}>
      <ResponsiveContainer width="100%" height={280}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" scale="log" domain={['dataMin', 'dataMax']} ticks={logTicks(view)} tickFormatter={(v: number) => formatCompute(v, view.metric)}
            label={{ value: `${METRIC_LABELS[view.metric]}, log scale`, position: 'insideBottom', offset: -12 }} />
          <YAxis type="number" dataKey="y" tickFormatter={(v: number) => formatReward(v)} width={50} />
          <Tooltip formatter={(v, name) => (name === 'y' ? formatReward(Number(v)) : formatCompute(Number(v), view.metric))} labelFormatter={() => ''} />
          <Legend verticalAlign="top" height={24} />
          <Scatter name="Best-of-N, N = 1, 2, 4, …" data={view.bestOfN} fill={METHOD_COLORS.bon} line shape={dotMark} isAnimationActive={false} />
          <Scatter name="Speculative Rejection, each α (same N)" data={view.replay} fill="#fed7aa" stroke={METHOD_COLORS.spr} legendType="circle" isAnimationActive={false} />
          {sprRun.length > 0 && <Scatter name={`${METHOD_LABELS.spr} (run, ${formatCount(sprRun[0]!.n)} started)`} data={sprRun} fill={METHOD_COLORS.spr} shape={diamondMark} isAnimationActive={false} />}
          {treebonRun.length > 0 && <Scatter name={`${METHOD_LABELS.treebon} (run)`} data={treebonRun} fill={METHOD_COLORS.treebon} shape={diamondMark} isAnimationActive={false} />}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
