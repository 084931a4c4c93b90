// The banner over a saved run: what it is and the way back to the models.
import { useController, useRun, useSession } from '../engine/controller-context.ts';
import { NumericCheckNote } from './NumericCheckNote.tsx';

export function RecordedSummary() {
  const controller = useController();
  const recorded = useSession((s) => s.recorded);
  const start = useRun((s) => s.methods.map((m) => s.lanes[m]?.start).find((e) => e != null) ?? null);
  if (!recorded) return null;
  return (
    <>
      <div className="loaded-summary recorded" data-testid="recorded-summary">
        <span>
          Saved run <b>{recorded.name}</b>{recorded.savedAt ? ` (saved ${recorded.savedAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}
          {start && <> · generator <b>{start.generator}</b> · scored by <b>{start.scorers.join(' and ')}</b></>} · no model
          loaded: nothing here runs again, except the α replay.
        </span>
        <button onClick={controller.closeRun}>Back to the models</button>
      </div>
      {/* A run made on WebGPU says how its numbers compared with WASM's. */}
      <NumericCheckNote check={start?.type === 'run-start' ? start.numericCheck : undefined} />
    </>
  );
}
