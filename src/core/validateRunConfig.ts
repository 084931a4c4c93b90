// Checks a run configuration as a user (or a saved file) gave it, with messages a person can act on:
// the run settings' schema (runSettings.ts) field by field, then, when a model is loaded, the checks
// against it. Missing fields take their defaults; the UI shows each error next to `field`.
import * as v from 'valibot';
import type { RunConfig } from './config.ts';
import { fieldErrors, type FieldError } from './fieldSchemas.ts';
import { RunSettingsSchema } from './runSettings.ts';

export type { FieldError } from './fieldSchemas.ts';
export { MAX_INITIAL, MAX_N } from './config.ts';

export type RunConfigValidation = { readonly ok: true; readonly config: RunConfig } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** What is known about the loaded models; each check that needs it runs only when it is given. */
export interface ValidationContext {
  readonly promptTokens?: number;
  readonly kvBytesPerToken?: number;
  readonly maxPositions?: number;
}

export function validateRunConfig(input: unknown, context: ValidationContext = {}): RunConfigValidation {
  const parsed = v.safeParse(RunSettingsSchema, input);
  const errors = parsed.success ? [] : fieldErrors(parsed.issues);
  const settings = parsed.output as Partial<Record<string, unknown>>;
  // The model's checks read fields that are themselves valid.
  const valid = (field: string) => typeof settings?.[field] === 'number' && !errors.some((e) => e.field === field);
  if (valid('maxNewTokens') && valid('kvBudgetBytes')) {
    checkAgainstModel(errors, context, { maxNewTokens: settings['maxNewTokens'] as number, kvBudgetBytes: settings['kvBudgetBytes'] as number });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, config: parsed.output };
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
