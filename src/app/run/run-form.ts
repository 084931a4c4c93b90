// The run panel's fields as typed (strings, so a half-typed value stays on screen), turned into a
// RunConfig by the engine's own validator; its errors are routed back to the field they concern.
import { REPLAY_ALPHAS, type CombineConfig, type RunConfig } from '../../core/config.ts';
import type { MethodId } from '../../core/events.ts';
import { validateRunConfig, type ValidationContext } from '../../core/validateRunConfig.ts';
import { CHAT_PROMPTS } from './example-prompts.ts';

export interface RunForm {
  readonly prompt: string;
  readonly methods: readonly MethodId[];
  readonly n: string;
  readonly alpha: string;
  readonly maxNewTokens: string;
  readonly temperature: string;
  readonly topK: string;
  readonly topP: string;
  readonly seed: string;
  /** Tokens of KV cache: the same figure means the same plan on any model (bytes = tokens x bytes per token). */
  readonly kvBudgetTokens: string;
  readonly decisionMode: 'memory' | 'fixed';
  /** Speculative Rejection's first batch: Best-of-N's N (same N) or as many as the budget holds (same memory, the paper). */
  readonly sprStart: 'n' | 'memory';
  /** The same-memory start's cap. */
  readonly sprMaxStart: string;
  /** Comma-separated response lengths, for the fixed schedule. */
  readonly decisionLengths: string;
  readonly treebonChildren: string;
  readonly treebonLayers: string;
  /** TreeBoN's branching: an even split, or bandit-guided (UCB) with constant c and a floor. */
  readonly ucbMode: 'off' | 'on';
  readonly ucbC: string;
  readonly ucbFloor: string;
  /** How several scorers combine (unused with one). */
  readonly combineRule: CombineConfig['rule'];
  readonly combineNormalize: CombineConfig['normalize'];
  readonly combineTemperature: string;
}

export type FormField = keyof RunForm;

/** The fields that take one of a few words, and those words. */
export const FORM_CHOICES = {
  decisionMode: ['memory', 'fixed'], sprStart: ['n', 'memory'], ucbMode: ['off', 'on'],
  combineRule: ['min', 'softmin', 'mean'], combineNormalize: ['z', 'rank'],
} as const satisfies Partial<{ [K in FormField]: readonly RunForm[K][] }>;

export const isChoiceField = (field: FormField): field is keyof typeof FORM_CHOICES => field in FORM_CHOICES;

export function initialRunForm(prompt: string): RunForm {
  return {
    prompt, methods: ['bon', 'spr', 'treebon'], ...CHAT_PROMPTS.shape, alpha: '0.5', temperature: '1', topK: '50', topP: '1',
    seed: '1', decisionMode: 'memory', decisionLengths: '8, 16, 32', sprStart: 'n', sprMaxStart: '1000',
    treebonChildren: '4', treebonLayers: '4', ucbMode: 'off', ucbC: '1', ucbFloor: '1',
    combineRule: 'min', combineNormalize: 'z', combineTemperature: '0.5',
  };
}

// What a person types: digits for counts, decimals for fractions. Number() also reads "1e3", "0x10" and
// "0b11", which nobody means in these fields, so the text must look like what it is.
const WHOLE = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number when the text is written as one of its kind; otherwise the text itself, so it is refused. */
function numeric(text: string, kind: 'whole' | 'decimal' = 'decimal'): number | string {
  const trimmed = text.trim();
  if (!(kind === 'whole' ? WHOLE : DECIMAL).test(trimmed)) return text;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : text;
}

const whole = (text: string) => numeric(text, 'whole');

function lengthList(text: string): (number | string)[] {
  return text.split(/[\s,]+/).filter((part) => part !== '').map(whole);
}

type NumberField = 'n' | 'maxNewTokens' | 'topK' | 'seed' | 'kvBudgetTokens' | 'treebonChildren' | 'treebonLayers' | 'ucbFloor'
  | 'alpha' | 'temperature' | 'topP' | 'ucbC' | 'combineTemperature';

/** How each number is written, what to call it, and whether the run uses it (a field the run ignores is not checked). */
const NUMBER_FIELDS: Readonly<Record<NumberField, { kind: 'whole' | 'decimal'; label: string; example: string; used?: (form: RunForm, scorers: number) => boolean }>> = {
  n: { kind: 'whole', label: 'N', example: '16' },
  maxNewTokens: { kind: 'whole', label: 'Max new tokens', example: '48' },
  topK: { kind: 'whole', label: 'Top-k', example: '50' },
  seed: { kind: 'whole', label: 'The seed', example: '1' },
  kvBudgetTokens: { kind: 'whole', label: 'The KV budget', example: '800' },
  treebonChildren: { kind: 'whole', label: 'Children per parent', example: '4', used: (f) => f.methods.includes('treebon') },
  treebonLayers: { kind: 'whole', label: 'Layers', example: '4', used: (f) => f.methods.includes('treebon') },
  ucbFloor: { kind: 'whole', label: 'The UCB floor', example: '1', used: (f) => f.methods.includes('treebon') && f.ucbMode === 'on' },
  alpha: { kind: 'decimal', label: 'α', example: '0.5', used: (f) => f.methods.includes('spr') },
  temperature: { kind: 'decimal', label: 'Temperature', example: '0.7' },
  topP: { kind: 'decimal', label: 'Top-p', example: '0.9' },
  ucbC: { kind: 'decimal', label: 'The UCB constant', example: '1', used: (f) => f.methods.includes('treebon') && f.ucbMode === 'on' },
  combineTemperature: { kind: 'decimal', label: 'The soft-min temperature', example: '0.5', used: (f, scorers) => scorers > 1 && f.combineRule === 'softmin' },
};

/** Numbers written in a way the field does not take ("1e3" for N, "0x10" anywhere), each with how to write it. */
export function writtenNumberErrors(form: RunForm, scorers = 1): FormErrors {
  const errors: FormErrors = {};
  for (const [field, spec] of Object.entries(NUMBER_FIELDS) as [NumberField, (typeof NUMBER_FIELDS)[NumberField]][]) {
    const text = form[field].trim();
    if (text === '' || (spec.used && !spec.used(form, scorers)) || typeof numeric(text, spec.kind) === 'number') continue;
    // Text that is no number at all is left to the validator ("must be a number"); this is for numbers in another notation.
    if (!Number.isFinite(Number(text))) continue;
    errors[field] = spec.kind === 'whole'
      ? `${spec.label} must be a whole number written in digits, like ${spec.example}, not "${text}".`
      : `${spec.label} must be a decimal number, like ${spec.example}, not "${text}".`;
  }
  if (form.methods.includes('spr') && form.decisionMode === 'fixed') {
    const odd = form.decisionLengths.split(/[\s,]+/).find((part) => part !== '' && !WHOLE.test(part) && Number.isFinite(Number(part)));
    if (odd !== undefined) errors.decisionLengths = `Decision lengths must be whole numbers written in digits, like 8, 16, 32, not "${odd}".`;
  }
  return errors;
}

/**
 * Where Best-of-N also scores its prefixes (for the scatter and the α replay): powers of two from 8 below
 * max new tokens, plus any fixed decision lengths, so that replaying that schedule is exact.
 */
export function prefixGrid(maxNewTokens: number, decisionLengths: readonly unknown[] = []): number[] {
  const lengths = new Set<number>();
  for (let length = 8; length < maxNewTokens; length *= 2) lengths.add(length);
  for (const length of decisionLengths) {
    if (typeof length === 'number' && Number.isInteger(length) && length > 0 && length < maxNewTokens) lengths.add(length);
  }
  return [...lengths].sort((a, b) => a - b);
}

/** `scorers`: how many the loaded models have; with one, the combining settings do not apply and are not checked. */
export function formToInput(form: RunForm, kvBytesPerToken: number, scorers = 1): Record<string, unknown> {
  const maxNewTokens = whole(form.maxNewTokens);
  const kv = whole(form.kvBudgetTokens);
  return {
    prompt: form.prompt,
    methods: form.methods,
    n: whole(form.n),
    maxNewTokens,
    sampling: { temperature: numeric(form.temperature), topK: whole(form.topK), topP: numeric(form.topP) },
    seed: whole(form.seed),
    kvBudgetBytes: typeof kv === 'number' ? kv * kvBytesPerToken : kv,
    spr: {
      alpha: numeric(form.alpha),
      decision: form.decisionMode === 'fixed' ? { mode: 'fixed', lengths: lengthList(form.decisionLengths) } : { mode: 'memory' },
      initial: form.sprStart,
      // The cap is only read (and checked) when it applies.
      ...(form.sprStart === 'memory' && { maxInitial: numeric(form.sprMaxStart) }),
    },
    treebon: {
      children: whole(form.treebonChildren),
      layers: whole(form.treebonLayers),
      ...(form.ucbMode === 'on' ? { ucb: numeric(form.ucbC), ucbFloor: whole(form.ucbFloor) } : { ucb: null }),
    },
    ...(scorers > 1 && {
      // The temperature only matters to the soft-min: a stale value under another rule stays out of the check.
      combine: { rule: form.combineRule, normalize: form.combineNormalize, ...(form.combineRule === 'softmin' && { temperature: numeric(form.combineTemperature) }) },
    }),
    prefixScoreLengths: typeof maxNewTokens === 'number'
      ? prefixGrid(maxNewTokens, form.decisionMode === 'fixed' ? lengthList(form.decisionLengths) : [])
      : [],
    // Best-of-N also records every decision length the α replay needs, so each of its rows is exact.
    replayAlphas: form.methods.includes('bon') ? REPLAY_ALPHAS : [],
  };
}

const FIELD_OF: Readonly<Record<string, FormField>> = {
  prompt: 'prompt', methods: 'methods', n: 'n', maxNewTokens: 'maxNewTokens', seed: 'seed', kvBudgetBytes: 'kvBudgetTokens',
  'sampling.temperature': 'temperature', 'sampling.topK': 'topK', 'sampling.topP': 'topP', 'spr.alpha': 'alpha',
  'spr.decision.mode': 'decisionMode', 'spr.decision.lengths': 'decisionLengths', 'spr.decision': 'decisionMode',
  'spr.initial': 'sprStart', 'spr.maxInitial': 'sprMaxStart',
  prefixScoreLengths: 'maxNewTokens',
  'treebon.children': 'treebonChildren', 'treebon.layers': 'treebonLayers', 'treebon.ucb': 'ucbC', 'treebon.ucbFloor': 'ucbFloor',
  'combine.rule': 'combineRule', 'combine.normalize': 'combineNormalize', 'combine.temperature': 'combineTemperature',
};

export type FormErrors = Partial<Record<FormField, string>>;

export type FormCheck = { readonly ok: true; readonly config: RunConfig } | { readonly ok: false; readonly errors: FormErrors; readonly other: readonly string[] };

/** `context.kvBytesPerToken` converts the budget; without a loaded model, 1 byte per token. */
export function checkRunForm(form: RunForm, context: ValidationContext & { readonly scorers?: number } = {}): FormCheck {
  const scorers = context.scorers ?? 1;
  const result = validateRunConfig(formToInput(form, context.kvBytesPerToken ?? 1, scorers), context);
  const written = writtenNumberErrors(form, scorers);
  if (result.ok && Object.keys(written).length === 0) return result;
  const routed = routeErrors(result.ok ? [] : result.errors);
  return { ok: false, errors: { ...routed.errors, ...written }, other: routed.other };
}

/** Sends each validator error to its field; errors about settings the panel does not show are listed apart. */
export function routeErrors(errors: readonly { field?: string; message: string }[]): { ok: false; errors: FormErrors; other: string[] } {
  const byField: FormErrors = {};
  const other: string[] = [];
  for (const e of errors) {
    const field = e.field === undefined ? undefined : FIELD_OF[e.field];
    if (field === undefined) other.push(e.message);
    else byField[field] ??= e.message;
  }
  return { ok: false, errors: byField, other };
}
