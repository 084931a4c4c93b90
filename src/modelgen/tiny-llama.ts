// buildTinyLlama: a complete, random-weight LLaMA causal LM folder in the hub layout
// (config.json, generation_config.json, tokenizer files, onnx/model.onnx) that
// transformers.js loads with AutoModelForCausalLM / AutoTokenizer like a real model.
import type { ByteLevelVocabulary } from './byte-level-vocabulary.ts';
import { buildLlamaGraph } from './llama-graph.ts';
import { drawLlamaWeights, type LlamaDims } from './llama-weights.ts';
import { encodeOnnxModel } from './onnx-writer.ts';
import { BOS_ID, EOS_ID, tinyTokenizerFiles, tinyVocabulary, type ModelFiles } from './tiny-tokenizer.ts';
import { CHATML_TEMPLATE_WITH_DEFAULT_SYSTEM } from './tokenizer-files.ts';
import { jsonFileBytes } from './utf8.ts';

export interface TinyLlamaOptions {
  readonly seed?: number;
  readonly hiddenSize?: number;
  readonly numLayers?: number;
  readonly numHeads?: number;
  readonly numKvHeads?: number;
  readonly intermediateSize?: number;
  readonly words?: readonly string[];
  /**
   * Added to the end-of-turn token's logit. With the defaults, about one sampled response
   * in three runs past 64 tokens and most of the rest end earlier.
   */
  readonly eosLogitBias?: number;
  /**
   * Added to printable-ASCII byte tokens and newline, so random text is mostly whole words
   * with some punctuation. Other bytes (control, non-ASCII fragments) are never sampled.
   */
  readonly byteLogitBias?: number;
  /** Scale of the LM head weights: larger = more peaked next-token choices. */
  readonly lmHeadStd?: number;
  /** A nearby model: the same weights plus scale x std of noise from another seed (a DPO reference). */
  readonly perturbation?: { readonly seed: number; readonly scale: number };
  readonly maxPositionEmbeddings?: number;
}

export const TINY_LLAMA_DEFAULTS = {
  seed: 1234,
  hiddenSize: 64,
  numLayers: 2,
  numHeads: 4,
  numKvHeads: 2,
  intermediateSize: 128,
  eosLogitBias: 2,
  byteLogitBias: -4,
  lmHeadStd: 0.3,
  maxPositionEmbeddings: 2048,
} as const;

const BARE_WORD_LOGIT_BIAS = -3;
const UNWANTED_LOGIT_BIAS = -20;

function logitBias(vocabulary: ByteLevelVocabulary, eosBias: number, byteBias: number): Float32Array {
  const bias = new Float32Array(vocabulary.tokens.length);
  vocabulary.byteIds.forEach((id, byte) => {
    const printable = (byte >= 33 && byte <= 126) || byte === 10;
    bias[id] = printable ? byteBias : UNWANTED_LOGIT_BIAS;
  });
  // Words mostly come space-separated; glued words ("ofthe") stay possible but rare.
  for (const id of vocabulary.bareWordIds) bias[id] = BARE_WORD_LOGIT_BIAS;
  for (const id of vocabulary.spacedWordIds) bias[id] = 0;
  // Other special tokens never appear inside a response.
  for (const id of vocabulary.specialIds) bias[id] = UNWANTED_LOGIT_BIAS;
  bias[EOS_ID] = eosBias;
  return bias;
}

export function buildTinyLlama(options: TinyLlamaOptions = {}): ModelFiles {
  const o = { ...TINY_LLAMA_DEFAULTS, ...options };
  const vocabulary = tinyVocabulary(o.words);
  const headDim = o.hiddenSize / o.numHeads;
  const dims: LlamaDims = {
    vocabSize: vocabulary.tokens.length,
    hiddenSize: o.hiddenSize,
    numLayers: o.numLayers,
    numHeads: o.numHeads,
    numKvHeads: o.numKvHeads,
    headDim,
    intermediateSize: o.intermediateSize,
    rmsNormEps: 1e-5,
    ropeTheta: 10000,
  };
  const weights = drawLlamaWeights(dims, {
    seed: o.seed,
    lmHeadStd: o.lmHeadStd,
    perturbation: options.perturbation,
  });
  const graph = buildLlamaGraph(dims, weights, logitBias(vocabulary, o.eosLogitBias, o.byteLogitBias));
  const config = {
    architectures: ['LlamaForCausalLM'],
    attention_bias: false,
    attention_dropout: 0,
    bos_token_id: BOS_ID,
    eos_token_id: EOS_ID,
    pad_token_id: EOS_ID,
    head_dim: headDim,
    hidden_act: 'silu',
    hidden_size: dims.hiddenSize,
    initializer_range: 0.02,
    intermediate_size: dims.intermediateSize,
    max_position_embeddings: o.maxPositionEmbeddings,
    mlp_bias: false,
    model_type: 'llama',
    num_attention_heads: dims.numHeads,
    num_hidden_layers: dims.numLayers,
    num_key_value_heads: dims.numKvHeads,
    rms_norm_eps: dims.rmsNormEps,
    rope_scaling: null,
    rope_theta: dims.ropeTheta,
    tie_word_embeddings: false,
    torch_dtype: 'float32',
    use_cache: true,
    vocab_size: dims.vocabSize,
    'transformers.js_config': { dtype: 'fp32' },
  };
  const generationConfig = { bos_token_id: BOS_ID, eos_token_id: EOS_ID, pad_token_id: EOS_ID };
  const files: ModelFiles = new Map([
    ['config.json', jsonFileBytes(config)],
    ['generation_config.json', jsonFileBytes(generationConfig)],
    ...tinyTokenizerFiles(vocabulary, CHATML_TEMPLATE_WITH_DEFAULT_SYSTEM, 'left', o.maxPositionEmbeddings),
    ['onnx/model.onnx', encodeOnnxModel(graph, { docString: `tiny random LLaMA, seed ${o.seed}` })],
  ]);
  return files;
}
