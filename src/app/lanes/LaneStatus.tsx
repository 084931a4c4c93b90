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

/**
 * "3 alive of 32" for Best-of-N and Speculative Rejection (the candidates it started); TreeBoN writes N
 * at every layer and grows more branches than N in all, so it says both.
 */
export function aliveWords(lane: Pick<LaneState, 'method' | 'start' | 'candidates'>, alive: number): string {
  const n = lane.start?.n;
  if (lane.method === 'treebon' && n !== undefined) {
    return `${alive} being written (N = ${n} per layer, ${formatCount(lane.candidates.size)} branches in all)`;
  }
  return `${alive} alive of ${lane.candidates.size}`;
}

export function LaneStatus({ lane }: { readonly lane: LaneState }) {
  const last = lane.steps.at(-1);
  let alive = 0;
  for (const c of lane.candidates.values()) if (c.status === 'alive') alive++;
  const state = lane.end ? (lane.end.stopped ? 'stopped' : 'done') : lane.steps.length === 0 ? 'starting' : 'generating';
  return (
    <p className="lane-status" data-testid="lane-status" data-state={state}>
      <b>{state}</b> · {aliveWords(lane, alive)} · {formatCount(last?.decodedTokens ?? 0)} tokens decoded ·{' '}
      {progressWords(lane)} · {formatDuration(lane.end?.totals.wallMs ?? lane.lastT)}
    </p>
  );
}
