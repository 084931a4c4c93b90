// The set's aggregate: the study's totals table and the reward-versus-compute picture over every finished prompt.
import { lazy, Suspense, useMemo, useState } from 'react';
import type { CostMetric } from '../../core/rewardVsCompute.ts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { pictureView } from '../compute/compute-view.ts';
import { METRIC_LABELS } from '../compute/compute-words.ts';
import { formatCount, formatDuration, formatPercent, formatRatio, formatReward } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import { setAggregate } from './set-aggregate.ts';
import type { OpenSet } from './set-state.ts';

// The chart (uPlot) comes with the workspace's code, not the start screen's.
const ComputeChart = lazy(async () => ({ default: (await import('../compute/ComputePanel.tsx')).ComputeChart }));

export function SetAggregate({ set }: { readonly set: OpenSet }) {
  const view = useMemo(() => setAggregate(set.outcomes), [set.outcomes]);
  const [wanted, setWanted] = useState<CostMetric>('decodedTokens');
  const sprStart = set.config?.methods.includes('spr') ? set.config.spr.initial : null;
  const chart = useMemo(() => (view.picture ? pictureView(view.picture, wanted, { sprStart, parameters: null }) : null), [view.picture, wanted, sprStart]);
  return (
    <div className="set-aggregate" data-testid="set-aggregate">
      <h3>Over the {view.prompts} finished prompt(s)</h3>
      <table data-testid="set-totals">
        <thead>
          <tr>
            <th>Method</th><th>Mean best reward</th><th>Tokens decoded</th><th>Prefill tokens</th><th>Reward-model tokens</th><th>Wall time</th>
            <th>Against Best-of-N</th><th>Win rate vs Best-of-N</th><th>Improvement score</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.method} data-testid={`set-total-${r.method}`}>
              <th scope="row" style={{ color: METHOD_COLORS[r.method] }}>{METHOD_LABELS[r.method]}</th>
              <td>{formatReward(r.bestReward)}</td>
              <td>{formatCount(r.totals.decodedTokens)}</td>
              <td>{formatCount(r.totals.prefillTokens)}</td>
              <td>{formatCount(r.totals.rewardTokens)}</td>
              <td>{formatDuration(r.totals.wallMs)}</td>
              <td>
                {r.versusBon
                  ? `${formatRatio(r.versusBon.decoded ?? NaN)} decoded, ${formatRatio(r.versusBon.rewardTokens ?? NaN)} reward-model tokens, ${formatRatio(r.versusBon.wall ?? NaN)} wall, reward ${formatReward(r.versusBon.rewardGap)}`
                  : r.method === 'bon' ? 'baseline' : '–'}
              </td>
              <td>{r.winRate === null ? '–' : formatPercent(r.winRate, 1)}</td>
              <td>{r.improvement === null ? '–' : r.improvement.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        Win rate: the share of prompts where the method&apos;s best reward beats Best-of-N&apos;s (ties count half). Improvement score (the
        reference&apos;s plot_compare.py): Best-of-N = 100, its worst answer = 0
        {view.improvementOver && <>, over {view.improvementOver.prompts} prompt(s){view.improvementOver.skipped > 0 && <>; {view.improvementOver.skipped} left out, every Best-of-N answer scoring the same</>}</>}.
      </p>
      {chart && (
        <>
          <h3>Reward versus compute, means over the prompts</h3>
          <fieldset className="metric-choice">
            <legend>Compute measured as</legend>
            {chart.metrics.map((m) => (
              <label key={m}>
                <input type="radio" name="set-compute-metric" checked={chart.metric === m} onChange={() => setWanted(m)} /> {METRIC_LABELS[m]}
              </label>
            ))}
          </fieldset>
          <Suspense fallback={<p className="status-line">Drawing…</p>}>
            <ComputeChart view={chart} />
          </Suspense>
        </>
      )}
    </div>
  );
}
