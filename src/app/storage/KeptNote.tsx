// Beside "Save this run": whether this browser kept the run too, so it is under Recent runs after a reload.
import { useController, useSession } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';

export function KeptNote() {
  const controller = useController();
  const live = useSession((s) => s.recorded === null && s.lastRun !== null);
  const latest = useStore(controller.archive.state, (s) => s.latest);
  const available = useStore(controller.archive.state, (s) => s.available);
  if (!live) return null;
  const state = available === false ? 'not-kept' : latest?.state ?? 'not-kept';
  return (
    <span className="kept-note" data-testid="run-kept" data-state={state}>
      {state === 'writing' && 'Keeping it in this browser…'}
      {state === 'kept' && 'Also kept in this browser: Recent runs on the start screen.'}
      {state === 'not-kept' && (available === false ? 'This browser keeps no runs: save it as a file to keep it.' : 'Not kept in this browser (see why at the bottom): save it as a file to keep it.')}
    </span>
  );
}
