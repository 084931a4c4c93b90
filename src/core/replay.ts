// Re-runs Speculative Rejection's selection for another alpha (or schedule) from a recorded Best-of-N
// run with prefix scores: no model, instant. With the same seed a candidate samples the same tokens
// in both methods, so at the recorded alpha and schedule this reproduces the run's selection exactly,
// provided every decision length is on the recorded grid (else the nearest recorded length stands in).
import type { CombineConfig, DecisionSchedule } from './config.ts';
import { nextDecisionLength } from './decisionSchedule.ts';
import type { RunEvent, RunEventOf } from './events.ts';
import { budgetTokens } from './memory.ts';
import { combinePool } from './scorePool.ts';
import { bestOf, keepTopFraction } from './selection.ts';

export interface ReplayOptions {
  readonly alpha: number;
  readonly decision: DecisionSchedule;
  /** Re-combines several scorers' raw scores over each replayed pool; without it the recorded rewards are used. */
  readonly combine?: CombineConfig;
}

export interface ReplayRound {
  readonly round: number;
  /** Where the schedule decides, and the recorded prefix length whose scores stood in for it. */
  readonly length: number;
  readonly scoredAt: number;
  readonly pool: readonly { readonly id: number; readonly reward: number; readonly finished: boolean; readonly kept: boolean }[];
  readonly kept: readonly number[];
}

export interface ReplayResult {
  readonly rounds: readonly ReplayRound[];
  readonly winner: { readonly id: number; readonly reward: number } | null;
  /** Tokens Speculative Rejection would have decoded, and what Best-of-N decoded for the same candidates. */
  readonly decodedTokens: number;
  readonly bestOfNDecodedTokens: number;
  /** True when a decision length was not on the recorded grid. */
  readonly approximate: boolean;
}

type Recorded = RunEventOf<'prefix-scores'>['candidates'][number];

function lastOf<T extends RunEvent['type']>(log: readonly RunEvent[], type: T): RunEventOf<T> | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (e.method === 'bon' && e.type === type) return e as RunEventOf<T>;
  }
  return undefined;
}

/** The recorded length nearest `target` from below (from above when none lies below). */
function gridLength(lengths: readonly number[], target: number): number {
  const below = lengths.filter((l) => l <= target);
  return below.length > 0 ? below[below.length - 1]! : lengths[0]!;
}

export function replaySpeculativeRejection(log: readonly RunEvent[], options: ReplayOptions): ReplayResult {
  const start = lastOf(log, 'run-start');
  const recorded = lastOf(log, 'prefix-scores');
  if (!start || !recorded || recorded.lengths.length === 0) throw new Error('replay needs a Best-of-N run recorded with prefix scores');
  const finalLengths = new Map(lastOf(log, 'final')?.candidates.map((c) => [c.id, c.length]) ?? []);
  const lengthOf = (c: Recorded): number => c.length ?? finalLengths.get(c.id) ?? start.maxNewTokens;
  const budget = budgetTokens(start.kvBudgetBytes, start.kvBytesPerToken);
  const recombine = options.combine !== undefined && recorded.candidates.every((c) => c.finalScores !== undefined);

  /** A candidate's score at decision `target` (prefix scores at grid length `at`): raw scores and recorded reward. */
  const scoreAt = (c: Recorded, target: number, at: number): { raw: readonly number[]; reward: number; finished: boolean } => {
    const li = recorded.lengths.indexOf(at);
    const partial = lengthOf(c) > target ? (c.partial[li] ?? null) : null;
    if (partial === null) return { raw: c.finalScores ?? [c.final], reward: c.final, finished: lengthOf(c) <= target };
    return { raw: c.partialScores?.[li] ?? [partial], reward: partial, finished: false };
  };
  const rewardsOver = (entries: readonly { raw: readonly number[]; reward: number }[]): number[] =>
    recombine ? combinePool(entries.map((e) => e.raw), options.combine!) : entries.map((e) => e.reward);

  const latest = new Map<number, { raw: readonly number[]; reward: number }>();
  const decodedBy = new Map<number, number>();
  let alive: Recorded[] = [...recorded.candidates];
  let finishedKept: { c: Recorded; raw: readonly number[]; reward: number }[] = [];
  let current = 0;
  let approximate = false;
  const rounds: ReplayRound[] = [];
  for (let round = 1; alive.length > 0; round++) {
    const target = nextDecisionLength(options.decision, {
      current, alive: alive.length, budgetTokens: budget, promptTokens: start.promptTokens, maxNewTokens: start.maxNewTokens,
    });
    if (target === null || !alive.some((c) => lengthOf(c) > target)) break;
    const at = gridLength(recorded.lengths, target);
    if (at !== target) approximate = true;
    const scored = alive.map((c) => ({ c, ...scoreAt(c, target, at) }));
    const pool = [...scored, ...finishedKept.map((f) => ({ ...f, finished: true }))];
    const rewards = rewardsOver(pool);
    const kept = keepTopFraction(pool.map((p, i) => ({ id: p.c.id, reward: rewards[i]! })), options.alpha);
    for (const s of scored) latest.set(s.c.id, s);
    for (const s of scored) if (!kept.has(s.c.id)) decodedBy.set(s.c.id, Math.min(target, lengthOf(s.c)));
    rounds.push({
      round, length: target, scoredAt: at,
      pool: pool.map((p, i) => ({ id: p.c.id, reward: rewards[i]!, finished: p.finished, kept: kept.has(p.c.id) })),
      kept: pool.filter((p) => kept.has(p.c.id)).map((p) => p.c.id),
    });
    finishedKept = pool.filter((p) => kept.has(p.c.id) && p.finished);
    alive = scored.filter((s) => kept.has(s.c.id) && !s.finished).map((s) => s.c);
    current = target;
  }
  // Survivors run to their end: their complete responses are scored.
  for (const c of alive) latest.set(c.id, { raw: c.finalScores ?? [c.final], reward: c.final });

  const everScored = [...latest.entries()].sort(([a], [b]) => a - b);
  const finalRewards = rewardsOver(everScored.map(([, e]) => e));
  const winner = bestOf(everScored.map(([id], i) => ({ id, reward: finalRewards[i]! })));
  const all = recorded.candidates;
  const decodedTokens = all.reduce((sum, c) => sum + (decodedBy.get(c.id) ?? lengthOf(c)), 0);
  const bestOfNDecodedTokens = all.reduce((sum, c) => sum + lengthOf(c), 0);
  return { rounds, winner, decodedTokens, bestOfNDecodedTokens, approximate };
}
