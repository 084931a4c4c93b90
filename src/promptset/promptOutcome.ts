// What one prompt of a set came to, read from its run's event log: each method's complete answers with
// their rewards, its best and worst, its compute, and the reward-versus-compute picture. Small beside the
// log, so the app keeps it with each prompt's run and a set's table, picture and exports never re-read
// the logs; the study builds the same from its logs, so both export the same bytes.
import { defaultRunConfig, type CombineConfig, type SamplingConfig } from '../core/config.ts';
import type { MethodId, RunEvent, RunEventOf } from '../core/events.ts';
import { rewardVersusCompute, type RewardVsCompute } from '../core/rewardVsCompute.ts';
import { commonPool, crossMethodRewards } from './crossMethodRewards.ts';
import type { MethodResult } from './setTotals.ts';

export interface Answer {
  readonly id: number;
  readonly text: string;
  /** Its reward in the common pool of every method's complete answers to the prompt (with one scorer, its score). */
  readonly reward: number;
  /** Raw score of each scorer, in the order of `settings.scorers`. */
  readonly scores: readonly number[];
  /** Response tokens. */
  readonly length: number;
  /** How it ended: a stop token or the length limit (null in logs without its finish event). */
  readonly finish: 'stop-token' | 'max-length' | null;
}

export interface MethodOutcome extends MethodResult {
  /** The method's answer: its best complete response; null when none completed. */
  readonly winnerId: number | null;
  /** Ended by Stop or cut short: not a finished run. */
  readonly stopped: boolean;
  /** Every complete response, in id order (never one cut off mid-answer). */
  readonly answers: readonly Answer[];
}

/** What the runs' run-start events say: the models, and the settings the prompt ran with. */
export interface RunSettings {
  readonly generator: string;
  readonly scorers: readonly string[];
  readonly seed: number | null;
  readonly sampling: SamplingConfig | null;
  readonly maxNewTokens: number;
  readonly kvBudgetBytes: number;
  readonly combine: CombineConfig | null;
  /** Per method: the candidates it started with and its parameters as run. */
  readonly methods: Readonly<Partial<Record<MethodId, { readonly n: number; readonly params: RunEventOf<'run-start'>['params'] }>>>;
}

export interface PromptOutcome {
  /** 0-based position in the prompt set. */
  readonly index: number;
  readonly prompt: string;
  readonly settings: RunSettings;
  readonly methods: readonly MethodOutcome[];
  /** Best reward against compute for this prompt; null without a finished Best-of-N. */
  readonly picture: RewardVsCompute | null;
}

/** Whether every method of the prompt's run ended on its own (a set exports and counts only these). */
export const isFinished = (outcome: PromptOutcome): boolean => outcome.methods.length > 0 && outcome.methods.every((m) => !m.stopped);

export function promptOutcome(index: number, events: readonly RunEvent[]): PromptOutcome {
  const starts = events.filter((e): e is RunEventOf<'run-start'> => e.type === 'run-start');
  const first = starts[0];
  if (!first) throw new Error('a run with no run-start event');
  const combine = first.combine ?? defaultRunConfig('').combine;
  const settings: RunSettings = {
    generator: first.generator,
    scorers: first.scorers,
    seed: first.seed ?? null,
    sampling: first.sampling ?? null,
    maxNewTokens: first.maxNewTokens,
    kvBudgetBytes: first.kvBudgetBytes,
    combine: first.combine ?? null,
    methods: Object.fromEntries(starts.map((s) => [s.method, { n: s.n, params: s.params }])),
  };
  const pool = commonPool(events, combine);
  const finishes = new Map(events.flatMap((e) => (e.type === 'finish' ? [[`${e.method}:${e.id}`, e.reason] as const] : [])));
  const finals = new Set(events.flatMap((e) => (e.type === 'final' ? e.candidates.map((c) => `${e.method}:${c.id}`) : [])));
  const ends = new Map(events.flatMap((e) => (e.type === 'run-end' ? [[e.method, e] as const] : [])));
  const methods = crossMethodRewards(events, combine).map(({ method, winner, reward, worst }): MethodOutcome => {
    const answers = pool
      .filter((p) => p.method === method && p.candidate.finished && finals.has(`${method}:${p.candidate.id}`))
      .map(({ candidate: c, reward: r }) => ({ id: c.id, text: c.text, reward: r, scores: c.scores, length: c.length, finish: finishes.get(`${method}:${c.id}`) ?? null }))
      .sort((a, b) => a.id - b.id);
    const end = ends.get(method)!;
    return {
      method, bestReward: reward, worstReward: worst, winnerText: winner?.text ?? '', winnerScores: winner?.scores ?? [], totals: end.totals,
      winnerId: winner?.id ?? null, stopped: end.stopped, answers,
    };
  });
  return { index, prompt: first.prompt, settings, methods, picture: rewardVersusCompute(events) };
}
