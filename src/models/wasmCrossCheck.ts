// The numbers of models loaded on WebGPU against WASM's for the same input: WebGPU can return silently
// wrong numbers on some drivers (fp16 and quantized models; transformers.js #1728, onnxruntime #26732,
// #26367). A WASM copy of each model is loaded, one short prefill (and one reward score) runs on both,
// and the copies are freed. The comparison and its tolerance are core/numericCheck.ts.
import { throwIfAborted, type AbortSignalLike } from '../core/abort.ts';
import type { Scorer, ScoreRequest } from '../core/backend.ts';
import { logitDifference, numericCheck, scoreDifference, type NumericCheck } from '../core/numericCheck.ts';
import { loadGenerator, type LoadedGenerator } from './causalLm.ts';
import type { ModelDtype } from './placement.ts';
import { loadRewardModel, type LoadedScorer } from './rewardModel.ts';
import type { ModelSource } from './sources.ts';

/** A tiny input: the check costs one prefill of a few tokens and one short reward score. */
export const CHECK_PROMPT = 'The weather today is';
export const CHECK_REQUEST: ScoreRequest = { prompt: 'The weather today is', response: 'sunny and warm.' };

/** Copies larger than this are not loaded on WASM for the check (its memory is 4 GiB at most, shared with the rest). */
export const MAX_COPY_BYTES = 1.5 * 2 ** 30;

export interface CrossCheckOptions {
  /** WASM in the browser, the CPU in Node. */
  readonly referenceDevice: 'wasm' | 'cpu';
  readonly signal?: AbortSignalLike;
  /**
   * TEST ONLY: added to every logit (and reward score) the device gave, to make a mismatch that a
   * healthy adapter never shows (the end-to-end test of the warning). Never set in normal use.
   */
  readonly testOnlyPerturbation?: number;
}

/** Next-token logits after `prompt`, read from a one-row prefill. */
async function nextLogits(generator: LoadedGenerator, prompt: string): Promise<Float32Array> {
  const batch = await generator.prefill([generator.encodePrompt(prompt)]);
  try {
    return Float32Array.from(batch.nextLogits.subarray(0, generator.info.vocabSize));
  } finally {
    await batch.dispose();
  }
}

/** The generator's logits on its device against `reference`'s (the same model elsewhere), relative difference. */
export async function generatorDifference(device: LoadedGenerator, reference: LoadedGenerator, options: CrossCheckOptions): Promise<number> {
  const shift = options.testOnlyPerturbation ?? 0;
  const onDevice = (await nextLogits(device, CHECK_PROMPT)).map((x) => x + shift);
  throwIfAborted(options.signal);
  return logitDifference(onDevice, await nextLogits(reference, CHECK_PROMPT));
}

export async function scorerDifference(device: Scorer, reference: Scorer, options: CrossCheckOptions): Promise<number> {
  const [onDevice] = (await device.score([CHECK_REQUEST], options.signal)).scores;
  const [elsewhere] = (await reference.score([CHECK_REQUEST], options.signal)).scores;
  return scoreDifference((onDevice ?? NaN) + (options.testOnlyPerturbation ?? 0), elsewhere ?? NaN);
}

/** Precisions for the copy: full precision where the folder has it (fp16's rounding is what the tolerance allows for), else the device's. */
function copyDtypes(dtype: ModelDtype): { dtype: ModelDtype; fallbackDtypes: ModelDtype[] } {
  return dtype === 'fp32' ? { dtype, fallbackDtypes: [] } : { dtype: 'fp32', fallbackDtypes: [dtype] };
}

function tooBig(parameters: number | undefined | null): boolean {
  return parameters !== undefined && parameters !== null && parameters * 4 > MAX_COPY_BYTES;
}

export interface CrossCheckModels {
  readonly generator: LoadedGenerator;
  readonly generatorSource: ModelSource;
  /** A reward model on the device and where it came from (the first classifier; implicit rewards run the generator's kind of model). */
  readonly scorer?: { readonly model: LoadedScorer; readonly source: ModelSource };
}

/**
 * Loads WASM copies, compares, frees them. Throws when a copy cannot be loaded; a model too large to
 * copy is reported as such (the caller shows the check as not done).
 */
export async function checkAgainstReference(models: CrossCheckModels, options: CrossCheckOptions): Promise<NumericCheck | { readonly skipped: string }> {
  const { generator } = models;
  if (tooBig(generator.info.parameters)) return { skipped: 'the generator is too large to load a second copy on WASM' };
  const reference = await loadGenerator(models.generatorSource, { device: options.referenceDevice, ...copyDtypes(generator.dtype), rowSelection: 'cpu-copy' });
  let logits: number;
  try {
    throwIfAborted(options.signal);
    logits = await generatorDifference(generator, reference, options);
  } finally {
    await reference.dispose();
  }
  const scorer = models.scorer;
  if (scorer === undefined || tooBig(scorer.model.parameters)) return numericCheck(generator.dtype, logits);
  throwIfAborted(options.signal);
  const copy = await loadRewardModel(scorer.source, { device: options.referenceDevice, ...copyDtypes(scorer.model.dtype) });
  try {
    return numericCheck(generator.dtype, logits, await scorerDifference(scorer.model, copy, options));
  } finally {
    await copy.dispose();
  }
}
