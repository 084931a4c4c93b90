// The start screen's entry to prompt sets: open a file of prompts, or a set kept in this browser; the open
// set below, with what can be done without models (its table, picture, prompts and exports).
import { useController } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';
import { PromptFileInput } from './PromptFileInput.tsx';
import { PromptSetPanel } from './PromptSetPanel.tsx';
import './promptset.css';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function PromptSets() {
  const { sets } = useController();
  const kept = useStore(sets.state, (s) => s.kept);
  const openId = useStore(sets.state, (s) => s.open?.id ?? null);
  return (
    <section className="panel prompt-sets" aria-label="Prompt sets">
      <h2>Align a prompt set</h2>
      <PromptFileInput
        label={<>A file of prompts: a JSON array or JSON Lines (.jsonl) of strings or of objects with an <code>instruction</code> or{' '}
          <code>prompt</code>, or a CSV file with a <code>prompt</code> or <code>instruction</code> column.</>}
      />
      <p className="note">
        Each prompt runs the methods with the settings of the run panel; each finished prompt is kept in this browser at once, so a closed tab
        loses at most the prompt in flight. The built-in models continue sentences: give them sentence starts (examples/prompts/sentence-starts.json).
      </p>
      {kept !== null && kept.length > 0 && (
        <ul className="recent-list" aria-label="Kept prompt sets">
          {kept.map(({ set, finished }) => (
            <li key={set.id} className="recent-run" data-testid="kept-set" data-set-id={set.id}>
              <div className="recent-what">
                <b>{set.name}</b> <span className="tag">{finished} of {set.prompts.length} done</span>
                <div className="note">{DATE.format(set.createdAt)} · {set.models.generator}{set.ending === 'done' ? '' : ' · stopped, can resume'}</div>
              </div>
              <div className="buttons">
                <button type="button" disabled={openId === set.id} onClick={() => void sets.openKept(set.id)}>Open</button>
                <button type="button" onClick={() => void sets.remove(set.id)}>Delete</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <PromptSetPanel />
    </section>
  );
}
