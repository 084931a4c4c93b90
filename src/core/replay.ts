// Re-runs Speculative Rejection's selection for another alpha (or schedule) from a recorded Best-of-N
// run with prefix scores: no model, instant. With the same seed a candidate samples the same tokens
// in both methods, so at the recorded alpha and schedule this reproduces a same-N run exactly,
// provided every decision length is on the recorded grid (else the nearest recorded length stands
// in, and the result says so). Best-of-N records the lengths its own replays need (prefixScores.ts).
import type { CombineConfig, DecisionSchedule } from './config.ts';
import { nextDecision } from './decisionSchedule.ts';
import type { RunEvent, RunEventOf } from './events.ts';
import { budgetTokens, rowsForFirstRound, rowsThatCanContinue } from './memory.ts';
import { combinePool } from './scorePool.ts';
import { bestOf, selectSurvivors } from './selection.ts';

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
  readonly trigger: 'budget-full' | 'schedule';
  readonly pool: readonly { readonly id: number; readonly reward: number; readonly finished: boolean; readonly kept: boolean }[];
  readonly kept: readonly number[];
}

export interface ReplayResult {
  readonly rounds: readonly ReplayRound[];
  /** The best complete response. */
  readonly winner: { readonly id: number; readonly reward: number } | null;
  /** Candidates it starts with: Best-of-N's N, fewer when N rows do not get a first round in the budget. */
  readonly started: number;
  /** Tokens Speculative Rejection would have decoded, and what Best-of-N decoded for all its candidates. */
  readonly decodedTokens: number;
  readonly bestOfNDecodedTokens: number;
  /** Reward-model tokens it would have spent, when the record has them per candidate. */
  readonly rewardTokens: number | null;
  /** True when a decision length was not on the recorded grid. */
  readonly approximate: boolean;
  /** The first decision length that was not on the grid (recording it makes this replay exact), else null. */
  readonly missing: number | null;
}

/** What the replay reads: Best-of-N's complete responses, their prefix scores, and the memory plan. */
export interface ReplayRecord {
  readonly promptTokens: number;
  readonly maxNewTokens: number;
  readonly budgetTokens: number;
  /** Recorded prefix lengths, increasing. */
  readonly lengths: readonly number[];
  readonly candidates: readonly RecordedCandidate[];
  /** Scorers streamed while decoding (their cost is the reference's pass over the decoded tokens). */
  readonly streamedScorers?: number;
}

export type RecordedCandidate = RunEventOf<'prefix-scores'>['candidates'][number] & { readonly length: number };

function lastOf<T extends RunEvent['type']>(log: readonly RunEvent[], type: T): RunEventOf<T> | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (e.method === 'bon' && e.type === type) return e as RunEventOf<T>;
  }
  return undefined;
}

/** The replay record of a log's Best-of-N run; throws when it has no prefix scores. */
export function replayRecordOf(log: readonly RunEvent[]): ReplayRecord {
  const start = lastOf(log, 'run-start');
  const recorded = lastOf(log, 'prefix-scores');
  if (!start || !recorded || recorded.lengths.length === 0) throw new Error('replay needs a Best-of-N run recorded with prefix scores');
  const finalLengths = new Map(lastOf(log, 'final')?.candidates.map((c) => [c.id, c.length]) ?? []);
  return {
    promptTokens: start.promptTokens,
    maxNewTokens: start.maxNewTokens,
    budgetTokens: budgetTokens(start.kvBudgetBytes, start.kvBytesPerToken),
    lengths: recorded.lengths,
    ...(recorded.streamedScorers !== undefined && { streamedScorers: recorded.streamedScorers }),
    candidates: recorded.candidates.map((c) => ({ ...c, length: c.length ?? finalLengths.get(c.id) ?? start.maxNewTokens })),
  };
}

export function replaySpeculativeRejection(log: readonly RunEvent[], options: ReplayOptions): ReplayResult {
  return replayFromRecord(replayRecordOf(log), options);
}

interface Scored {
  readonly c: RecordedCandidate;
  readonly raw: readonly number[];
  readonly reward: number;
  readonly finished: boolean;
  readonly tokens: number | null;
}

/** The recorded length nearest `target` from below (from above when none lies below). */
function gridIndex(lengths: readonly number[], target: number): number {
  let index = 0;
  lengths.forEach((l, i) => {
    if (l <= target) index = i;
  });
  return index;
}

function completeScore(c: RecordedCandidate): Omit<Scored, 'c'> {
  return { raw: c.finalScores ?? [c.final], reward: c.final, finished: true, tokens: c.finalTokens ?? null };
}

export function replayFromRecord(record: ReplayRecord, options: ReplayOptions): ReplayResult {
  const { promptTokens, maxNewTokens } = record;
  const budget = record.budgetTokens;
  const recombine = options.combine !== undefined && record.candidates.every((c) => c.finalScores !== undefined);
  const rewardsOver = (entries: readonly { raw: readonly number[]; reward: number }[]): number[] =>
    recombine ? combinePool(entries.map((e) => e.raw), options.combine!) : entries.map((e) => e.reward);

  /** A candidate as scored at decision `target`, from the prefix scores at grid index `li`. */
  const scoreAt = (c: RecordedCandidate, target: number, li: number): Scored => {
    const partial = c.length > target ? (c.partial[li] ?? null) : null;
    if (partial === null) return { c, ...completeScore(c), finished: c.length <= target };
    return { c, raw: c.partialScores?.[li] ?? [partial], reward: partial, finished: false, tokens: c.partialTokens?.[li] ?? null };
  };

  const started = Math.min(record.candidates.length, rowsForFirstRound(promptTokens, budget, maxNewTokens));
  const startedCandidates = record.candidates.slice(0, started);
  const latest = new Map<number, Scored>();
  const decodedBy = new Map<number, number>();
  let rewardTokens: number | null = 0;
  const spend = (tokens: number | null) => (rewardTokens = rewardTokens === null || tokens === null ? null : rewardTokens + tokens);
  let alive: RecordedCandidate[] = [...startedCandidates];
  let finishedKept: Scored[] = [];
  let current = 0;
  let missing: number | null = null;
  const rounds: ReplayRound[] = [];
  for (let round = 1; alive.length > 0; round++) {
    const next = nextDecision(options.decision, { current, alive: alive.length, budgetTokens: budget, promptTokens, maxNewTokens });
    if (next === null || !alive.some((c) => c.length > next.length)) break;
    const li = gridIndex(record.lengths, next.length);
    const scoredAt = record.lengths[li]!;
    if (scoredAt !== next.length) missing ??= next.length;
    const scored = alive.map((c) => scoreAt(c, next.length, li));
    scored.forEach((s) => spend(s.tokens));
    const pool = [...scored, ...finishedKept];
    const rewards = rewardsOver(pool);
    const canContinue = rowsThatCanContinue(budget, promptTokens, next.length);
    const { kept } = selectSurvivors(pool.map((p, i) => ({ id: p.c.id, reward: rewards[i]!, finished: p.finished })), options.alpha, canContinue);
    for (const s of scored) latest.set(s.c.id, s);
    for (const s of scored) if (!kept.has(s.c.id)) decodedBy.set(s.c.id, Math.min(next.length, s.c.length));
    rounds.push({
      round, length: next.length, scoredAt, trigger: next.trigger,
      pool: pool.map((p, i) => ({ id: p.c.id, reward: rewards[i]!, finished: p.finished, kept: kept.has(p.c.id) })),
      kept: pool.filter((p) => kept.has(p.c.id)).map((p) => p.c.id),
    });
    finishedKept = pool.filter((p) => kept.has(p.c.id) && p.finished);
    alive = scored.filter((s) => kept.has(s.c.id) && !s.finished).map((s) => s.c);
    current = next.length;
  }
  // Survivors run to their end: their complete responses are scored.
  for (const c of alive) {
    const s = { c, ...completeScore(c) };
    latest.set(c.id, s);
    spend(s.tokens);
  }

  // The answer is the best complete response, rewards combined over the complete ones alone.
  const complete = [...latest.values()].filter((s) => s.finished).sort((a, b) => a.c.id - b.c.id);
  const finalRewards = rewardsOver(complete);
  const winner = bestOf(complete.map((s, i) => ({ id: s.c.id, reward: finalRewards[i]! })));
  const decodedTokens = startedCandidates.reduce((sum, c) => sum + (decodedBy.get(c.id) ?? c.length), 0);
  const bestOfNDecodedTokens = record.candidates.reduce((sum, c) => sum + c.length, 0);
  // A streamed reward's reference reads the prompt once and every decoded token but each row's last.
  spend((record.streamedScorers ?? 0) * (promptTokens + decodedTokens - started));
  return { rounds, winner, started, decodedTokens, bestOfNDecodedTokens, rewardTokens, approximate: missing !== null, missing };
}
