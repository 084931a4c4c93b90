// One load of a model folder: config, the best precision the folder ships, tokenizer, ONNX sessions.
// Shared by the generator and both scorers; failures come out as EngineErrors.
import {
  AutoConfig,
  AutoModelForCausalLM,
  AutoModelForSequenceClassification,
  AutoTokenizer,
  ModelRegistry,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { EngineError } from '../core/errors.ts';
import { watchOnnxWebGpuDevice } from './deviceLoss.ts';
import { toLoadError } from './errors.ts';
import { DTYPE_FILE_SUFFIX, type Device, type ModelDtype } from './placement.ts';
import { parametersOfWeights, weightBytesOf } from './parameterCount.ts';
import { createProgressTracker, type LoadProgressCallback } from './progress.ts';
import { withModelSource, type ModelSource, type SourceScope } from './sources.ts';

export interface LoadOptions {
  readonly device: Device;
  /** Preferred precision; `fallbackDtypes` are tried in order when the folder lacks its file. */
  readonly dtype: ModelDtype;
  readonly fallbackDtypes?: readonly ModelDtype[];
  readonly onProgress?: LoadProgressCallback;
}

export type ModelTask = 'causal-lm' | 'sequence-classification';

export interface LoadedParts {
  readonly model: PreTrainedModel;
  readonly tokenizer: PreTrainedTokenizer;
  /** config.json as loaded. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Display name of the model (id, folder name). */
  readonly label: string;
  readonly device: Device;
  /** The precision actually loaded. */
  readonly dtype: ModelDtype;
  /** Parameters, estimated from the weight files' size (null when the source does not say). */
  readonly parameters: number | null;
}

export function loadPretrained(source: ModelSource, options: LoadOptions, task: ModelTask): Promise<LoadedParts> {
  return withModelSource(source, async (scope) => {
    try {
      return await loadInScope(scope, options, task);
    } catch (error) {
      throw toLoadError(error, scope);
    }
  });
}

async function loadInScope(scope: SourceScope, options: LoadOptions, task: ModelTask): Promise<LoadedParts> {
  const progress_callback = createProgressTracker(options.onProgress, () => scope.label);
  const config = await AutoConfig.from_pretrained(scope.modelId, { progress_callback });
  const dtype = await availableDtype(scope, options);
  const tokenizer = await AutoTokenizer.from_pretrained(scope.modelId, { progress_callback });
  const Model = task === 'causal-lm' ? AutoModelForCausalLM : AutoModelForSequenceClassification;
  const model = await Model.from_pretrained(scope.modelId, { config, device: options.device, dtype, progress_callback });
  if (options.device === 'webgpu') await watchOnnxWebGpuDevice();
  const weightBytes = await weightBytesOf(scope.modelId, dtype);
  return {
    model,
    tokenizer,
    config: config as unknown as Record<string, unknown>,
    label: scope.label,
    device: options.device,
    dtype,
    parameters: weightBytes === null ? null : parametersOfWeights(weightBytes, dtype),
  };
}

/**
 * The first of the wanted precisions whose `onnx/model{suffix}.onnx` the folder has (checked in order).
 * A probe that fails (offline, say) does not end the search: a later precision may be in the browser's
 * cache, which is checked before the network, so a model downloaded once still loads offline.
 */
async function availableDtype(scope: SourceScope, options: LoadOptions): Promise<ModelDtype> {
  const wanted = [options.dtype, ...(options.fallbackDtypes ?? [])];
  const failures: unknown[] = [];
  for (const dtype of wanted) {
    const file = `onnx/model${DTYPE_FILE_SUFFIX[dtype]}.onnx`;
    try {
      const { exists } = await ModelRegistry.get_file_metadata(scope.modelId, file);
      if (exists) return dtype;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
  if (scope.fetchFailures.length > 0) throw scope.fetchFailures[0];
  const files = wanted.map((d) => `onnx/model${DTYPE_FILE_SUFFIX[d]}.onnx`).join(', ');
  throw new EngineError({
    code: 'not-onnx',
    message: `"${scope.label}" has none of the ONNX files this device can use (${files}).`,
    hint: 'Use an ONNX export (files under onnx/) or another device/precision.',
  });
}
