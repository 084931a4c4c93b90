// Save the finished run as a file (its event log), to open later here, offline, or share.
import { useController, useRun, useSession } from '../engine/controller-context.ts';

function fileName(prompt: string | undefined): string {
  const slug = (prompt ?? 'run').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'run';
  return `run-${slug}.json`;
}

export function SaveRun() {
  const controller = useController();
  const idle = useSession((s) => s.phase === 'ready' || s.recorded !== null);
  const prompt = useRun((s) => s.methods.map((m) => s.lanes[m]?.start?.prompt).find((p) => p !== undefined));
  const ended = useRun((s) => s.methods.length > 0 && s.methods.every((m) => s.lanes[m]?.end));
  if (!ended) return null;
  const save = () => {
    const text = controller.savedRunText();
    if (text === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName(prompt) });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" className="save-run" data-testid="save-run" disabled={!idle} onClick={save}>
      Save this run (JSON)
    </button>
  );
}
