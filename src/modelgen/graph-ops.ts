// Small graph fragments shared by the model builders: shape plumbing, linear layers,
// normalisations, activations. Each takes the builder and value names and returns the name
// of the result; only standard-domain opset-17 ops are used.
import type { GraphBuilder } from './graph-builder.ts';
import { float32Tensor } from './tensor-data.ts';

export function unsqueeze(g: GraphBuilder, x: string, axes: readonly number[]): string {
  return g.op('Unsqueeze', [x, g.int64s(axes)]);
}

/** Reshape; 0 copies the input's size on that axis, -1 infers one axis. */
export function reshape(g: GraphBuilder, x: string, shape: readonly number[]): string {
  return g.op('Reshape', [x, g.int64s(shape)]);
}

export function transpose(g: GraphBuilder, x: string, perm: readonly number[]): string {
  return g.op('Transpose', [x], { perm });
}

/** The size of `x` on `axis` as an int64 scalar, known only at run time. */
export function dimOf(g: GraphBuilder, x: string, axis: number): string {
  return g.op('Gather', [g.op('Shape', [x]), g.int64s([axis], [])], { axis: 0 });
}

/** x @ W with W stored as a [inFeatures, outFeatures] initializer named `name`. */
export function linear(
  g: GraphBuilder,
  x: string,
  name: string,
  inFeatures: number,
  outFeatures: number,
  weight: Float32Array,
  bias?: Float32Array,
): string {
  const w = g.initializer(`${name}.weight`, float32Tensor([inFeatures, outFeatures], weight));
  const product = g.op('MatMul', [x, w]);
  if (!bias) return product;
  return g.op('Add', [product, g.initializer(`${name}.bias`, float32Tensor([outFeatures], bias))]);
}

/** LLaMA's RMSNorm over the last axis: x / sqrt(mean(x^2) + eps) * weight. */
export function rmsNorm(g: GraphBuilder, x: string, name: string, weight: Float32Array, eps: number): string {
  const meanSquare = g.op('ReduceMean', [g.op('Mul', [x, x])], { axes: [-1], keepdims: 1 });
  const rms = g.op('Sqrt', [g.op('Add', [meanSquare, g.floats([eps], [])])]);
  const w = g.initializer(`${name}.weight`, float32Tensor([weight.length], weight));
  return g.op('Mul', [g.op('Div', [x, rms]), w]);
}

/** LayerNormalization over the last axis with learned scale and bias. */
export function layerNorm(
  g: GraphBuilder,
  x: string,
  name: string,
  scale: Float32Array,
  bias: Float32Array,
  eps: number,
): string {
  const s = g.initializer(`${name}.weight`, float32Tensor([scale.length], scale));
  const b = g.initializer(`${name}.bias`, float32Tensor([bias.length], bias));
  return g.op('LayerNormalization', [x, s, b], { axis: -1, epsilon: { float: eps } });
}

/** SiLU (swish): x * sigmoid(x). */
export function silu(g: GraphBuilder, x: string): string {
  return g.op('Mul', [x, g.op('Sigmoid', [x])]);
}

/** GELU, tanh approximation, from elementary ops (the Gelu op needs opset 20). */
export function geluTanh(g: GraphBuilder, x: string): string {
  const cube = g.op('Mul', [g.op('Mul', [x, x]), x]);
  const inner = g.op('Add', [x, g.op('Mul', [cube, g.floats([0.044715], [])])]);
  const tanh = g.op('Tanh', [g.op('Mul', [inner, g.floats([Math.sqrt(2 / Math.PI)], [])])]);
  return g.op('Mul', [g.op('Mul', [x, g.floats([0.5], [])]), g.op('Add', [tanh, g.floats([1], [])])]);
}

/** Additive attention bias: 0 where `allowed` (bool) is true, a large negative number elsewhere. */
export function maskToBias(g: GraphBuilder, allowed: string): string {
  // Finite (not -inf): a query row with no allowed key (a padding position) then gets a
  // uniform softmax instead of NaNs, and its output is ignored anyway.
  return g.op('Where', [allowed, g.floats([0], []), g.floats([-1e9], [])]);
}

/**
 * Additive attention bias over [batch, ...heads, seq, past+seq]: 0 where key j is visible to query i
 * (j <= past+i and attention_mask[j] = 1), a large negative number elsewhere. `headAxes` is how many
 * head axes sit between batch and the query axis (1 for [B, H, S, T], 2 for grouped [B, KV, G, S, T]).
 */
export function causalPaddingBias(g: GraphBuilder, inputIds: string, attentionMask: string, headAxes: number): string {
  return g.scope('mask', () => {
    const total = dimOf(g, attentionMask, 1);
    const past = g.op('Sub', [total, dimOf(g, inputIds, 1)]);
    const one = g.int64s([1], []);
    const keyIndex = unsqueeze(g, g.op('Range', [g.int64s([0], []), total, one]), [0]);
    const queryIndex = unsqueeze(g, g.op('Range', [past, total, one]), [1]);
    const causal = g.op('LessOrEqual', [keyIndex, queryIndex]);
    const axes = Array.from({ length: headAxes + 1 }, (_, i) => i + 1);
    const notPadding = unsqueeze(g, g.op('Cast', [attentionMask], { to: ONNX_BOOL }), axes);
    return maskToBias(g, g.op('And', [causal, notPadding]));
  });
}

const ONNX_BOOL = 9;
