// Checks a run configuration as a user (or a saved file) gave it, field by field, with messages a
// person can act on. Missing fields take their defaults; the UI shows each error next to `field`.
import { defaultRunConfig } from './config.ts';
import type { CombineConfig, DecisionSchedule, RunConfig, SamplingConfig, SpeculativeRejectionConfig, TreeBoNConfig } from './config.ts';
import type { MethodId } from './events.ts';
import { IMPLEMENTED_METHODS, METHOD_LABELS } from './methodNames.ts';
import { readField, type FieldError, type FieldReader } from './fieldReader.ts';

export type { FieldError } from './fieldReader.ts';

export type RunConfigValidation = { readonly ok: true; readonly config: RunConfig } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** What is known about the loaded models; each check that needs it runs only when it is given. */
export interface ValidationContext {
  readonly promptTokens?: number;
  readonly kvBytesPerToken?: number;
  readonly maxPositions?: number;
}

export const MAX_N = 1024;
/** Speculative Rejection's same-memory start may go beyond N (the reference caps it at 1000). */
export const MAX_INITIAL = 4096;

export function validateRunConfig(input: unknown, context: ValidationContext = {}): RunConfigValidation {
  const errors: FieldError[] = [];
  const root = readField(input, '', errors);
  const prompt = root.string('prompt', '');
  if (prompt.trim() === '') errors.push({ field: 'prompt', message: 'Write a prompt.' });
  const defaults = defaultRunConfig(prompt);

  const methods = readMethods(root, defaults.methods);
  const n = root.integer('n', defaults.n, { min: 1, max: MAX_N });
  const maxNewTokens = root.integer('maxNewTokens', defaults.maxNewTokens, { min: 1 });
  const sampling = readSampling(root.object('sampling'), defaults.sampling);
  const seed = root.integer('seed', defaults.seed, { min: -Number.MAX_SAFE_INTEGER });
  const kvBudgetBytes = root.number('kvBudgetBytes', defaults.kvBudgetBytes, { above: 0 });
  const spr = readSpr(root.object('spr'), defaults.spr, maxNewTokens, methods.includes('spr'));
  const treebon = readTreeBoN(root.object('treebon'), defaults.treebon, { n, maxNewTokens }, methods.includes('treebon'));
  const combine = readCombine(root.object('combine'), defaults.combine);
  const prefixScoreLengths = root.increasingLengths('prefixScoreLengths', defaults.prefixScoreLengths, maxNewTokens);
  const replayAlphas = root.fractionList('replayAlphas', defaults.replayAlphas);

  checkAgainstModel(errors, context, { maxNewTokens, kvBudgetBytes });
  if (errors.length > 0) return { ok: false, errors };
  const config: RunConfig = { prompt, methods, n, maxNewTokens, sampling, seed, kvBudgetBytes, spr, treebon, combine, prefixScoreLengths, replayAlphas };
  return { ok: true, config };
}

function readMethods(root: FieldReader, fallback: readonly MethodId[]): MethodId[] {
  const names = root.stringList('methods', fallback);
  const methods: MethodId[] = [];
  for (const name of names) {
    if (!Object.hasOwn(METHOD_LABELS, name)) root.fail('methods', `Unknown method "${name}": choose from ${Object.keys(METHOD_LABELS).join(', ')}.`);
    else if (!IMPLEMENTED_METHODS.includes(name as MethodId)) root.fail('methods', `${METHOD_LABELS[name as MethodId]} is not available yet.`);
    else if (methods.includes(name as MethodId)) root.fail('methods', `${METHOD_LABELS[name as MethodId]} is listed twice.`);
    else methods.push(name as MethodId);
  }
  if (names.length === 0) root.fail('methods', 'Pick at least one method.');
  return methods;
}

function readSampling(reader: FieldReader, d: SamplingConfig): SamplingConfig {
  return {
    temperature: reader.number('temperature', d.temperature, { min: 0 }),
    topK: reader.integer('topK', d.topK, { min: 0 }),
    topP: reader.number('topP', d.topP, { above: 0, max: 1 }),
  };
}

function readSpr(reader: FieldReader, d: SpeculativeRejectionConfig, maxNewTokens: number, used: boolean): SpeculativeRejectionConfig {
  const r = used ? reader : reader.silenced();
  const alpha = r.number('alpha', d.alpha, { min: 0, below: 1 });
  const decisionReader = r.object('decision');
  const mode = decisionReader.choice('mode', d.decision.mode, ['memory', 'fixed'] as const);
  let decision: DecisionSchedule = { mode: 'memory' };
  if (mode === 'fixed') {
    const fallback = d.decision.mode === 'fixed' ? d.decision.lengths : [];
    const lengths = decisionReader.increasingLengths('lengths', fallback, maxNewTokens);
    if (lengths.length === 0) decisionReader.fail('lengths', 'Give at least one decision length, or let memory decide.');
    decision = { mode: 'fixed', lengths };
  }
  const initial = r.choice('initial', d.initial, ['n', 'memory'] as const);
  const maxInitial = r.integer('maxInitial', d.maxInitial, { min: 1, max: MAX_INITIAL });
  return { alpha, decision, initial, maxInitial };
}

function readTreeBoN(reader: FieldReader, d: TreeBoNConfig, run: { n: number; maxNewTokens: number }, used: boolean): TreeBoNConfig {
  const r = used ? reader : reader.silenced();
  // children = 1 is allowed: N parents, one continuation each, which is Best-of-N (a useful check).
  const children = r.integer('children', d.children, { min: 1, max: MAX_N });
  // Each layer decodes at least one token; against an invalid max new tokens only that field errs.
  const layers = r.integer('layers', d.layers, run.maxNewTokens >= 1 ? { min: 1, max: run.maxNewTokens } : { min: 1 });
  const ucbRaw = r.raw('ucb');
  const ucb = ucbRaw === undefined ? d.ucb : ucbRaw === null ? null : r.number('ucb', 0, { min: 0 });
  // N / children parents (at least one) share N child slots; only more children than N cannot work.
  if (run.n >= 1 && children > run.n) r.fail('children', `Children per parent (${children}) cannot exceed N (${run.n}).`);
  // A floor above `children` could ask for more slots than a layer has (floor(N / children) parents share N).
  const ucbFloor = r.raw('ucbFloor') === undefined ? d.ucbFloor : r.integer('ucbFloor', 1, { min: 0, max: Math.max(1, children) });
  return { children, layers, ucb, ...(ucbFloor !== undefined && { ucbFloor }) };
}

function readCombine(reader: FieldReader, d: CombineConfig): CombineConfig {
  return {
    rule: reader.choice('rule', d.rule, ['min', 'softmin', 'mean'] as const),
    normalize: reader.choice('normalize', d.normalize, ['z', 'rank'] as const),
    temperature: reader.number('temperature', d.temperature, { above: 0 }),
  };
}

function checkAgainstModel(errors: FieldError[], context: ValidationContext, run: { maxNewTokens: number; kvBudgetBytes: number }): void {
  const { promptTokens, kvBytesPerToken, maxPositions } = context;
  if (promptTokens === undefined) return;
  // A prompt that fills the model's positions leaves no room for any answer: that is the prompt's fault.
  if (maxPositions !== undefined && promptTokens >= maxPositions) {
    errors.push({ field: 'prompt', message: `The prompt is ${promptTokens} tokens, but the model reads at most ${maxPositions} (prompt and answer together): shorten the prompt.` });
    return;
  }
  const rowTokens = promptTokens + run.maxNewTokens;
  if (maxPositions !== undefined && rowTokens > maxPositions) {
    errors.push({
      field: 'maxNewTokens',
      message: `The prompt (${promptTokens} tokens) plus ${run.maxNewTokens} new tokens exceeds the model's ${maxPositions} positions; use at most ${Math.max(0, maxPositions - promptTokens)} new tokens.`,
    });
  }
  if (kvBytesPerToken !== undefined && run.kvBudgetBytes < rowTokens * kvBytesPerToken) {
    errors.push({
      field: 'kvBudgetBytes',
      message: `The KV budget holds ${Math.floor(run.kvBudgetBytes / kvBytesPerToken)} tokens, but one response needs ${rowTokens} (prompt ${promptTokens} + ${run.maxNewTokens} new): give at least ${formatBytes(rowTokens * kvBytesPerToken)}.`,
    });
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
