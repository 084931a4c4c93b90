// The ONNX graph of a LLaMA decoder with a KV cache, with the inputs and outputs of an
// Optimum / transformers.js export, so transformers.js drives it like a hub model:
//   input_ids, position_ids [batch, seq]; attention_mask [batch, past+seq] (int64)
//   past_key_values.{i}.key|value [batch, kvHeads, past, headDim]
//   -> logits [batch, seq, vocab], present.{i}.key|value [batch, kvHeads, past+seq, headDim]
// Attention keeps the query heads grouped as [batch, kvHeads, groups, seq, headDim] so each
// kv head broadcasts over its group (grouped-query attention without repeating K and V).
import { GraphBuilder } from './graph-builder.ts';
import type { OnnxGraph } from './graph.ts';
import { causalPaddingBias, linear, reshape, rmsNorm, silu, transpose, unsqueeze } from './graph-ops.ts';
import { checkLlamaDims, type LlamaDims, type LlamaLayerWeights, type LlamaWeights } from './llama-weights.ts';
import { float32Tensor } from './tensor-data.ts';

const FLOAT = 1;

interface Rotary {
  readonly cos: string;
  readonly sin: string;
  /** rotate_half as a [headDim, headDim] matrix: (x1, x2) -> (-x2, x1). */
  readonly rotateHalf: string;
}

/** cos/sin [batch, seq, headDim] of the rotary angles position * theta^(-2i/headDim). */
function rotaryTables(g: GraphBuilder, positionIds: string, dims: LlamaDims): Rotary {
  return g.scope('rotary', () => {
    const half = dims.headDim / 2;
    const inverseFrequency = Array.from({ length: half }, (_, i) => dims.ropeTheta ** ((-2 * i) / dims.headDim));
    const positions = unsqueeze(g, g.op('Cast', [positionIds], { to: FLOAT }), [-1]);
    const angles = g.op('Mul', [positions, g.floats(inverseFrequency)]);
    const both = g.op('Concat', [angles, angles], { axis: -1 });
    const rotation = new Float32Array(dims.headDim * dims.headDim);
    for (let j = 0; j < half; j++) {
      rotation[(j + half) * dims.headDim + j] = -1;
      rotation[j * dims.headDim + j + half] = 1;
    }
    const rotateHalf = g.initializer('rotary.rotate_half', float32Tensor([dims.headDim, dims.headDim], rotation));
    return { cos: g.op('Cos', [both]), sin: g.op('Sin', [both]), rotateHalf };
  });
}

function applyRotary(g: GraphBuilder, x: string, cos: string, sin: string, rotateHalf: string): string {
  const rotated = g.op('MatMul', [x, rotateHalf]);
  return g.op('Add', [g.op('Mul', [x, cos]), g.op('Mul', [rotated, sin])]);
}

interface LayerContext {
  readonly dims: LlamaDims;
  readonly ioType: 'float32' | 'float16';
  readonly bias: string;
  readonly rotary: Rotary;
  /** cos/sin broadcast to the query layout [batch, 1, 1, seq, headDim] and key layout [batch, 1, seq, headDim]. */
  readonly queryCos: string;
  readonly querySin: string;
  readonly keyCos: string;
  readonly keySin: string;
}

function attention(g: GraphBuilder, x: string, index: number, w: LlamaLayerWeights, ctx: LayerContext): string {
  const { dims } = ctx;
  const { hiddenSize: h, numHeads, numKvHeads: kvHeads, headDim } = dims;
  const groups = numHeads / kvHeads;
  const p = `model.layers.${index}.self_attn`;
  const q = linear(g, x, `${p}.q_proj`, h, numHeads * headDim, w.q);
  const k = linear(g, x, `${p}.k_proj`, h, kvHeads * headDim, w.k);
  const v = linear(g, x, `${p}.v_proj`, h, kvHeads * headDim, w.v);
  // Query head n uses kv head floor(n / groups), as in transformers' repeat_kv.
  const queries = transpose(g, reshape(g, q, [0, 0, kvHeads, groups, headDim]), [0, 2, 3, 1, 4]);
  const keys = transpose(g, reshape(g, k, [0, 0, kvHeads, headDim]), [0, 2, 1, 3]);
  const values = transpose(g, reshape(g, v, [0, 0, kvHeads, headDim]), [0, 2, 1, 3]);
  const { rotateHalf } = ctx.rotary;
  const rotatedQueries = applyRotary(g, queries, ctx.queryCos, ctx.querySin, rotateHalf);
  const rotatedKeys = applyRotary(g, keys, ctx.keyCos, ctx.keySin, rotateHalf);
  const [pastKey, pastValue] = [`past_key_values.${index}.key`, `past_key_values.${index}.value`];
  const cache = (past: string, fresh: string, present: string): string => {
    if (ctx.ioType === 'float32') return g.op('Concat', [past, fresh], { axis: 2 }, present);
    const toFloat = (x: string) => g.op('Cast', [x], { to: TO_FLOAT });
    const all = g.op('Concat', [toFloat(past), toFloat(g.op('Cast', [fresh], { to: TO_FLOAT16 }))], { axis: 2 });
    g.op('Cast', [all], { to: TO_FLOAT16 }, present);
    return all;
  };
  const presentKey = cache(pastKey, rotatedKeys, `present.${index}.key`);
  const presentValue = cache(pastValue, values, `present.${index}.value`);
  const keysT = unsqueeze(g, transpose(g, presentKey, [0, 1, 3, 2]), [2]);
  const scaled = g.op('Mul', [g.op('MatMul', [rotatedQueries, keysT]), g.floats([1 / Math.sqrt(headDim)], [])]);
  const weights = g.op('Softmax', [g.op('Add', [scaled, ctx.bias])], { axis: -1 });
  const context = g.op('MatMul', [weights, unsqueeze(g, presentValue, [2])]);
  const merged = reshape(g, transpose(g, context, [0, 3, 1, 2, 4]), [0, 0, numHeads * headDim]);
  return linear(g, merged, `${p}.o_proj`, numHeads * headDim, h, w.o);
}

function mlp(g: GraphBuilder, x: string, index: number, w: LlamaLayerWeights, dims: LlamaDims): string {
  const p = `model.layers.${index}.mlp`;
  const { hiddenSize: h, intermediateSize: m } = dims;
  const gate = silu(g, linear(g, x, `${p}.gate_proj`, h, m, w.gate));
  const up = linear(g, x, `${p}.up_proj`, h, m, w.up);
  return linear(g, g.op('Mul', [gate, up]), `${p}.down_proj`, m, h, w.down);
}

export interface LlamaGraphOptions {
  /**
   * Also take the scalar input `num_logits_to_keep`, as some hub exports do: logits for only the last k
   * positions (0 = all), computed by slicing the hidden states before the LM head.
   */
  readonly numLogitsToKeep?: boolean;
  /**
   * The element type of the KV cache and logits at the graph's interface, as in fp16 exports. With
   * float16 the model computes in float32 but rounds every key and value to float16 before using it,
   * so a cached step and a recomputation see the same numbers.
   */
  readonly ioType?: 'float32' | 'float16';
}

const TO_FLOAT = 1;
const TO_FLOAT16 = 10;

/**
 * Build the decoder graph. `logitBias` [vocab], if given, is added to the logits: it lets a
 * random model end its answers at a chosen rate and avoid byte-fragment tokens.
 */
export function buildLlamaGraph(
  dims: LlamaDims,
  weights: LlamaWeights,
  logitBias?: Float32Array,
  options: LlamaGraphOptions = {},
): OnnxGraph {
  checkLlamaDims(dims);
  const g = new GraphBuilder('tiny_llama');
  const { vocabSize: vocab, hiddenSize: h, numKvHeads: kvHeads, headDim } = dims;
  const ioType = options.ioType ?? 'float32';
  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', 'int64', ['batch_size', 'total_sequence_length']);
  const positionIds = g.input('position_ids', 'int64', ['batch_size', 'sequence_length']);
  for (let i = 0; i < dims.numLayers; i++) {
    for (const kind of ['key', 'value']) {
      g.input(`past_key_values.${i}.${kind}`, ioType, ['batch_size', kvHeads, 'past_sequence_length', headDim]);
    }
  }
  const embedding = g.initializer('model.embed_tokens.weight', float32Tensor([vocab, h], weights.embedding));
  let x = g.op('Gather', [embedding, inputIds], { axis: 0 });
  const rotary = rotaryTables(g, positionIds, dims);
  const ctx: LayerContext = {
    dims,
    ioType,
    bias: causalPaddingBias(g, inputIds, attentionMask, 2),
    rotary,
    queryCos: unsqueeze(g, rotary.cos, [1, 2]),
    querySin: unsqueeze(g, rotary.sin, [1, 2]),
    keyCos: unsqueeze(g, rotary.cos, [1]),
    keySin: unsqueeze(g, rotary.sin, [1]),
  };
  weights.layers.forEach((w, i) => {
    g.scope(`layers.${i}`, () => {
      const p = `model.layers.${i}`;
      const attended = attention(g, rmsNorm(g, x, `${p}.input_layernorm`, w.inputNorm, dims.rmsNormEps), i, w, ctx);
      x = g.op('Add', [x, attended]);
      const normed = rmsNorm(g, x, `${p}.post_attention_layernorm`, w.postAttentionNorm, dims.rmsNormEps);
      x = g.op('Add', [x, mlp(g, normed, i, w, dims)]);
    });
  });
  let final = rmsNorm(g, x, 'model.norm', weights.finalNorm, dims.rmsNormEps);
  if (options.numLogitsToKeep) {
    // Slice positions [-k, end) along the sequence axis; k = 0 starts at 0, i.e. keeps every position.
    const keep = g.input('num_logits_to_keep', 'int64', []);
    const start = g.op('Neg', [g.op('Reshape', [keep, g.int64s([1])])]);
    final = g.op('Slice', [final, start, g.int64s([Number.MAX_SAFE_INTEGER]), g.int64s([1])]);
  }
  let logits = linear(g, final, 'lm_head', h, vocab, weights.lmHead);
  if (logitBias) logits = g.op('Add', [logits, g.initializer('lm_head.logit_bias', float32Tensor([vocab], logitBias))]);
  if (ioType === 'float16') logits = g.op('Cast', [logits], { to: TO_FLOAT16 });
  g.output(logits, ioType, ['batch_size', 'sequence_length', vocab], 'logits');
  for (let i = 0; i < dims.numLayers; i++) {
    for (const kind of ['key', 'value']) {
      g.output(`present.${i}.${kind}`, ioType, ['batch_size', kvHeads, 'total_sequence_length', headDim]);
    }
  }
  return g.build();
}
