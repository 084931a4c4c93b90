// A candidate's partial rewards in words, one per decision (or TreeBoN layer) it was scored at. The
// decision's own length comes first; an answer that was already complete there says so, and that it
// was kept or dropped from the pool of complete answers, rather than "kept" as if it were still written.
import { formatReward } from '../format.ts';
import type { CandidateView, LaneState } from '../state/run-state.ts';

export function partialWords(lane: Pick<LaneState, 'method' | 'decisions'>, c: Pick<CandidateView, 'partials'>): string[] {
  const tree = lane.method === 'treebon';
  return c.partials.map((p) => {
    const at = lane.decisions.find((d) => d.round === p.round)?.length ?? p.length;
    const head = `${tree ? 'layer' : 'decision'} ${p.round} at ${at} tokens`;
    if (p.length >= at) return `${head} ${formatReward(p.reward)} (${p.kept ? (tree ? 'parent' : 'kept') : tree ? 'not chosen' : 'cut'})`;
    const verdict = p.kept
      ? tree ? 'ranked among the parents, it keeps its slot (a complete answer has no children)' : 'ranked among the best, it stays in the pool of complete answers'
      : tree ? 'outranked, it gives up its slot' : 'outranked, it leaves the pool';
    return `${head}: already complete (${p.length} tokens), ${formatReward(p.reward)} on its whole text; ${verdict}`;
  });
}

/** The status of a candidate cut after it had ended: outranked at a later decision, not cut mid-answer. */
export function endedThenCut(c: Pick<CandidateView, 'status' | 'finishReason' | 'partials' | 'length'>, lane: Pick<LaneState, 'decisions'>): boolean {
  const last = c.partials.at(-1);
  if (c.status !== 'rejected' || c.finishReason === null || !last || last.kept) return false;
  const at = lane.decisions.find((d) => d.round === last.round)?.length;
  return at !== undefined && at > c.length;
}
