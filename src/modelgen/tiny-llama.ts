// buildTinyLlama: a complete, random-weight LLaMA causal LM folder in the hub layout
// (config.json, generation_config.json, tokenizer files, onnx/model.onnx) that
// transformers.js loads with AutoModelForCausalLM / AutoTokenizer like a real model.
import type { ByteLevelVocabulary } from './byte-level-vocabulary.ts';
import { buildLlamaGraph } from './llama-graph.ts';
import { drawLlamaWeights, type LlamaDims, type LlamaWeights } from './llama-weights.ts';
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
   * Added to the end-of-turn token's logit. With the defaults (temperature 1), about 3 in 10
   * sampled responses run past 64 tokens; the rest end after 18 tokens (median).
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
  /** Export the `num_logits_to_keep` input some hub exports have (same weights, same outputs otherwise). */
  readonly numLogitsToKeep?: boolean;
  /**
   * An fp16-style export: float16 KV cache and logits at the interface, written as onnx/model_fp16.onnx
   * (the file a loader asks for with dtype fp16) instead of onnx/model.onnx.
   */
  readonly fp16Interface?: boolean;
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

export interface TinyLlamaParts {
  readonly vocabulary: ByteLevelVocabulary;
  readonly dims: LlamaDims;
  readonly weights: LlamaWeights;
  readonly logitBias: Float32Array;
  readonly maxPositionEmbeddings: number;
  readonly seed: number;
}

/** Everything the model is made of, before encoding (tests compare against it). */
export function tinyLlamaParts(options: TinyLlamaOptions = {}): TinyLlamaParts {
  const o = { ...TINY_LLAMA_DEFAULTS, ...options };
  const vocabulary = tinyVocabulary(o.words);
  const dims: LlamaDims = {
    vocabSize: vocabulary.tokens.length,
    hiddenSize: o.hiddenSize,
    numLayers: o.numLayers,
    numHeads: o.numHeads,
    numKvHeads: o.numKvHeads,
    headDim: o.hiddenSize / o.numHeads,
    intermediateSize: o.intermediateSize,
    rmsNormEps: 1e-5,
    ropeTheta: 10000,
  };
  const weights = drawLlamaWeights(dims, { seed: o.seed, lmHeadStd: o.lmHeadStd, perturbation: options.perturbation });
  const bias = logitBias(vocabulary, o.eosLogitBias, o.byteLogitBias);
  return { vocabulary, dims, weights, logitBias: bias, maxPositionEmbeddings: o.maxPositionEmbeddings, seed: o.seed };
}

/** config.json of a LLaMA causal LM, with the fields transformers (JS and Python) read. */
function llamaConfigJson(dims: LlamaDims, maxPositionEmbeddings: number, dtype: 'fp32' | 'fp16'): object {
  return {
    architectures: ['LlamaForCausalLM'],
    attention_bias: false,
    attention_dropout: 0,
    bos_token_id: BOS_ID,
    eos_token_id: EOS_ID,
    pad_token_id: EOS_ID,
    head_dim: dims.headDim,
    hidden_act: 'silu',
    hidden_size: dims.hiddenSize,
    initializer_range: 0.02,
    intermediate_size: dims.intermediateSize,
    max_position_embeddings: maxPositionEmbeddings,
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
    // Without this transformers.js would look for a quantized file on wasm; we ship one precision only.
    'transformers.js_config': { dtype },
  };
}

export function buildTinyLlama(options: TinyLlamaOptions = {}): ModelFiles {
  const parts = tinyLlamaParts(options);
  const { vocabulary, dims, maxPositionEmbeddings } = parts;
  const fp16 = options.fp16Interface ?? false;
  const graph = buildLlamaGraph(dims, parts.weights, parts.logitBias, {
    numLogitsToKeep: options.numLogitsToKeep ?? false,
    ioType: fp16 ? 'float16' : 'float32',
  });
  const generationConfig = { bos_token_id: BOS_ID, eos_token_id: EOS_ID, pad_token_id: EOS_ID };
  return new Map([
    ['config.json', jsonFileBytes(llamaConfigJson(dims, maxPositionEmbeddings, fp16 ? 'fp16' : 'fp32'))],
    ['generation_config.json', jsonFileBytes(generationConfig)],
    ...tinyTokenizerFiles(vocabulary, CHATML_TEMPLATE_WITH_DEFAULT_SYSTEM, 'left', maxPositionEmbeddings),
    [fp16 ? 'onnx/model_fp16.onnx' : 'onnx/model.onnx', encodeOnnxModel(graph, { docString: `tiny random LLaMA, seed ${parts.seed}` })],
  ]);
}
