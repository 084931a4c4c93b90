// Every prompt of the set with its status and each method's best reward, a page at a time; a finished one
// opens in the usual lanes and charts.
import { useState } from 'react';
import { useController } from '../engine/controller-context.ts';
import { formatReward } from '../format.ts';
import type { OpenSet } from './set-state.ts';

const PAGE = 25;

function statusOf(set: OpenSet, index: number): 'done' | 'running' | 'refused' | 'pending' {
  if (set.outcomes[index]) return 'done';
  if (set.current === index && (set.status === 'running' || set.status === 'stopping')) return 'running';
  return set.refused[index] !== undefined ? 'refused' : 'pending';
}

export function SetPromptList({ set }: { readonly set: OpenSet }) {
  const { sets } = useController();
  const [page, setPage] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const pages = Math.max(1, Math.ceil(set.prompts.length / PAGE));
  const first = Math.min(page, pages - 1) * PAGE;
  const rows = set.prompts.slice(first, first + PAGE);
  return (
    <div className="set-prompt-list">
      <h3>Prompts</h3>
      <div className="set-pager">
        <button type="button" disabled={first === 0} onClick={() => setPage(first / PAGE - 1)}>Previous</button>
        <span className="note" data-testid="set-page">{first + 1}–{first + rows.length} of {set.prompts.length}</span>
        <button type="button" disabled={first + PAGE >= set.prompts.length} onClick={() => setPage(first / PAGE + 1)}>Next</button>
      </div>
      <table className="set-prompts">
        <thead><tr><th>#</th><th>Prompt</th><th>Status</th><th>Best reward per method</th><th /></tr></thead>
        <tbody>
          {rows.map((prompt, i) => {
            const index = first + i;
            const status = statusOf(set, index);
            const outcome = set.outcomes[index];
            return (
              <tr key={index} data-testid="set-prompt-row" data-index={index} data-status={status}>
                <td>{index + 1}</td>
                <td className="set-prompt-text" title={prompt}>{prompt}</td>
                <td>{status === 'refused' ? <span title={set.refused[index]}>refused</span> : status}</td>
                <td>{outcome ? outcome.methods.map((m) => `${m.method} ${formatReward(m.bestReward)}`).join(' · ') : ''}</td>
                <td>
                  {outcome && (
                    <button type="button" onClick={async () => setProblem(await sets.openPrompt(index))}>Open</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problem && <p className="field-error" data-testid="set-prompt-problem">{problem}</p>}
    </div>
  );
}
