// Where Best-of-N's answer went in the other lanes. Every candidate samples from its own seeded stream
// (seed, id), so on the same prompt and seed Speculative Rejection's candidate #w writes exactly Best-of-N's
// #w, token for token, for as long as it is kept; TreeBoN's root #w too, and its first child at every
// layer continues the parent's stream. So Best-of-N's answer can be followed through each lane: cut at
// a decision (with the partial reward it had there and its rank in the pool), or kept to its end.
import type { MethodId, RunEventOf, ScoredCandidate } from '../../core/events.ts';
import { compareByReward } from '../../core/selection.ts';
import type { LaneState, RunState } from '../state/run-state.ts';

export interface CutAt {
  /** The decision (Speculative Rejection) or layer (TreeBoN) it was cut at, from 1. */
  readonly round: number;
  /** Response length at that decision. */
  readonly length: number;
  /** Its partial reward there (the score that ranked it). */
  readonly partialReward: number;
  /** 1 = the best partial reward of the pool. */
  readonly rank: number;
  readonly pool: number;
  /** How many of the pool went on. */
  readonly kept: number;
  /** α would have kept it, but its next token did not fit the KV budget. */
  readonly forMemory: boolean;
}

export type AnswerFate =
  /** The lane never started candidate #w (it started fewer than Best-of-N's N). */
  | { readonly kind: 'not-started'; readonly started: number }
  /** Cut mid-answer; `memberId` is the lane's candidate that carried it then. */
  | { readonly kind: 'cut'; readonly memberId: number; readonly at: CutAt }
  /** TreeBoN: chosen as a parent, but the branching gave it no children. */
  | { readonly kind: 'no-children'; readonly memberId: number; readonly layer: number }
  /** Written to its end in this lane; `chosen`: it is the lane's answer. */
  | { readonly kind: 'complete'; readonly memberId: number; readonly chosen: boolean };

export interface LaneFate {
  readonly method: MethodId;
  readonly fate: AnswerFate;
  /** The lane's own answer (null when it has none). */
  readonly answer: ScoredCandidate | null;
}

export interface BestOfNAnswerFates {
  readonly answer: ScoredCandidate;
  /** Best-of-N's N. */
  readonly n: number;
  readonly spr: LaneFate | null;
  readonly treebon: LaneFate | null;
}

/** The lanes' candidates share Best-of-N's streams only on the same prompt, seed, sampling and generator. */
function sameStreams(a: RunEventOf<'run-start'>, b: RunEventOf<'run-start'>): boolean {
  return a.prompt === b.prompt && a.seed !== undefined && a.seed === b.seed && a.generator === b.generator
    && a.maxNewTokens === b.maxNewTokens && JSON.stringify(a.sampling) === JSON.stringify(b.sampling);
}

/** Best-of-N's answer followed through the other finished lanes; null until Best-of-N has an answer. */
export function bestOfNAnswerFates(state: RunState): BestOfNAnswerFates | null {
  const bon = state.lanes.bon;
  const answer = bon?.end?.winner ?? null;
  if (!bon?.start || !answer) return null;
  const laneFate = (method: 'spr' | 'treebon', follow: (lane: LaneState, id: number) => AnswerFate): LaneFate | null => {
    const lane = state.lanes[method];
    if (!lane?.start || !lane.end || lane.end.stopped || !sameStreams(bon.start!, lane.start)) return null;
    return { method, fate: follow(lane, answer.id), answer: lane.end.winner };
  };
  return { answer, n: bon.start.n, spr: laneFate('spr', followInSpr), treebon: laneFate('treebon', followInTreeBoN) };
}

function followInSpr(lane: LaneState, id: number): AnswerFate {
  const c = lane.candidates.get(id);
  if (!c) return { kind: 'not-started', started: lane.candidates.size };
  if (c.status === 'rejected') return cutFate(lane, id);
  return { kind: 'complete', memberId: id, chosen: lane.end?.winner?.id === id };
}

/** Root #id, then at each layer its first child (the one that continues its stream). */
function followInTreeBoN(lane: LaneState, id: number): AnswerFate {
  if (!lane.candidates.has(id)) return { kind: 'not-started', started: lane.candidates.size };
  const firstChild = firstChildren(lane);
  let member = id;
  for (;;) {
    const c = lane.candidates.get(member)!;
    if (c.status === 'rejected') return cutFate(lane, member);
    const child = firstChild.get(member);
    if (child === undefined) {
      if (c.status === 'branched' || (c.finishReason === null && c.partials.at(-1)?.kept)) {
        return { kind: 'no-children', memberId: member, layer: c.partials.at(-1)?.round ?? 0 };
      }
      return { kind: 'complete', memberId: member, chosen: lane.end?.winner?.id === member };
    }
    member = child;
  }
}

/** Each parent's first child: spawned first among its siblings, so the lowest id. */
function firstChildren(lane: LaneState): Map<number, number> {
  const first = new Map<number, number>();
  for (const c of lane.candidates.values()) {
    if (c.parent === null) continue;
    const seen = first.get(c.parent);
    if (seen === undefined || c.id < seen) first.set(c.parent, c.id);
  }
  return first;
}

function cutFate(lane: LaneState, member: number): AnswerFate {
  const decision = lane.decisions.find((d) => d.candidates.some((c) => c.id === member && !c.kept));
  if (!decision) return { kind: 'complete', memberId: member, chosen: false };
  const ranked = [...decision.candidates].sort(compareByReward);
  const rank = ranked.findIndex((c) => c.id === member) + 1;
  const entry = ranked[rank - 1]!;
  return {
    kind: 'cut',
    memberId: member,
    at: {
      round: decision.round, length: decision.length, partialReward: entry.reward, rank, pool: decision.total, kept: decision.kept,
      forMemory: decision.cutForMemory > 0 && rank <= decision.kept + decision.cutForMemory,
    },
  };
}
