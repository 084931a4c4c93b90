// Tiny real models for tests: generated once per process into .cache/test-models/<name>/
// (rewritten only where bytes differ) and loaded through transformers.js from absolute
// folder paths, exactly as the app loads hub models.
import {
  AutoModelForCausalLM,
  AutoModelForSequenceClassification,
  AutoTokenizer,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { fileURLToPath } from 'node:url';
import { buildTinyClassifier } from '../modelgen/tiny-classifier.ts';
import { buildTinyLlama } from '../modelgen/tiny-llama.ts';
import { TINY_GENERATOR_OPTIONS, TINY_REFERENCE_OPTIONS, TINY_REWARD_OPTIONS } from '../modelgen/tiny-model-presets.ts';
import { writeModelFolder } from './model-folder-fs.ts';

export interface TinyModelFolders {
  /** LLaMA causal LM (the generator / DPO policy). */
  readonly llama: string;
  /** A perturbed copy of `llama` with the same tokenizer (the DPO reference). */
  readonly reference: string;
  /** Sequence-classification reward model, logits [batch, 1]. */
  readonly classifier: string;
}

export const TEST_MODELS_DIR = fileURLToPath(new URL('../../.cache/test-models/', import.meta.url));

let building: Promise<TinyModelFolders> | undefined;

/** Absolute folder paths of the tiny test models, built on first call in this process. */
export function ensureTinyModels(): Promise<TinyModelFolders> {
  building ??= (async () => {
    const [llama, reference, classifier] = await Promise.all([
      writeModelFolder(`${TEST_MODELS_DIR}tiny-llama`, buildTinyLlama(TINY_GENERATOR_OPTIONS)),
      writeModelFolder(`${TEST_MODELS_DIR}tiny-llama-ref`, buildTinyLlama(TINY_REFERENCE_OPTIONS)),
      writeModelFolder(`${TEST_MODELS_DIR}tiny-reward`, buildTinyClassifier(TINY_REWARD_OPTIONS)),
    ]);
    return { llama: llama.folder, reference: reference.folder, classifier: classifier.folder };
  })();
  return building;
}

/**
 * Let transformers.js read local folders and never the network. In Node local models are
 * allowed by default and an absolute path is used as is (it is not a hub id, so
 * env.localModelPath is not prepended); turning remote models off makes a missing file
 * fail fast instead of trying huggingface.co.
 */
export function useLocalModelsOnly(): void {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
}

export interface LoadedModel {
  readonly model: PreTrainedModel;
  readonly tokenizer: PreTrainedTokenizer;
}

/** Load a causal LM folder (fp32, CPU) and its tokenizer. Tests only. */
export async function loadLocalCausalLM(folder: string): Promise<LoadedModel> {
  useLocalModelsOnly();
  const [model, tokenizer] = await Promise.all([
    AutoModelForCausalLM.from_pretrained(folder, { dtype: 'fp32', device: 'cpu' }),
    AutoTokenizer.from_pretrained(folder),
  ]);
  return { model, tokenizer };
}

/** Load a sequence-classification folder (fp32, CPU) and its tokenizer. Tests only. */
export async function loadLocalClassifier(folder: string): Promise<LoadedModel> {
  useLocalModelsOnly();
  const [model, tokenizer] = await Promise.all([
    AutoModelForSequenceClassification.from_pretrained(folder, { dtype: 'fp32', device: 'cpu' }),
    AutoTokenizer.from_pretrained(folder),
  ]);
  return { model, tokenizer };
}
