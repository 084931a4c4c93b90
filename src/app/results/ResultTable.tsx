// One row per method: the best reward and what it cost, one total-compute figure with its formula,
// and what each method saved against Best-of-N; under it, what scale the rewards are on and how ties
// are broken. Every column head is a glossary term.
import { useMemo } from 'react';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { useRun, useSession } from '../engine/controller-context.ts';
import { formatCount, formatDuration, formatReward } from '../format.ts';
import { Term } from '../glossary/Term.tsx';
import { METHOD_COLORS } from '../method-style.ts';
import { costFormula, formatCost } from './result-cost.ts';
import { describeVersusBon, resultRows, rewardCostNote } from './result-rows.ts';
import { rewardScaleText, type ScorerKind } from './reward-scale.ts';
import { SaveRun } from './SaveRun.tsx';
import { tieNote } from './ties.ts';

export function ResultTable() {
  const run = useRun((s) => s);
  const loadedScorers = useSession((s) => s.loaded?.scorers ?? null);
  const rows = useMemo(() => resultRows(run), [run]);
  const lanes = useMemo(() => run.methods.flatMap((m) => run.lanes[m] ?? []), [run]);
  const ended = lanes.length > 0 && lanes.every((l) => l.end);
  const ties = useMemo(() => (ended ? tieNote(lanes) : tieNote([])), [ended, lanes]);
  const start = run.lanes.spr?.start ?? run.lanes.bon?.start ?? run.lanes.treebon?.start ?? null;
  const costNote = start && rewardCostNote(start.scorers.length, start.streamedScorers?.length ?? 0);
  const scorers: ScorerKind[] = (start?.scorers ?? []).map((id, i) => ({
    id,
    kind: loadedScorers?.[i]?.id === id ? loadedScorers[i]!.kind : start?.streamedScorers?.includes(i) ? 'implicit-dpo' : null,
  }));
  if (rows.length === 0) return null;
  const unit = rows[0]!.cost.unit;
  return (
    <section className="panel results" aria-label="Results">
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Results table (scrolls sideways on a narrow screen)">
        <table data-testid="result-table">
          <thead>
            <tr>
              <th>Method</th>
              <th>Best <Term id="reward" text={rewardScaleText(scorers, run.combine)}>reward</Term></th>
              <th><Term id="decoded-tokens">Tokens decoded</Term></th>
              <th><Term id="prefill">Prefill</Term> tokens</th>
              <th><Term id="reward-model-tokens">Reward-model tokens</Term></th>
              <th><Term id="wall-time">Wall time</Term></th>
              <th><Term id="total-compute">Total compute</Term> ({unit})</th>
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
                <td data-testid={`cost-${r.method}`} data-cost={r.cost.value}>{formatCost(r.cost)}</td>
                <td data-testid={`saved-${r.method}`}>
                  {r.versusBon ? describeVersusBon(r.versusBon) : r.method === 'bon' ? 'baseline' : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note" data-testid="cost-formula">{costFormula(start, unit)}</p>
      <p className="note" data-testid="reward-scale">{rewardScaleText(scorers, run.combine)} &ldquo;Against Best-of-N&rdquo; compares best rewards as a difference.</p>
      <p className="note" data-testid="tie-note">{ties}</p>
      {costNote && <p className="note" data-testid="reward-cost-note">{costNote}</p>}
      <SaveRun />
    </section>
  );
}
