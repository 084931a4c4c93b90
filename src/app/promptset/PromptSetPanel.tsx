// The open prompt set: run or resume it with the loaded models, stop it, watch its progress, and read its
// results: per-prompt status (each opens in the lanes and charts), the aggregate table and picture, the exports.
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { useController, useSession } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';
import { SetAggregate } from './SetAggregate.tsx';
import { SetExport } from './SetExport.tsx';
import { SetProgressView } from './SetProgressView.tsx';
import { SetPromptList } from './SetPromptList.tsx';
import './promptset.css';

export function PromptSetPanel() {
  const { sets } = useController();
  const set = useStore(sets.state, (s) => s.open);
  const loaded = useSession((s) => s.loaded !== null);
  const phase = useSession((s) => s.phase);
  if (!set) return null;
  const running = set.status === 'running' || set.status === 'stopping';
  const finished = set.outcomes.some((o) => o !== null);
  const refused = Object.entries(set.refused);
  const verb = set.status === 'idle' ? 'Run the set' : 'Resume';
  return (
    <section className="panel prompt-set" aria-label="Prompt set" data-testid="prompt-set-panel" data-status={set.status}>
      <h2>Prompt set {set.name} <span className="tag">{set.prompts.length} prompts</span></h2>
      <p className="note" data-testid="set-settings">
        {set.config
          ? <>Runs {set.config.methods.map((m) => METHOD_LABELS[m]).join(', ')} with N = {set.config.n}, {set.config.maxNewTokens} new tokens, seed {set.config.seed}
            {set.models && <>, on {set.models.generator} scored by {set.models.scorers.join(' and ')}</>} (fixed when it first ran).</>
          : <>Runs with the methods and settings of the run panel, fixed when you start it.</>}
      </p>
      <div className="set-controls">
        {loaded ? (
          <>
            <button type="button" data-testid="set-run-button" disabled={running || phase !== 'ready' || set.status === 'done'} onClick={() => void sets.run()}>{verb}</button>
            <button type="button" data-testid="set-stop-button" disabled={set.status !== 'running'} onClick={sets.stop}>Stop</button>
            <button type="button" data-testid="set-stop-after-button" disabled={set.status !== 'running' || set.stopAfterPrompt} onClick={sets.stopAfterPrompt}>
              Stop after this prompt
            </button>
          </>
        ) : (
          <span className="note">{set.status === 'done' ? 'Every prompt has run.' : 'Load the models above to run it.'}</span>
        )}
        <button type="button" data-testid="set-close-button" disabled={running} onClick={sets.close}>Close the set</button>
      </div>
      <SetProgressView set={set} />
      {set.problem && <p className="field-error" role="alert" data-testid="set-problem">{set.problem}</p>}
      {refused.length > 0 && (
        <p className="note" data-testid="set-refused">
          {refused.length} prompt(s) not run, refused by the engine: prompt {Number(refused[0]![0]) + 1}: {refused[0]![1]}
        </p>
      )}
      {finished && <SetAggregate set={set} />}
      {finished && <SetExport />}
      <SetPromptList set={set} />
    </section>
  );
}
