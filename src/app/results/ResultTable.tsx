// One row per method: the best reward and what it cost, and what each method saved against Best-of-N.
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { useRun } from '../engine/controller-context.ts';
import { formatCount, formatDuration, formatReward } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import { describeVersusBon, resultRows, rewardCostNote } from './result-rows.ts';
import { SaveRun } from './SaveRun.tsx';
import { useMemo } from 'react';

export function ResultTable() {
  const run = useRun((s) => s);
  const rows = useMemo(() => resultRows(run), [run]);
  const start = run.lanes.spr?.start ?? run.lanes.bon?.start ?? run.lanes.treebon?.start ?? null;
  const costNote = start && rewardCostNote(start.scorers.length, start.streamedScorers?.length ?? 0);
  if (rows.length === 0) return null;
  return (
    <section className="panel results" aria-label="Results">
      <table data-testid="result-table">
        <thead>
          <tr>
            <th>Method</th><th>Best reward</th><th>Tokens decoded</th><th>Prefill tokens</th><th>Reward-model tokens</th><th>Wall time</th>
            <th>Against Best-of-N</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.method} data-testid={`result-${r.method}`}>
              <th scope="row" style={{ color: METHOD_COLORS[r.method] }}>
                {METHOD_LABELS[r.method]}{r.stopped ? ' (stopped)' : r.finished ? '' : ' …'}
              </th>
              <td>{formatReward(r.bestReward)}{r.winnerId !== null && <span className="muted"> #{r.winnerId}</span>}</td>
              <td>
                {formatCount(r.decodedTokens)}
                {r.budgetNote && <span className="budget-note" data-testid="treebon-budget">{r.budgetNote}</span>}
              </td>
              <td>{formatCount(r.prefillTokens)}</td>
              <td>{formatCount(r.rewardTokens)}</td>
              <td>{formatDuration(r.wallMs)}</td>
              <td data-testid={`saved-${r.method}`}>
                {r.versusBon
                  ? <>{describeVersusBon(r.versusBon)}{r.versusBon.rewardGap !== null && <>, reward {formatReward(r.versusBon.rewardGap)}</>}</>
                  : r.method === 'bon' ? 'baseline' : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {costNote && <p className="note" data-testid="reward-cost-note">{costNote}</p>}
      <SaveRun />
    </section>
  );
}
