// The built-in generator's model folder in hub layout: config.json (model_type "llama", so
// transformers.js treats it as LLaMA and sizes its KV cache from it), generation_config.json,
// tokenizer files and onnx/model.onnx.
import type { ModelFiles } from '../tiny-tokenizer.ts';
import { jsonFileBytes } from '../utf8.ts';
import type { CorpusDocument } from './brown-corpus.ts';
import { encodeGeneratorModel } from './generator-graph.ts';
import {
  BUILTIN_GENERATOR_HYPERPARAMETERS,
  fitGenerator,
  type GeneratorHyperparameters,
  type GeneratorParameters,
} from './generator-parameters.ts';
import { wordTokenizerFiles } from './word-tokenizer-files.ts';
import { EOS_TOKEN } from './word-tokenizer.ts';

const MAX_POSITIONS = 2048;

function generatorConfigJson(p: GeneratorParameters, eosId: number): object {
  // One layer, one head whose head_dim is the topic size: KV bytes per token =
  // 2 x 1 x 1 x topicDims x 4, which is what the cache really holds.
  return {
    architectures: ['LlamaForCausalLM'],
    model_type: 'llama',
    bos_token_id: null,
    eos_token_id: eosId,
    pad_token_id: eosId,
    vocab_size: p.tokens.length,
    hidden_size: p.topicDims,
    head_dim: p.topicDims,
    num_attention_heads: 1,
    num_key_value_heads: 1,
    num_hidden_layers: 1,
    intermediate_size: p.bigramRank,
    max_position_embeddings: MAX_POSITIONS,
    tie_word_embeddings: false,
    torch_dtype: 'float32',
    use_cache: true,
    'transformers.js_config': { dtype: 'fp32' },
  };
}

export function generatorFiles(p: GeneratorParameters): ModelFiles {
  const eosId = p.tokens.indexOf(EOS_TOKEN);
  const generationConfig = {
    bos_token_id: null,
    eos_token_id: eosId,
    pad_token_id: eosId,
    do_sample: true,
    temperature: 1,
    top_k: 50,
  };
  return new Map([
    ['config.json', jsonFileBytes(generatorConfigJson(p, eosId))],
    ['generation_config.json', jsonFileBytes(generationConfig)],
    ...wordTokenizerFiles(p.tokens, { chatTemplate: null, paddingSide: 'left', modelMaxLength: MAX_POSITIONS }),
    ['onnx/model.onnx', encodeGeneratorModel(p)],
  ]);
}

/** Fit the generator on `documents` (the Brown corpus) and return its model folder. */
export function buildBuiltinGenerator(
  documents: readonly CorpusDocument[],
  hyperparameters: GeneratorHyperparameters = BUILTIN_GENERATOR_HYPERPARAMETERS,
): ModelFiles {
  return generatorFiles(fitGenerator(documents, hyperparameters));
}
