// The runs this browser kept (finished, stopped, or cut short by a reload): open one without models,
// save it as a file, or delete it.
import { useState } from 'react';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { downloadRunFile } from '../common/download-run.ts';
import { useController } from '../engine/controller-context.ts';
import { formatReward } from '../format.ts';
import { useStore } from '../state/store.ts';
import { ENDING_WORDS, promptLine } from '../storage/recent-run-words.ts';
import { RECENT_RUNS_CAP, type StoredRun } from '../storage/stored-run.ts';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function RecentRow({ run, onProblem }: { readonly run: StoredRun; readonly onProblem: (problem: string | null) => void }) {
  const controller = useController();
  const running = run.ending === 'running';
  const open = async () => onProblem(await controller.openRecent(run.id));
  const save = async () => {
    const text = await controller.recentRunText(run.id);
    if (text === null) onProblem('This run is no longer kept in this browser.');
    else downloadRunFile(text, run.digest.prompt);
  };
  return (
    <li className="recent-run" data-testid="recent-run" data-ending={run.ending}>
      <div className="recent-what">
        <b className="recent-prompt">{promptLine(run.digest.prompt)}</b>
        {run.ending !== 'done' && <span className="tag" data-testid="recent-ending">{ENDING_WORDS[run.ending]}</span>}
        <div className="note">
          {DATE.format(run.createdAt)} ·{' '}
          {run.digest.methods.map((m) => `${METHOD_LABELS[m]} ${formatReward(run.digest.best[m])}`).join(', ') || 'no method started'}
        </div>
      </div>
      <div className="buttons">
        <button type="button" disabled={running} onClick={() => void open()}>Open</button>
        <button type="button" disabled={running} onClick={() => void save()}>Save as file</button>
        <button type="button" disabled={running} onClick={() => void controller.archive.deleteRun(run.id)}>Delete</button>
      </div>
    </li>
  );
}

export function RecentRuns() {
  const controller = useController();
  const runs = useStore(controller.archive.state, (s) => s.runs);
  const available = useStore(controller.archive.state, (s) => s.available);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section className="panel recent-runs" aria-label="Recent runs">
      <h2>Recent runs</h2>
      <p className="note">
        Kept in this browser (the last {RECENT_RUNS_CAP}; a run cut short by a reload is kept as far as it got). They open without models.
      </p>
      {available === false ? (
        <p data-testid="recent-runs-unavailable">This browser keeps no data for this app here (private browsing or blocked site data): runs last until the page closes.</p>
      ) : runs === null ? (
        <p className="status-line">Reading the kept runs…</p>
      ) : runs.length === 0 ? (
        <p className="note" data-testid="no-recent-runs">None yet: every run you make is kept here.</p>
      ) : (
        <ul className="recent-list">
          {runs.map((run) => <RecentRow key={run.id} run={run} onProblem={setProblem} />)}
        </ul>
      )}
      {problem && <p className="field-error" data-testid="recent-run-problem">{problem}</p>}
    </section>
  );
}
