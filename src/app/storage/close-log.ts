// A run cut short (the page reloaded or closed, the engine failed) is kept as what it produced: its log
// is closed the way Stop closes one, with a stopped run-end for every method that had started and not
// ended, so the recorded view, the result table and the α replay read it like any stopped run.
import type { MethodId, RunEvent, RunEventOf, RunTotals, ScoredCandidate } from '../../core/events.ts';

const NO_TOTALS: RunTotals = {
  decodedTokens: 0, prefillTokens: 0, rewardTokens: 0, steps: 0, peakKvBytes: 0, wallMs: 0, generateMs: 0, scoreMs: 0, pruneMs: 0,
};

interface OpenMethod {
  readonly startT: number;
  t: number;
  totals: RunTotals;
  /** Each candidate's latest scoring, to pick the best complete response so far. */
  scored: Map<number, ScoredCandidate>;
}

/** The run-end events that close `events`: none when every method that started has ended. */
export function closingEvents(events: readonly RunEvent[]): RunEventOf<'run-end'>[] {
  const open = new Map<MethodId, OpenMethod>();
  for (const event of events) {
    if (event.type === 'run-start') {
      open.set(event.method, { startT: event.t, t: event.t, totals: NO_TOTALS, scored: new Map() });
      continue;
    }
    const method = open.get(event.method);
    if (!method) continue;
    method.t = Math.max(method.t, event.t);
    if (event.type === 'step') method.totals = event.totals;
    else if (event.type === 'decision' || event.type === 'final') for (const c of event.candidates) method.scored.set(c.id, c);
    else if (event.type === 'run-end') open.delete(event.method);
  }
  return [...open].map(([method, state]) => ({
    type: 'run-end', method, t: state.t, stopped: true,
    // As Stop does, the best *complete* response so far (as last scored), never one cut off mid-answer.
    winner: bestComplete([...state.scored.values()]),
    totals: { ...state.totals, wallMs: Math.max(state.totals.wallMs, state.t - state.startT) },
  }));
}

function bestComplete(candidates: readonly ScoredCandidate[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  for (const c of candidates) {
    if (c.finished && Number.isFinite(c.reward) && (best === null || c.reward > best.reward)) best = c;
  }
  return best;
}
