// Open a run saved by this app (or by `npm run study -- --save-runs`) and watch it without any model:
// the trees, charts, scatter and α replay all read the event log alone.
import { useState } from 'react';
import { useController } from '../engine/controller-context.ts';

export function OpenRun() {
  const controller = useController();
  const [problem, setProblem] = useState<string | null>(null);
  const open = async (file: File | undefined) => {
    if (!file) return;
    setProblem(controller.openRun(await file.text(), file.name));
  };
  return (
    <section className="panel open-run" aria-label="Open a saved run">
      <h2>Or open a saved run</h2>
      <label>
        A run file (.json) saved from the results, or written by <code>npm run study -- --save-runs</code>:{' '}
        <input type="file" accept=".json,application/json" aria-label="Saved run file" onChange={(e) => void open(e.target.files?.[0])} />
      </label>
      {problem && <p className="field-error" data-testid="open-run-problem">{problem}</p>}
    </section>
  );
}
