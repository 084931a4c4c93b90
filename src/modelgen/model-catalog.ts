// The models `npm run models` writes into public/models/<id>/ and lists in
// public/models/index.json. To ship another generated model, add one entry to
// BUILT_MODELS: its `build` returns the folder's files (it may be async, e.g. to read a
// corpus). The index entry is everything here except `build`, plus the folder's size.
import {
  buildAfinnRewardFromPackages,
  buildBrownGeneratorFromPackages,
  buildPositiveBrownGeneratorFromPackages,
} from './builtin/builtin-models.ts';
import {
  BUILTIN_GENERATOR_DESCRIPTION,
  BUILTIN_GENERATOR_ID,
  BUILTIN_GENERATOR_LABEL,
  BUILTIN_POSITIVE_GENERATOR_DESCRIPTION,
  BUILTIN_POSITIVE_GENERATOR_ID,
  BUILTIN_POSITIVE_GENERATOR_LABEL,
  BUILTIN_REWARD_DESCRIPTION,
  BUILTIN_REWARD_ID,
  BUILTIN_REWARD_LABEL,
} from './builtin/task.ts';
import { buildTinyClassifier } from './tiny-classifier.ts';
import { buildTinyLlama } from './tiny-llama.ts';
import { TINY_GENERATOR_OPTIONS, TINY_REFERENCE_OPTIONS, TINY_REWARD_OPTIONS } from './tiny-model-presets.ts';
import type { ModelFiles } from './tiny-tokenizer.ts';

export type ModelKind = 'generator' | 'reward' | 'reference';

/** One model as public/models/index.json lists it (read by src/app/models/catalog.ts). */
export interface ModelIndexEntry {
  /** Folder name under public/models/, and the id transformers.js loads. */
  readonly id: string;
  readonly label: string;
  readonly kind: ModelKind;
  readonly description: string;
  /** Total size of the folder's files. */
  readonly bytes: number;
  /** Random weights: fine for exercising the machinery, meaningless as text or reward. */
  readonly random: boolean;
  /**
   * The generator whose DPO base this model is (its reference for the implicit reward). A reference
   * model always names one; a generator may too, when it is also the base of another generator.
   */
  readonly referenceFor?: string;
  /** Relative paths of the folder's files. */
  readonly files: readonly string[];
}

export interface BuiltModel extends Omit<ModelIndexEntry, 'bytes' | 'files'> {
  build(): ModelFiles | Promise<ModelFiles>;
}

export interface ModelIndex {
  readonly models: readonly ModelIndexEntry[];
}

export const BUILT_MODELS: readonly BuiltModel[] = [
  {
    id: 'tiny-random-llama',
    label: 'Tiny random LLaMA',
    kind: 'generator',
    description:
      'LLaMA architecture (2 layers, grouped-query attention), random weights, common English words.',
    random: true,
    build: () => buildTinyLlama(TINY_GENERATOR_OPTIONS),
  },
  {
    id: 'tiny-random-llama-ref',
    label: 'Tiny random LLaMA (reference)',
    kind: 'reference',
    description: 'The tiny random LLaMA with 10% weight noise: the reference policy for the implicit DPO reward.',
    random: true,
    referenceFor: 'tiny-random-llama',
    build: () => buildTinyLlama(TINY_REFERENCE_OPTIONS),
  },
  {
    id: 'tiny-random-reward',
    label: 'Tiny random reward model',
    kind: 'reward',
    description: 'One-layer BERT-style sequence classifier with random weights, one score per response.',
    random: true,
    build: () => buildTinyClassifier(TINY_REWARD_OPTIONS),
  },
  {
    id: BUILTIN_GENERATOR_ID,
    label: BUILTIN_GENERATOR_LABEL,
    kind: 'generator',
    description: BUILTIN_GENERATOR_DESCRIPTION,
    random: false,
    referenceFor: BUILTIN_POSITIVE_GENERATOR_ID,
    build: buildBrownGeneratorFromPackages,
  },
  {
    id: BUILTIN_POSITIVE_GENERATOR_ID,
    label: BUILTIN_POSITIVE_GENERATOR_LABEL,
    kind: 'generator',
    description: BUILTIN_POSITIVE_GENERATOR_DESCRIPTION,
    random: false,
    build: buildPositiveBrownGeneratorFromPackages,
  },
  {
    id: BUILTIN_REWARD_ID,
    label: BUILTIN_REWARD_LABEL,
    kind: 'reward',
    description: BUILTIN_REWARD_DESCRIPTION,
    random: false,
    build: buildAfinnRewardFromPackages,
  },
];

/** The index entry of a built model folder. */
export function indexEntry(model: BuiltModel, files: ModelFiles): ModelIndexEntry {
  const { build: _build, ...listed } = model;
  let bytes = 0;
  for (const content of files.values()) bytes += content.length;
  return { ...listed, bytes, files: [...files.keys()].sort() };
}
