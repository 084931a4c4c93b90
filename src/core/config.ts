// Run configuration: what a user sets, declared once as a schema. It gives the TypeScript types, the
// defaults of every field left out, and the message for each wrong one; `runSettings.ts` adds the checks
// between fields. Any settings from outside (the run panel, a saved run, the study's flags, a URL) go
// through it.
import * as v from 'valibot';
import { choice, decimal, group, increasingLengths, fractionList, text, wholeNumber } from './fieldSchemas.ts';
import { METHOD_IDS, METHOD_LABELS } from './methodNames.ts';

export const MAX_N = 1024;
/** Speculative Rejection's same-memory start may go beyond N (the reference caps it at 1000). */
export const MAX_INITIAL = 4096;

/** The alphas the app's replay table and the reward-versus-compute picture sweep. */
export const REPLAY_ALPHAS: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

const readonlyGroup = <const E extends v.ObjectEntries>(label: string, entries: E) => v.pipe(group(label, entries), v.readonly());

export const SamplingSchema = readonlyGroup('Sampling', {
  /** 0 means greedy. */
  temperature: v.optional(decimal('Temperature', { min: 0 }), 1),
  /** 0 means no top-k filter. */
  topK: v.optional(wholeNumber('Top-k', { min: 0 }), 50),
  /** 1 means no nucleus filter. */
  topP: v.optional(decimal('Top-p', { above: 0, max: 1 }), 1),
});

const scheduleMessage = (issue: v.BaseIssue<unknown>) =>
  issue.path === undefined ? 'The decision schedule must be a group of settings.' : 'The decision schedule must be one of "memory", "fixed".';

export const DecisionScheduleSchema = v.variant(
  'mode',
  [
    /** Decide when the KV budget is full: each alive row reaches budgetTokens / alive. */
    v.pipe(v.object({ mode: v.optional(v.literal('memory'), 'memory') }), v.readonly()),
    /** Decide at these response lengths (tokens), for teaching. */
    v.pipe(
      v.object({
        mode: v.literal('fixed'),
        lengths: v.optional(v.pipe(increasingLengths('Decision lengths'), v.nonEmpty('Give at least one decision length, or let memory decide.')), []),
      }),
      v.readonly(),
    ),
  ],
  scheduleMessage,
);

export const SpeculativeRejectionSchema = readonlyGroup('Speculative Rejection', {
  /** Fraction rejected at each decision point, in [0, 1). */
  alpha: v.optional(decimal('Alpha (the fraction rejected)', { min: 0, below: 1 }), 0.5),
  decision: v.optional(DecisionScheduleSchema, { mode: 'memory' }),
  /**
   * First batch. 'n' (same N: does it save compute?): Best-of-N's N, fewer when N rows cannot get a
   * first round inside the budget. 'memory' (same memory, the paper: what does the same GPU buy?): as
   * many as the KV budget holds for a first round of 8 tokens, capped at `maxInitial`.
   */
  initial: v.optional(choice('The initial batch', ['n', 'memory']), 'n'),
  maxInitial: v.optional(wholeNumber('The initial batch cap', { min: 1, max: MAX_INITIAL }), 1000),
});

export const TreeBoNSchema = readonlyGroup('TreeBoN', {
  /** Children per parent at each layer after the first; 1 is allowed (N parents, one continuation each: Best-of-N, a useful check). At most N: the run's check. */
  children: v.optional(wholeNumber('Children per parent', { min: 1, max: MAX_N }), 4),
  /** Number of layers the length is split into; each decodes at least one token (at most max new tokens: the run's check). */
  layers: v.optional(wholeNumber('Layers', { min: 1 }), 4),
  /** Bandit-guided branching constant c; null for an even split. */
  ucb: v.optional(v.nullable(decimal('The UCB constant', { min: 0 })), null),
  /**
   * With UCB: children every growing parent gets before the rest are shared by UCB (default 1, so
   * no surviving parent is starved; 0 lets UCB give a parent nothing). At most `children`: the run's check.
   */
  ucbFloor: v.optional(wholeNumber('The UCB floor (children each parent gets first)', { min: 0 })),
});

export const CombineSchema = readonlyGroup('Combining scorers', {
  rule: v.optional(choice('The combining rule', ['min', 'softmin', 'mean']), 'min'),
  normalize: v.optional(choice('Normalisation', ['z', 'rank']), 'z'),
  /** Soft-min temperature. */
  temperature: v.optional(decimal('The soft-min temperature', { above: 0 }), 0.5),
});

const methodMessage = (issue: v.BaseIssue<unknown>) =>
  typeof issue.input === 'string' ? `Unknown method "${issue.input}": choose from ${METHOD_IDS.join(', ')}.` : 'Methods must be a list of names.';

export const MethodsSchema = v.pipe(
  v.array(v.picklist(METHOD_IDS, methodMessage), 'Methods must be a list of names.'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const twice = dataset.value.find((name, i) => dataset.value.indexOf(name) !== i);
    if (twice !== undefined) addIssue({ message: `${METHOD_LABELS[twice]} is listed twice.` });
  }),
  v.nonEmpty('Pick at least one method.'),
  v.readonly(),
);

/** Each field of a run, with its default: the reference implementation's (temperature 1, top-k 50, top-p 1, alpha 0.5, memory-driven decisions), sized for a browser. */
export const RunConfigEntries = {
  prompt: v.optional(v.pipe(text('The prompt'), v.check((p) => p.trim() !== '', 'Write a prompt.')), ''),
  methods: v.optional(MethodsSchema, () => [...METHOD_IDS]),
  /** Candidates per method (Best-of-N's N; TreeBoN's width; Speculative Rejection's initial batch when initial = 'n'). */
  n: v.optional(wholeNumber('N', { min: 1, max: MAX_N }), 16),
  maxNewTokens: v.optional(wholeNumber('Max new tokens', { min: 1 }), 128),
  sampling: v.optional(SamplingSchema, {}),
  seed: v.optional(wholeNumber('Seed', { min: -Number.MAX_SAFE_INTEGER }), 1),
  /**
   * Bytes the generator's KV cache may use. 64 MiB: SmolLM2-135M (46,080 bytes per token in fp32) holds
   * ~1,450 tokens, so Best-of-16 at 128 new tokens needs sequential batches, which is the point the plots make.
   */
  kvBudgetBytes: v.optional(decimal('The KV budget', { above: 0 }), 64 * 1024 * 1024),
  spr: v.optional(SpeculativeRejectionSchema, {}),
  treebon: v.optional(TreeBoNSchema, {}),
  combine: v.optional(CombineSchema, {}),
  /** Best-of-N also scores prefixes of its finished trajectories at these lengths (analysis, not counted). */
  prefixScoreLengths: v.optional(increasingLengths('Prefix lengths'), []),
  /**
   * Best-of-N also records the prefix lengths that replaying Speculative Rejection (this run's
   * schedule and budget, Best-of-N's candidates) needs at each of these alphas, so those replays are exact.
   */
  replayAlphas: v.optional(fractionList('Replay alphas'), []),
};

export type SamplingConfig = v.InferOutput<typeof SamplingSchema>;
export type DecisionSchedule = v.InferOutput<typeof DecisionScheduleSchema>;
export type SpeculativeRejectionConfig = v.InferOutput<typeof SpeculativeRejectionSchema>;
export type TreeBoNConfig = v.InferOutput<typeof TreeBoNSchema>;
export type CombineConfig = v.InferOutput<typeof CombineSchema>;
export type RunConfig = Readonly<v.InferOutput<typeof DefaultsSchema>>;

const DefaultsSchema = v.object({ ...RunConfigEntries, prompt: v.string() });

/** Every default, for `prompt`. */
export function defaultRunConfig(prompt: string): RunConfig {
  return v.parse(DefaultsSchema, { prompt });
}
