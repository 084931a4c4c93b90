// A small BERT-style sequence classifier graph: token + token-type embeddings plus
// sinusoidal positions, one post-norm encoder layer, masked mean pooling, a tanh pooler and
// a linear head -> logits [batch, labels].
// Two choices keep a row's score independent of padding on either side: positions count
// only real tokens (cumsum of attention_mask), and pooling averages real tokens only
// (BERT's first-token pooling would read a pad token under left padding).
import { GraphBuilder } from './graph-builder.ts';
import type { OnnxGraph } from './graph.ts';
import { geluTanh, layerNorm, linear, maskToBias, reshape, transpose, unsqueeze } from './graph-ops.ts';
import { deriveSeed, seededRandom } from './seeded-random.ts';
import { float32Tensor } from './tensor-data.ts';

const FLOAT = 1;
const BOOL = 9;
const LAYER_NORM_EPS = 1e-12;

export interface ClassifierDims {
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly numHeads: number;
  readonly intermediateSize: number;
  readonly typeVocabSize: number;
  readonly numLabels: number;
}

function sinusoidalPositions(g: GraphBuilder, attentionMask: string, hidden: number): string {
  return g.scope('positions', () => {
    const counted = g.op('CumSum', [attentionMask, g.int64s([1], [])]);
    // Left padding gives -1 before the first real token; clamp so pads look like position 0.
    const positions = g.op('Relu', [g.op('Cast', [g.op('Sub', [counted, g.int64s([1], [])])], { to: FLOAT })]);
    const half = hidden / 2;
    const frequencies = Array.from({ length: half }, (_, i) => 10000 ** (-i / half));
    const angles = g.op('Mul', [unsqueeze(g, positions, [-1]), g.floats(frequencies)]);
    return g.op('Concat', [g.op('Sin', [angles]), g.op('Cos', [angles])], { axis: -1 });
  });
}

type Draw = (label: string, count: number, std: number) => Float32Array;

const ones = (count: number) => new Float32Array(count).fill(1);
const zeros = (count: number) => new Float32Array(count);

/** One post-norm encoder layer (self-attention over non-padding keys, GELU MLP). */
function encoderLayer(g: GraphBuilder, x: string, keyBias: string, dims: ClassifierDims, draw: Draw): string {
  const { hiddenSize: h, numHeads, intermediateSize: m } = dims;
  const headDim = h / numHeads;
  const p = 'encoder.layer.0';
  const attended = g.scope('attention', () => {
    const project = (name: string) => {
      const weight = draw(name, h * h, 1 / Math.sqrt(h));
      const flat = linear(g, x, `${p}.attention.self.${name}`, h, h, weight, zeros(h));
      return transpose(g, reshape(g, flat, [0, 0, numHeads, headDim]), [0, 2, 1, 3]);
    };
    const [q, k, v] = [project('query'), project('key'), project('value')];
    const scores = g.op('MatMul', [q, transpose(g, k, [0, 1, 3, 2])]);
    const scaled = g.op('Mul', [scores, g.floats([1 / Math.sqrt(headDim)], [])]);
    const weights = g.op('Softmax', [g.op('Add', [scaled, keyBias])], { axis: -1 });
    const context = reshape(g, transpose(g, g.op('MatMul', [weights, v]), [0, 2, 1, 3]), [0, 0, h]);
    const weight = draw('attention_output', h * h, 1 / Math.sqrt(h));
    return linear(g, context, `${p}.attention.output.dense`, h, h, weight, zeros(h));
  });
  const afterAttention = layerNorm(
    g,
    g.op('Add', [x, attended]),
    `${p}.attention.output.LayerNorm`,
    ones(h),
    zeros(h),
    LAYER_NORM_EPS,
  );
  const expanded = geluTanh(
    g,
    linear(g, afterAttention, `${p}.intermediate.dense`, h, m, draw('intermediate', h * m, 1 / Math.sqrt(h)), zeros(m)),
  );
  const mlpOut = linear(g, expanded, `${p}.output.dense`, m, h, draw('output', m * h, 1 / Math.sqrt(m)), zeros(h));
  return layerNorm(g, g.op('Add', [afterAttention, mlpOut]), `${p}.output.LayerNorm`, ones(h), zeros(h), LAYER_NORM_EPS);
}

/** Mean of `x` [batch, seq, hidden] over the real (mask = 1) tokens -> [batch, hidden]. */
function maskedMean(g: GraphBuilder, x: string, attentionMask: string): string {
  return g.scope('pool', () => {
    const weightsPerToken = unsqueeze(g, g.op('Cast', [attentionMask], { to: FLOAT }), [-1]);
    const axis = g.int64s([1]);
    const total = g.op('ReduceSum', [g.op('Mul', [x, weightsPerToken]), axis], { keepdims: 0 });
    const count = g.op('ReduceSum', [weightsPerToken, axis], { keepdims: 0 });
    // An all-padding row would divide by zero; count at least one token.
    return g.op('Div', [total, g.op('Max', [count, g.floats([1], [])])]);
  });
}

export function buildClassifierGraph(dims: ClassifierDims, seed: number): OnnxGraph {
  const { vocabSize: vocab, hiddenSize: h, numLabels: labels } = dims;
  if (h % dims.numHeads !== 0 || h % 2 !== 0) {
    throw new Error(`hiddenSize ${h} must be even and divisible by numHeads`);
  }
  const draw: Draw = (label, count, std) => seededRandom(deriveSeed(seed, label)).fill(count, std);

  const g = new GraphBuilder('tiny_reward_classifier');
  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', 'int64', ['batch_size', 'sequence_length']);
  const tokenTypeIds = g.input('token_type_ids', 'int64', ['batch_size', 'sequence_length']);

  const words = g.initializer('embeddings.word_embeddings.weight', float32Tensor([vocab, h], draw('word', vocab * h, 1)));
  const types = g.initializer(
    'embeddings.token_type_embeddings.weight',
    float32Tensor([dims.typeVocabSize, h], draw('type', dims.typeVocabSize * h, 0.5)),
  );
  const wordVectors = g.op('Gather', [words, inputIds], { axis: 0 });
  const typeVectors = g.op('Gather', [types, tokenTypeIds], { axis: 0 });
  const summed = g.op('Add', [g.op('Add', [wordVectors, typeVectors]), sinusoidalPositions(g, attentionMask, h)]);
  const embedded = layerNorm(g, summed, 'embeddings.LayerNorm', ones(h), zeros(h), LAYER_NORM_EPS);

  // Keys at padding positions are hidden from every query: bias [batch, 1, 1, seq].
  const keyBias = maskToBias(g, unsqueeze(g, g.op('Cast', [attentionMask], { to: BOOL }), [1, 2]));
  const encoded = encoderLayer(g, embedded, keyBias, dims, draw);
  const pooled = maskedMean(g, encoded, attentionMask);
  const poolerWeights = draw('pooler', h * h, 1 / Math.sqrt(h));
  const pooler = g.op('Tanh', [linear(g, pooled, 'pooler.dense', h, h, poolerWeights, zeros(h))]);
  // Head scale chosen so scores of random responses spread with a standard deviation near 1.
  const headWeights = draw('classifier', h * labels, 8 / Math.sqrt(h));
  const logits = linear(g, pooler, 'classifier', h, labels, headWeights, draw('classifier_bias', labels, 0.1));
  g.output(logits, 'float32', ['batch_size', labels], 'logits');
  return g.build();
}
