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

export function initialRunForm(prompt: string): RunForm {
  return {
    prompt, methods: ['bon', 'spr', 'treebon'], ...CHAT_PROMPTS.shape, alpha: '0.5', temperature: '1', topK: '50', topP: '1',
    seed: '1', decisionMode: 'memory', decisionLengths: '8, 16, 32', sprStart: 'n', sprMaxStart: '1000',
    treebonChildren: '4', treebonLayers: '4', ucbMode: 'off', ucbC: '1', ucbFloor: '1',
    combineRule: 'min', combineNormalize: 'z', combineTemperature: '0.5',
  };
}

/** A number when the text is one; otherwise the text itself, so the validator says "must be a number". */
function numeric(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : text;
}

function lengthList(text: string): (number | string)[] {
  return text.split(/[\s,]+/).filter((part) => part !== '').map(numeric);
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
  const maxNewTokens = numeric(form.maxNewTokens);
  const kv = numeric(form.kvBudgetTokens);
  return {
    prompt: form.prompt,
    methods: form.methods,
    n: numeric(form.n),
    maxNewTokens,
    sampling: { temperature: numeric(form.temperature), topK: numeric(form.topK), topP: numeric(form.topP) },
    seed: numeric(form.seed),
    kvBudgetBytes: typeof kv === 'number' ? Math.round(kv) * kvBytesPerToken : kv,
    spr: {
      alpha: numeric(form.alpha),
      decision: form.decisionMode === 'fixed' ? { mode: 'fixed', lengths: lengthList(form.decisionLengths) } : { mode: 'memory' },
      initial: form.sprStart,
      // The cap is only read (and checked) when it applies.
      ...(form.sprStart === 'memory' && { maxInitial: numeric(form.sprMaxStart) }),
    },
    treebon: {
      children: numeric(form.treebonChildren),
      layers: numeric(form.treebonLayers),
      ...(form.ucbMode === 'on' ? { ucb: numeric(form.ucbC), ucbFloor: numeric(form.ucbFloor) } : { ucb: null }),
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
  const result = validateRunConfig(formToInput(form, context.kvBytesPerToken ?? 1, context.scorers ?? 1), context);
  if (result.ok) return result;
  return routeErrors(result.errors);
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
