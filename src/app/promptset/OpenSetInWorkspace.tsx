// The workspace's way to a prompt set without unloading the models: at its foot, so that it never moves
// the lanes; once a set is open, its panel shows under the run settings instead.
import { useController, useSession } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';
import { PromptFileInput } from './PromptFileInput.tsx';
import './promptset.css';

export function OpenSetInWorkspace() {
  const { sets } = useController();
  const open = useStore(sets.state, (s) => s.open !== null);
  const loaded = useSession((s) => s.loaded !== null);
  if (open || !loaded) return null;
  return (
    <section className="panel prompt-set-open" aria-label="Open a prompt set">
      <PromptFileInput label="Run a whole prompt set with these settings, from a file of prompts (JSON, JSON Lines or CSV):" />
    </section>
  );
}
