// The shipped examples, to run live: each fills the run settings with its prompt, seed and sizes, so the
// run reproduces the recording (same models, same seed, same candidates) and the same disagreement.
import { BUILTIN_REWARD_ID } from '../../modelgen/builtin/task.ts';
import { useController, useSession } from '../engine/controller-context.ts';
import type { RecordingEntry } from './recording-index.ts';
import { useRecordings } from './use-recordings.ts';

export function ExampleChips() {
  const controller = useController();
  const generator = useSession((s) => s.loaded?.generator.id ?? null);
  const onlyTaskReward = useSession((s) => s.loaded?.scorers.length === 1 && s.loaded.scorers[0]?.id === BUILTIN_REWARD_ID);
  const busy = useSession((s) => s.phase !== 'ready');
  const index = useRecordings();
  if (!index || index.recordings.length === 0 || generator !== index.generator) return null;
  const fill = (r: RecordingEntry) => controller.form.update((f) => ({
    ...f,
    prompt: r.settings.prompt, seed: String(r.settings.seed), n: String(r.settings.n), maxNewTokens: String(r.settings.maxNewTokens),
    kvBudgetTokens: String(r.settings.kvBudgetTokens), alpha: String(r.settings.alpha), sprStart: r.settings.sprStart,
    methods: ['bon', 'spr', 'treebon'], decisionMode: 'memory',
  }));
  return (
    <section className="panel shipped-examples" aria-label="Examples where the methods disagree" data-testid="shipped-examples">
      <h2>Examples where the methods disagree</h2>
      <p className="note">
        Found by <code>scripts/find-disagreements.ts</code> over the built-in sentence starts and seeds. A chip fills the run settings;
        Run reproduces the recorded run{onlyTaskReward ? '' : ' (with the built-in positivity reward alone: other reward models judge differently)'}.
      </p>
      <ul>
        {index.recordings.map((r) => (
          <li key={r.id}>
            <button type="button" className="chip" data-testid="shipped-example" data-id={r.id} disabled={busy} onClick={() => fill(r)}>
              &ldquo;{r.settings.prompt}&rdquo; · seed {r.settings.seed}{r.settings.sprStart === 'memory' ? ' · same memory' : ''}
            </button>{' '}
            <span className="muted">{r.outcome}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
