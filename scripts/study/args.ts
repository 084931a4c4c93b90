// Command-line arguments of `npm run study`. Parsing only checks shapes (numbers are numbers,
// required flags are there); ranges are checked by the engine's validateRunConfig.
import { parseArgs } from 'node:util';
import type { MethodId } from '../../src/core/events.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/promptset/exportRequest.ts';
import type { PairOptions } from '../../src/promptset/preferencePair.ts';
import { StudyError } from './studyError.ts';

export const STUDY_USAGE = `Usage: npm run study -- --generator <hub id | folder | builtin> --prompts <file.json | file.jsonl | file.csv>
  [--reward <hub id | folder | builtin>]... [--reference <hub id | folder | builtin>]
  [--methods bon,spr,treebon] [--n 32] [--alpha 0.5] [--max-new-tokens 128] [--kv-budget-mb M | --kv-budget-tokens T]
  [--decision-lengths 8,16,32] [--temperature 1] [--top-k 50] [--top-p 1] [--seed 1] [--limit K]
  [--children 4] [--layers 4] [--ucb C] [--ucb-floor 1] [--combine min|softmin|mean] [--normalize z|rank]
  [--softmin-temperature 0.5] [--spr-start n|memory] [--spr-max-start 1000]
  [--dtype fp32|fp16|q8|q4] [--out results.json] [--save-runs DIR] [--figure FILE.svg] [--quiet]
  [--export FILE --format sft|preference|scored|csv]... [--export-from all|bon|spr|treebon]
  [--rejected lowest|below-median] [--pair-seed 1]

builtin and tiny name the project's own models (tiny: random weights); a built-in id names one of them,
  e.g. --generator builtin-brown-lm-positive --reference builtin (the positive-tuned word model against its base).
--reward may be given several times (scores combined by --combine over the candidate pool).
--reference adds the implicit DPO reward sum_k log(pi(y_k)/pi_ref(y_k)) / (k+1), with the generator
  as the policy pi: TreeBoN's own partial score, and the only score when no --reward is given.
  With --reward too, every method combines both (e.g. --combine min for MaxMin).
--children 1 (one continuation per parent) or --layers 1 makes TreeBoN Best-of-N.
--ucb C splits each layer's children among parents by mean partial reward + C sqrt(ln n / n_i);
  --ucb-floor is the children every surviving parent gets first (0 lets UCB starve a parent).
--spr-start n (same N: does Speculative Rejection save compute?) starts it with Best-of-N's N;
  --spr-start memory (same memory, the paper: what does the same GPU buy?) starts as many as the KV
  budget holds for a first round of 8 tokens, at most --spr-max-start.
--figure FILE.svg draws best reward against compute over the prompt set: Best-of-N for N = 1, 2, 4...,
  Speculative Rejection for alpha = 0..0.9 (replayed on Best-of-N's candidates) and as run, TreeBoN.
--quiet leaves out each prompt's chosen answers.
--save-runs DIR writes each prompt's run (its event log) to DIR/run-NNN.json, for the app's "Open a saved run".
--export FILE --format F writes the results as training data (repeat the pair for several files), with a
  sidecar FILE-less-extension.meta.json holding the settings, model ids, the pair rule and what was left out:
  sft: {"prompt", "completion"} per prompt, the best complete answer; preference: {"prompt", "chosen",
  "rejected"} (TRL's DPO format), chosen the best complete answer, rejected by --rejected: the lowest-scoring
  one, or a random one (--pair-seed) below the median; prompts whose pair ties are skipped; scored: every
  complete answer with its rewards, method, seed and model ids; csv: per-prompt totals per method.
  --export-from picks whose answers (default all: every method's, pooled). Only complete answers are written.
--prompts reads a JSON array, JSON Lines (.jsonl) or CSV (.csv, with a "prompt" or "instruction" column).
--kv-budget-tokens sets the budget in tokens of the generator's KV cache, as the app's form does.
--temperature 0 means greedy. Without a budget flag the budget holds N rows of a quarter of the
  full length, so Best-of-N runs in sequential batches and Speculative Rejection must prune.`;

export interface StudyArgs {
  readonly generator: string;
  readonly rewards: readonly string[];
  readonly reference: string | undefined;
  readonly prompts: string;
  readonly limit: number | undefined;
  readonly methods: readonly string[];
  readonly n: number;
  readonly alpha: number;
  readonly maxNewTokens: number;
  readonly kvBudgetMb: number | undefined;
  readonly kvBudgetTokens: number | undefined;
  readonly decisionLengths: readonly number[] | undefined;
  readonly temperature: number;
  readonly topK: number;
  readonly topP: number;
  readonly seed: number;
  readonly children: number;
  readonly layers: number;
  readonly ucb: number | undefined;
  readonly ucbFloor: number | undefined;
  readonly combine: string;
  readonly softminTemperature: number | undefined;
  readonly normalize: string;
  readonly dtype: string | undefined;
  readonly out: string | undefined;
  readonly saveRuns: string | undefined;
  readonly sprStart: string;
  readonly sprMaxStart: number;
  readonly figure: string | undefined;
  readonly quiet: boolean;
  /** Training-data files to write, each in its format. */
  readonly exports: readonly { readonly file: string; readonly format: ExportFormat }[];
  readonly pairs: PairOptions;
}

const options = {
  generator: { type: 'string' },
  reward: { type: 'string', multiple: true },
  reference: { type: 'string' },
  prompts: { type: 'string' },
  limit: { type: 'string' },
  methods: { type: 'string', default: 'bon,spr' },
  n: { type: 'string', default: '32' },
  alpha: { type: 'string', default: '0.5' },
  'max-new-tokens': { type: 'string', default: '128' },
  'kv-budget-mb': { type: 'string' },
  'kv-budget-tokens': { type: 'string' },
  export: { type: 'string', multiple: true },
  format: { type: 'string', multiple: true },
  'export-from': { type: 'string', default: 'all' },
  rejected: { type: 'string', default: 'lowest' },
  'pair-seed': { type: 'string', default: '1' },
  'decision-lengths': { type: 'string' },
  temperature: { type: 'string', default: '1' },
  'top-k': { type: 'string', default: '50' },
  'top-p': { type: 'string', default: '1' },
  seed: { type: 'string', default: '1' },
  children: { type: 'string', default: '4' },
  layers: { type: 'string', default: '4' },
  ucb: { type: 'string' },
  'ucb-floor': { type: 'string' },
  'softmin-temperature': { type: 'string' },
  combine: { type: 'string', default: 'min' },
  normalize: { type: 'string', default: 'z' },
  dtype: { type: 'string' },
  out: { type: 'string' },
  'save-runs': { type: 'string' },
  'spr-start': { type: 'string', default: 'n' },
  'spr-max-start': { type: 'string', default: '1000' },
  figure: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Returns null when --help was asked for. */
export function parseStudyArgs(argv: readonly string[]): StudyArgs | null {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new StudyError(`${(error as Error).message.split('\n')[0]}\n${STUDY_USAGE}`);
  }
  if (values.help) return null;
  if (values.generator === undefined) throw new StudyError(`--generator is required\n${STUDY_USAGE}`);
  if (values.prompts === undefined) throw new StudyError(`--prompts is required\n${STUDY_USAGE}`);
  if ((values.reward ?? []).length === 0 && values.reference === undefined) {
    throw new StudyError('give a reward: --reward <model>, or --reference <base model> for the implicit DPO reward');
  }
  const optionalNumber = (flag: string, text: string | undefined) => (text === undefined ? undefined : number(flag, text));
  if (values['kv-budget-mb'] !== undefined && values['kv-budget-tokens'] !== undefined) throw new StudyError('give --kv-budget-mb or --kv-budget-tokens, not both');
  const methods = values.methods.split(',').map((m) => m.trim()).filter((m) => m !== '');
  return {
    generator: values.generator,
    rewards: values.reward ?? [],
    reference: values.reference,
    prompts: values.prompts,
    limit: optionalNumber('--limit', values.limit),
    methods,
    n: number('--n', values.n),
    alpha: number('--alpha', values.alpha),
    maxNewTokens: number('--max-new-tokens', values['max-new-tokens']),
    kvBudgetMb: optionalNumber('--kv-budget-mb', values['kv-budget-mb']),
    kvBudgetTokens: optionalNumber('--kv-budget-tokens', values['kv-budget-tokens']),
    decisionLengths: values['decision-lengths']?.split(',').map((x) => number('--decision-lengths', x)),
    temperature: number('--temperature', values.temperature),
    topK: number('--top-k', values['top-k']),
    topP: number('--top-p', values['top-p']),
    seed: number('--seed', values.seed),
    children: number('--children', values.children),
    layers: number('--layers', values.layers),
    ucb: optionalNumber('--ucb', values.ucb),
    ucbFloor: optionalNumber('--ucb-floor', values['ucb-floor']),
    combine: values.combine,
    softminTemperature: optionalNumber('--softmin-temperature', values['softmin-temperature']),
    normalize: values.normalize,
    dtype: values.dtype,
    out: values.out,
    saveRuns: values['save-runs'],
    sprStart: values['spr-start'],
    sprMaxStart: number('--spr-max-start', values['spr-max-start']),
    figure: values.figure,
    quiet: values.quiet,
    exports: exportsOf(values.export ?? [], values.format ?? []),
    pairs: pairOptions(values['export-from'], values.rejected, number('--pair-seed', values['pair-seed']), methods),
  };
}

function exportsOf(files: readonly string[], formats: readonly string[]): StudyArgs['exports'] {
  if (files.length !== formats.length) throw new StudyError(`give one --format for each --export (got ${files.length} --export, ${formats.length} --format)`);
  return files.map((file, i) => {
    const format = formats[i]!;
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new StudyError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`);
    return { file, format: format as ExportFormat };
  });
}

function pairOptions(from: string, rejected: string, pairSeed: number, methods: readonly string[]): PairOptions {
  if (from !== 'all' && !methods.includes(from)) throw new StudyError(`--export-from must be all or one of the methods run (${methods.join(', ')}), got "${from}"`);
  if (rejected !== 'lowest' && rejected !== 'below-median') throw new StudyError(`--rejected must be lowest or below-median, got "${rejected}"`);
  if (!Number.isInteger(pairSeed)) throw new StudyError(`--pair-seed must be a whole number, got ${pairSeed}`);
  return { from: from as MethodId | 'all', rejected, pairSeed };
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
}

function number(flag: string, text: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) throw new StudyError(`${flag} must be a number, got "${text}"`);
  return value;
}
