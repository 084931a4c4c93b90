// buildTinyClassifier: a random-weight reward model folder that transformers.js loads with
// AutoModelForSequenceClassification. It is declared as model_type "bert" because that maps
// to BertForSequenceClassification, whose forward feeds input_ids, attention_mask and
// token_type_ids (zeros when the tokenizer gives none) and returns `logits` [batch, 1].
// The graph is BERT-like, not BERT: see classifier-graph.ts for the padding-proof changes.
import { buildClassifierGraph, type ClassifierDims } from './classifier-graph.ts';
import { encodeOnnxModel } from './onnx-writer.ts';
import { EOS_ID, tinyTokenizerFiles, tinyVocabulary, type ModelFiles } from './tiny-tokenizer.ts';
import { CHATML_TEMPLATE } from './tokenizer-files.ts';
import { jsonFileBytes } from './utf8.ts';

export interface TinyClassifierOptions {
  readonly seed?: number;
  readonly hiddenSize?: number;
  readonly numHeads?: number;
  readonly intermediateSize?: number;
  /** Same words as the tiny LLaMA by default, so both share one tokenizer. */
  readonly words?: readonly string[];
  readonly maxLength?: number;
  /** Label names, one output logit each (default: a single LABEL_0, as reward models have). */
  readonly labels?: readonly string[];
}

export const TINY_CLASSIFIER_DEFAULTS = {
  seed: 4321,
  hiddenSize: 32,
  numHeads: 2,
  intermediateSize: 64,
  maxLength: 2048,
} as const;

export function buildTinyClassifier(options: TinyClassifierOptions = {}): ModelFiles {
  const o = { ...TINY_CLASSIFIER_DEFAULTS, ...options };
  const labels = options.labels ?? ['LABEL_0'];
  const vocabulary = tinyVocabulary(o.words);
  const dims: ClassifierDims = {
    vocabSize: vocabulary.tokens.length,
    hiddenSize: o.hiddenSize,
    numHeads: o.numHeads,
    intermediateSize: o.intermediateSize,
    typeVocabSize: 2,
    numLabels: labels.length,
  };
  const config = {
    architectures: ['BertForSequenceClassification'],
    model_type: 'bert',
    hidden_size: dims.hiddenSize,
    num_hidden_layers: 1,
    num_attention_heads: dims.numHeads,
    intermediate_size: dims.intermediateSize,
    hidden_act: 'gelu_pytorch_tanh',
    layer_norm_eps: 1e-12,
    max_position_embeddings: o.maxLength,
    position_embedding_type: 'sinusoidal',
    type_vocab_size: dims.typeVocabSize,
    vocab_size: dims.vocabSize,
    pad_token_id: EOS_ID,
    id2label: Object.fromEntries(labels.map((name, i) => [String(i), name])),
    label2id: Object.fromEntries(labels.map((name, i) => [name, i])),
    torch_dtype: 'float32',
    'transformers.js_config': { dtype: 'fp32' },
  };
  const graph = buildClassifierGraph(dims, o.seed);
  return new Map([
    ['config.json', jsonFileBytes(config)],
    ...tinyTokenizerFiles(vocabulary, CHATML_TEMPLATE, 'right', o.maxLength),
    ['onnx/model.onnx', encodeOnnxModel(graph, { docString: `tiny random reward model, seed ${o.seed}` })],
  ]);
}
