// Command-line arguments of `npm run study`. Parsing only checks shapes (numbers are numbers,
// required flags are there); ranges are checked by the engine's validateRunConfig.
import { parseArgs } from 'node:util';
import { StudyError } from './studyError.ts';

export const STUDY_USAGE = `Usage: npm run study -- --generator <hub id | folder | builtin> --prompts <file.json | file.jsonl>
  [--reward <hub id | folder | builtin>]... [--reference <hub id | folder | builtin>]
  [--methods bon,spr,treebon] [--n 32] [--alpha 0.5] [--max-new-tokens 128] [--kv-budget-mb M]
  [--decision-lengths 8,16,32] [--temperature 1] [--top-k 50] [--top-p 1] [--seed 1] [--limit K]
  [--children 4] [--layers 4] [--ucb C] [--ucb-floor 1] [--combine min|softmin|mean] [--normalize z|rank]
  [--softmin-temperature 0.5] [--spr-start n|memory] [--spr-max-start 1000]
  [--dtype fp32|fp16|q8|q4] [--out results.json] [--save-runs DIR] [--figure FILE.svg] [--quiet]

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
--temperature 0 means greedy. Without --kv-budget-mb the budget holds N rows of a quarter of the
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
  return {
    generator: values.generator,
    rewards: values.reward ?? [],
    reference: values.reference,
    prompts: values.prompts,
    limit: optionalNumber('--limit', values.limit),
    methods: values.methods.split(',').map((m) => m.trim()).filter((m) => m !== ''),
    n: number('--n', values.n),
    alpha: number('--alpha', values.alpha),
    maxNewTokens: number('--max-new-tokens', values['max-new-tokens']),
    kvBudgetMb: optionalNumber('--kv-budget-mb', values['kv-budget-mb']),
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
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
}

function number(flag: string, text: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) throw new StudyError(`${flag} must be a number, got "${text}"`);
  return value;
}
