// Which answers of one prompt make its training lines: the chosen one (the best complete answer) and,
// for a preference pair, a rejected one by the rule asked for. Only complete answers ever take part.
import type { MethodId } from '../core/events.ts';
import { candidateRng } from '../core/random.ts';
import { METHOD_LABELS } from '../core/methodNames.ts';
import type { Answer, PromptOutcome } from './promptOutcome.ts';

/** Whose answers: one method's, or every method's together. */
export type AnswerSource = MethodId | 'all';

/** The rejected answer: the lowest-scoring one, or a random one (seeded) of those scoring below the median. */
export type RejectedRule = 'lowest' | 'below-median';

export interface PairOptions {
  readonly from: AnswerSource;
  readonly rejected: RejectedRule;
  /** Seeds the below-median pick; with the prompt's index, so each prompt's pick is its own. */
  readonly pairSeed: number;
}

export const DEFAULT_PAIR_OPTIONS: PairOptions = { from: 'all', rejected: 'lowest', pairSeed: 1 };

export interface SourcedAnswer extends Answer {
  readonly method: MethodId;
}

export type Pick<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

/** The rule in words, for the sidecar. */
export function pairRuleText(options: PairOptions): string {
  const whose = options.from === 'all' ? 'of every method run, pooled (a text several methods found counts once)' : `of ${METHOD_LABELS[options.from]}`;
  const rejected = options.rejected === 'lowest'
    ? 'the lowest-scoring complete answer'
    : `a complete answer scoring strictly below the median, drawn at random (seed ${options.pairSeed} and the prompt's index)`;
  return `Only complete, non-empty answers (ended by a stop token or at the length limit), ${whose}. chosen: the highest-scoring one; rejected: ${rejected}. ` +
    'A prompt is skipped when its chosen and rejected answers score the same or have the same text, or it has fewer than two complete answers. ' +
    'Scores: the reward (several reward models: combined over every method\'s complete answers to the prompt, as the run combined them).';
}

/** The prompt's complete non-empty answers from `from`, one per distinct text (the first of the methods' order), best first; ties by method order then id. */
export function rankedAnswers(outcome: PromptOutcome, from: AnswerSource): SourcedAnswer[] {
  const seen = new Set<string>();
  const answers: SourcedAnswer[] = [];
  for (const m of outcome.methods) {
    if (from !== 'all' && m.method !== from) continue;
    for (const a of m.answers) {
      // An empty answer is complete, but nothing to train on.
      if (seen.has(a.text) || a.text.trim() === '' || !Number.isFinite(a.reward)) continue;
      seen.add(a.text);
      answers.push({ ...a, method: m.method });
    }
  }
  // A stable sort keeps the methods' order, then ids, among equal rewards.
  return answers.sort((a, b) => b.reward - a.reward);
}

export function chosenAnswer(outcome: PromptOutcome, from: AnswerSource): Pick<SourcedAnswer> {
  const best = rankedAnswers(outcome, from)[0];
  return best ? { ok: true, value: best } : { ok: false, why: `no complete non-empty answer${from === 'all' ? '' : ` from ${METHOD_LABELS[from]}`}` };
}

export function preferencePair(outcome: PromptOutcome, options: PairOptions): Pick<{ chosen: SourcedAnswer; rejected: SourcedAnswer }> {
  const ranked = rankedAnswers(outcome, options.from);
  if (ranked.length < 2) return { ok: false, why: `${ranked.length === 0 ? 'no' : 'only one'} complete non-empty answer` };
  const chosen = ranked[0]!;
  const rejected = options.rejected === 'lowest' ? ranked.at(-1)! : belowMedian(ranked, options.pairSeed, outcome.index);
  if (rejected === null) return { ok: false, why: 'no answer scores below the median' };
  if (rejected.reward >= chosen.reward) return { ok: false, why: 'the chosen and rejected answers score the same' };
  return { ok: true, value: { chosen, rejected } };
}

function belowMedian(ranked: readonly SourcedAnswer[], seed: number, index: number): SourcedAnswer | null {
  const rewards = ranked.map((a) => a.reward);
  const mid = Math.floor(rewards.length / 2);
  const median = rewards.length % 2 === 1 ? rewards[mid]! : (rewards[mid - 1]! + rewards[mid]!) / 2;
  const below = ranked.filter((a) => a.reward < median);
  if (below.length === 0) return null;
  return below[Math.floor(candidateRng(seed, index)() * below.length)]!;
}
