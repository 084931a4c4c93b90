// The built-in generator as an ONNX causal LM with the inputs and outputs of a hub export
// (one layer, one kv head), so transformers.js and our engine drive it like any LLaMA:
//   input_ids, position_ids [batch, seq]; attention_mask [batch, past+seq] (int64)
//   past_key_values.0.key|value [batch, 1, past, headDim]
//   -> logits [batch, seq, vocab], present.0.key|value [batch, 1, past+seq, headDim]
// The cache holds, per token, a key whose first component is its attention score
// (salience + recency * position; the query is the unit vector e0) and its topic vector as
// the value. Positions enter only through differences after the softmax, so left padding
// (which shifts a row's positions, if at all, by a constant) changes nothing.
import { GraphBuilder } from '../graph-builder.ts';
import { causalPaddingBias, transpose, unsqueeze } from '../graph-ops.ts';
import { encodeOnnxModel } from '../onnx-writer.ts';
import { float32Tensor, int32Tensor } from '../tensor-data.ts';
import type { GeneratorParameters } from './generator-parameters.ts';

const FLOAT = 1;

export function buildGeneratorGraph(p: GeneratorParameters) {
  const vocab = p.tokens.length;
  const r = p.bigramRank;
  const k = p.topicDims;
  const g = new GraphBuilder('builtin_brown_lm');
  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', 'int64', ['batch_size', 'total_sequence_length']);
  const positionIds = g.input('position_ids', 'int64', ['batch_size', 'sequence_length']);
  const cacheDims = ['batch_size', 1, 'past_sequence_length', k];
  const pastKey = g.input('past_key_values.0.key', 'float32', cacheDims);
  const pastValue = g.input('past_key_values.0.value', 'float32', cacheDims);

  const bigramHidden = g.scope('bigram', () =>
    g.op('Gather', [g.initializer('bigram.input', float32Tensor([vocab, r], p.bigramInput)), inputIds], { axis: 0 }),
  );

  const context = g.scope('attention', () => {
    const salience = g.op('Gather', [g.initializer('attention.salience', float32Tensor([vocab], p.salience)), inputIds], {
      axis: 0,
    });
    const positions = g.op('Cast', [positionIds], { to: FLOAT });
    const score = g.op('Add', [salience, g.op('Mul', [positions, g.floats([p.recency], [])])]);
    const unitKey = g.floats(Array.from({ length: k }, (_, j) => (j === 0 ? 1 : 0)));
    const key = g.op('Mul', [unsqueeze(g, score, [1, 3]), unitKey]);
    const values = g.initializer('attention.topic_value', float32Tensor([vocab, k], p.topicValue));
    const value = unsqueeze(g, g.op('Gather', [values, inputIds], { axis: 0 }), [1]);
    const presentKey = g.op('Concat', [pastKey, key], { axis: 2 }, 'present.0.key');
    const presentValue = g.op('Concat', [pastValue, value], { axis: 2 }, 'present.0.value');
    // The query is e0 for every position: scores [batch, 1, 1, past+seq].
    const query = g.floats(Array.from({ length: k }, (_, j) => (j === 0 ? 1 : 0)), [k, 1]);
    const scores = transpose(g, g.op('MatMul', [presentKey, query]), [0, 1, 3, 2]);
    const masked = g.op('Add', [scores, causalPaddingBias(g, inputIds, attentionMask, 1)]);
    const weights = g.op('Softmax', [masked], { axis: -1 });
    return g.op('Squeeze', [g.op('MatMul', [weights, presentValue]), g.int64s([1])]);
  });

  const logits = g.scope('head', () => {
    const hidden = g.op('Concat', [bigramHidden, context], { axis: -1 });
    const output = new Float32Array((r + k) * vocab);
    for (let w = 0; w < vocab; w++) {
      for (let j = 0; j < r; j++) output[j * vocab + w] = p.bigramOutput[w * r + j]!;
      for (let j = 0; j < k; j++) output[(r + j) * vocab + w] = p.topicOutput[w * k + j]!;
    }
    const projected = g.op('MatMul', [hidden, g.initializer('head.output', float32Tensor([r + k, vocab], output))]);
    const biased = g.op('Add', [projected, g.initializer('head.bias', float32Tensor([vocab], p.bias))]);
    // Exact corrections of the current token's row, scattered into a zero [batch, seq, vocab].
    const m = p.corrections;
    const index = g.op('Gather', [g.initializer('head.correction_index', int32Tensor([vocab, m], p.correctionIndex)), inputIds], {
      axis: 0,
    });
    const update = g.op('Gather', [g.initializer('head.correction_value', float32Tensor([vocab, m], p.correctionValue)), inputIds], {
      axis: 0,
    });
    const zeros = g.op('ConstantOfShape', [g.op('Shape', [biased])], { value: { tensor: float32Tensor([1], [0]) } });
    const correction = g.op('ScatterElements', [zeros, index, update], { axis: 2 });
    return g.op('Add', [biased, correction]);
  });

  g.output(logits, 'float32', ['batch_size', 'sequence_length', vocab], 'logits');
  const presentDims = ['batch_size', 1, 'total_sequence_length', k];
  g.output('present.0.key', 'float32', presentDims);
  g.output('present.0.value', 'float32', presentDims);
  return g.build();
}

export function encodeGeneratorModel(p: GeneratorParameters): Uint8Array {
  return encodeOnnxModel(buildGeneratorGraph(p), { docString: 'Built-in generator fitted from the Brown corpus' });
}
