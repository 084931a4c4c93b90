// The one store of a run: a pure reducer over RunEvent batches. Every view (tree, charts, results,
// scatter) derives from this state, so a recorded event log replays into exactly the same screen.
import type { CombineConfig } from '../../core/config.ts';
import type { MethodId, RunEvent, RunEventOf, RunTotals, ScoredCandidate } from '../../core/events.ts';
import { explainEvent, type ScorerBreakdown } from './scorer-breakdown.ts';

export type CandidateStatus =
  | 'queued' // spawned in a later sequential batch (Best-of-N under a KV budget); not decoding yet
  | 'alive'
  | 'finished'
  | 'rejected' // cut at a decision point
  | 'branched' // TreeBoN: its children continue its prefix
  | 'stopped'; // alive when the user pressed Stop

export interface PartialReward {
  /** The engine numbers decision rounds from 1. */
  readonly round: number;
  readonly length: number;
  readonly reward: number;
  readonly kept: boolean;
}

export interface CandidateView {
  readonly id: number;
  readonly parent: number | null;
  readonly batch: number;
  readonly prefixLength: number;
  /** Response tokens so far: exact at spawn, finish and decisions; counted up by steps in between. */
  readonly length: number;
  readonly status: CandidateStatus;
  readonly finishReason: 'stop-token' | 'max-length' | null;
  /** The latest text an event carried (empty until the first decision or finish). */
  readonly text: string;
  readonly partials: readonly PartialReward[];
  readonly finalReward: number | null;
  /** Raw score of each scorer at the latest scoring. */
  readonly scores: readonly number[];
  /** With several scorers: each one's normalised score at the latest scoring and the lowest one (null when not known). */
  readonly breakdown: ScorerBreakdown | null;
}

export interface StepPoint {
  readonly step: number;
  /** ms since this method's run-start. */
  readonly t: number;
  readonly alive: number;
  readonly kvBytes: number;
  readonly decodedTokens: number;
}

export interface DecisionView {
  readonly round: number;
  readonly length: number;
  readonly t: number;
  /** Tokens decoded by this method when it decided (x position on token axes). */
  readonly decodedTokens: number;
  readonly kept: number;
  readonly total: number;
  /** Why here (absent in older logs): the alive rows filled the KV budget, or a fixed length came first. */
  readonly trigger: 'budget-full' | 'schedule' | null;
  /** Survivors α would have kept that were cut too, their next token not fitting the budget. */
  readonly cutForMemory: number;
  readonly candidates: RunEventOf<'decision'>['candidates'];
}

export interface LaneState {
  readonly method: MethodId;
  readonly start: RunEventOf<'run-start'> | null;
  /** Candidates in spawn order. */
  readonly order: readonly number[];
  readonly candidates: ReadonlyMap<number, CandidateView>;
  readonly steps: readonly StepPoint[];
  readonly decisions: readonly DecisionView[];
  readonly final: readonly ScoredCandidate[] | null;
  readonly finalAt: { readonly t: number; readonly decodedTokens: number } | null;
  readonly prefixScores: RunEventOf<'prefix-scores'> | null;
  readonly end: RunEventOf<'run-end'> | null;
  readonly totals: RunTotals | null;
  /** ms since run-start of the latest event. */
  readonly lastT: number;
}

export interface RunState {
  /** Methods in the order they first appeared. */
  readonly methods: readonly MethodId[];
  readonly lanes: Readonly<Partial<Record<MethodId, LaneState>>>;
  readonly eventCount: number;
  /** How the run combined several scorers (its run-start, else the config it was sent); null if unknown. */
  readonly combine: CombineConfig | null;
}

export const emptyRunState: RunState = { methods: [], lanes: {}, eventCount: 0, combine: null };

/** The state a run starts from, knowing how it combines its scorers. */
export function startRunState(combine: CombineConfig): RunState {
  return { ...emptyRunState, combine };
}

function emptyLane(method: MethodId): LaneState {
  return {
    method, start: null, order: [], candidates: new Map(), steps: [], decisions: [], final: null,
    finalAt: null, prefixScores: null, end: null, totals: null, lastT: 0,
  };
}

/**
 * Mutable working copy of one lane while a batch of events is applied; frozen back into LaneState.
 * `order` is copied only when a spawn adds to it, so a lane keeps its `order` array (and the tree its
 * row layout, cached on it) across every batch that spawns nothing.
 */
interface LaneDraft {
  lane: LaneState;
  order: readonly number[];
  /** Candidates spawned by this batch of events, appended to `order` when the draft is frozen. */
  spawned: number[];
  /** Whether any candidate belongs to a later sequential batch (found on first need; only then can one queue). */
  batched: boolean | null;
  candidates: Map<number, CandidateView>;
  steps: StepPoint[];
  decisions: DecisionView[];
}

export function applyEvents(state: RunState, events: readonly RunEvent[]): RunState {
  if (events.length === 0) return state;
  const methods = [...state.methods];
  const drafts = new Map<MethodId, LaneDraft>();
  const draftOf = (method: MethodId): LaneDraft => {
    let draft = drafts.get(method);
    if (!draft) {
      const lane = state.lanes[method] ?? emptyLane(method);
      if (!methods.includes(method)) methods.push(method);
      draft = { lane, order: lane.order, spawned: [], batched: null, candidates: new Map(lane.candidates), steps: [...lane.steps], decisions: [...lane.decisions] };
      drafts.set(method, draft);
    }
    return draft;
  };
  // A log carries its own combine settings (run-start, from this version on); older logs use the config's.
  let combine = state.combine;
  for (const event of events) {
    if (event.type === 'run-start' && event.combine) combine = event.combine;
    applyEvent(draftOf(event.method), event, combine);
  }
  const lanes = { ...state.lanes };
  for (const [method, d] of drafts) {
    const order = d.spawned.length > 0 ? [...d.order, ...d.spawned] : d.order;
    lanes[method] = { ...d.lane, order, candidates: d.candidates, steps: d.steps, decisions: d.decisions };
  }
  return { methods, lanes, eventCount: state.eventCount + events.length, combine };
}

function applyEvent(d: LaneDraft, event: RunEvent, combine: CombineConfig | null): void {
  // A new run-start resets the lane: the log of a fresh run replaces the previous one.
  if (event.type === 'run-start') {
    d.lane = { ...emptyLane(event.method), start: event, lastT: 0 };
    d.order = [];
    d.spawned = [];
    d.batched = false;
    d.candidates = new Map();
    d.steps = [];
    d.decisions = [];
    return;
  }
  const t = event.t - (d.lane.start?.t ?? 0);
  d.lane = { ...d.lane, lastT: Math.max(d.lane.lastT, t) };
  switch (event.type) {
    case 'spawn': return spawn(d, event);
    case 'step': return step(d, event, t);
    case 'finish': return finish(d, event);
    case 'decision': return decide(d, event, t, combine);
    case 'final': return finalScores(d, event, t, combine);
    case 'prefix-scores': d.lane = { ...d.lane, prefixScores: event }; return;
    case 'run-end': return end(d, event);
  }
}

function update(d: LaneDraft, id: number, patch: Partial<CandidateView>): void {
  const current = d.candidates.get(id) ?? newCandidate(d, { id, parent: null, batch: 0, prefixLength: 0 });
  d.candidates.set(id, { ...current, ...patch });
}

function newCandidate(d: LaneDraft, spawn: { id: number; parent: number | null; batch: number; prefixLength: number }): CandidateView {
  // Every candidate in the map is in the order and the other way round (both reset at run-start).
  if (!d.candidates.has(spawn.id)) d.spawned.push(spawn.id);
  return {
    ...spawn, length: spawn.prefixLength, status: 'alive', finishReason: null, text: '', partials: [], finalReward: null, scores: [], breakdown: null,
  };
}

function spawn(d: LaneDraft, event: RunEventOf<'spawn'>): void {
  if (event.candidates.some((c) => c.batch > 0)) d.batched = true;
  for (const c of event.candidates) {
    d.candidates.set(c.id, newCandidate(d, c));
    const parent = c.parent === null ? undefined : d.candidates.get(c.parent);
    if (parent && parent.status === 'alive') update(d, parent.id, { status: 'branched' });
  }
  settleQueue(d);
}

/**
 * Only the earliest unfinished batch decodes; later batches wait their turn (sequential Best-of-N).
 * Called after every finish: with a single batch (Speculative Rejection, TreeBoN) it returns at once
 * instead of walking all N candidates a thousand times per run.
 */
function settleQueue(d: LaneDraft): void {
  if (d.batched === null) {
    d.batched = false;
    for (const c of d.candidates.values()) if (c.batch > 0) d.batched = true;
  }
  if (!d.batched) return;
  let running = Infinity;
  for (const c of d.candidates.values()) {
    if (c.status === 'alive' || c.status === 'queued') running = Math.min(running, c.batch);
  }
  for (const c of d.candidates.values()) {
    if (c.status === 'alive' && c.batch > running) d.candidates.set(c.id, { ...c, status: 'queued' });
    else if (c.status === 'queued' && c.batch === running) d.candidates.set(c.id, { ...c, status: 'alive' });
  }
}

function step(d: LaneDraft, event: RunEventOf<'step'>, t: number): void {
  for (const c of d.candidates.values()) {
    if (c.status === 'alive') d.candidates.set(c.id, { ...c, length: c.length + 1 });
  }
  d.steps.push({ step: event.step, t, alive: event.alive, kvBytes: event.kvBytes, decodedTokens: event.totals.decodedTokens });
  d.lane = { ...d.lane, totals: event.totals };
}

function finish(d: LaneDraft, event: RunEventOf<'finish'>): void {
  const c = d.candidates.get(event.id);
  const status = c?.status === 'rejected' ? 'rejected' : 'finished';
  update(d, event.id, { length: event.length, text: event.text, status, finishReason: event.reason });
  settleQueue(d);
}

function decide(d: LaneDraft, event: RunEventOf<'decision'>, t: number, combine: CombineConfig | null): void {
  // A decision normalises over its own pool.
  const breakdowns = combine ? explainEvent(event.candidates, [event.candidates], combine) : null;
  for (const c of event.candidates) {
    const current = d.candidates.get(c.id);
    const partials = [...(current?.partials ?? []), { round: event.round, length: c.length, reward: c.reward, kept: c.kept }];
    const status = !c.kept ? 'rejected' : c.finished ? 'finished' : current?.status === 'branched' ? 'branched' : 'alive';
    update(d, c.id, { length: c.length, text: c.text, scores: c.scores, partials, status, breakdown: breakdowns?.get(c.id) ?? null });
  }
  const kept = event.candidates.filter((c) => c.kept).length;
  d.decisions.push({
    round: event.round, length: event.length, t, decodedTokens: decodedSoFar(d), kept, total: event.candidates.length,
    trigger: event.trigger ?? null, cutForMemory: event.cutForMemory ?? 0, candidates: event.candidates,
  });
  settleQueue(d);
}

function finalScores(d: LaneDraft, event: RunEventOf<'final'>, t: number, combine: CombineConfig | null): void {
  for (const c of event.candidates) {
    const current = d.candidates.get(c.id);
    const status = current && current.status !== 'alive' ? current.status : 'finished';
    update(d, c.id, { length: c.length, text: c.text, scores: c.scores, finalReward: c.reward, status });
  }
  // Final rewards combine over the complete answers, or over everything ever scored (each at its latest
  // scoring) when a cut candidate may still win: whichever reproduces the event's rewards.
  const everScored = [...d.candidates.values()].filter((c) => c.scores.length > 0);
  const breakdowns = combine ? explainEvent(event.candidates, [event.candidates, everScored], combine) : null;
  for (const c of event.candidates) update(d, c.id, { breakdown: breakdowns?.get(c.id) ?? null });
  d.lane = { ...d.lane, final: event.candidates, finalAt: { t, decodedTokens: decodedSoFar(d) } };
}

function end(d: LaneDraft, event: RunEventOf<'run-end'>): void {
  for (const c of d.candidates.values()) {
    if (c.status === 'alive' || c.status === 'queued') d.candidates.set(c.id, { ...c, status: event.stopped ? 'stopped' : 'finished' });
  }
  d.lane = { ...d.lane, end: event, totals: event.totals };
}

function decodedSoFar(d: LaneDraft): number {
  return d.lane.totals?.decodedTokens ?? 0;
}

export function winnerId(lane: LaneState): number | null {
  return lane.end?.winner?.id ?? null;
}
