// Picks a file of prompts for a prompt set; a file that cannot be read is said, with its first bad line.
import { useState, type ReactNode } from 'react';
import { useController } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';

export function PromptFileInput({ label }: { readonly label: ReactNode }) {
  const { sets } = useController();
  const problem = useStore(sets.state, (s) => s.fileProblem);
  // A new input after each pick, so picking the same file again (after fixing it) reads it again.
  const [inputKey, setInputKey] = useState(0);
  const open = async (file: File | undefined) => {
    if (!file) return;
    sets.openFile(await file.text(), file.name);
    setInputKey((k) => k + 1);
  };
  return (
    <>
      <label>
        {label}{' '}
        <input key={inputKey} type="file" accept=".json,.jsonl,.ndjson,.csv" aria-label="Prompt set file" onChange={(e) => void open(e.target.files?.[0])} />
      </label>
      {problem && <p className="field-error" role="alert" data-testid="prompt-set-problem">{problem}</p>}
    </>
  );
}
