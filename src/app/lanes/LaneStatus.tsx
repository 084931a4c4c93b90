import { formatCount, formatDuration } from '../format.ts';
import type { LaneState } from '../state/run-state.ts';

/** TreeBoN counts layers, the other methods decision points. */
function progressWords(lane: LaneState): string {
  const layers = lane.start?.params.layers;
  if (lane.method === 'treebon' && typeof layers === 'number') {
    return `layer ${Math.min(layers, lane.decisions.length + 1)} of ${layers}`;
  }
  return `${lane.decisions.length} decision${lane.decisions.length === 1 ? '' : 's'}`;
}

export function LaneStatus({ lane }: { readonly lane: LaneState }) {
  const last = lane.steps.at(-1);
  let alive = 0;
  for (const c of lane.candidates.values()) if (c.status === 'alive') alive++;
  const state = lane.end ? (lane.end.stopped ? 'stopped' : 'done') : lane.steps.length === 0 ? 'starting' : 'generating';
  return (
    <p className="lane-status" data-testid="lane-status" data-state={state}>
      <b>{state}</b> · {alive} alive of {lane.candidates.size} · {formatCount(last?.decodedTokens ?? 0)} tokens decoded ·{' '}
      {progressWords(lane)} · {formatDuration(lane.end?.totals.wallMs ?? lane.lastT)}
    </p>
  );
}
