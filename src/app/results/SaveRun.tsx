// Save the finished run as a file (its event log), to open later here, offline, or share; and whether
// this browser kept it too (Recent runs).
import { downloadRunFile } from '../common/download-run.ts';
import { useController, useRun, useSession } from '../engine/controller-context.ts';
import { KeptNote } from '../storage/KeptNote.tsx';

export function SaveRun() {
  const controller = useController();
  const idle = useSession((s) => s.phase === 'ready' || s.recorded !== null);
  const prompt = useRun((s) => s.methods.map((m) => s.lanes[m]?.start?.prompt).find((p) => p !== undefined));
  const ended = useRun((s) => s.methods.length > 0 && s.methods.every((m) => s.lanes[m]?.end));
  if (!ended) return null;
  const save = () => {
    const text = controller.savedRunText();
    if (text !== null) downloadRunFile(text, prompt);
  };
  return (
    <div className="save-run-row">
      <button type="button" className="save-run" data-testid="save-run" disabled={!idle} onClick={save}>
        Save this run (JSON)
      </button>
      <KeptNote />
    </div>
  );
}
