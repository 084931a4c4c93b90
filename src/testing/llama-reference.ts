// A plain-loop LLaMA forward pass (one sequence, float64) written from the architecture's
// definition, independent of the ONNX graph: tests compare the generated model's logits to
// it, so a wrong head grouping, rotary convention or norm would show up as a mismatch.
import type { LlamaDims, LlamaWeights } from '../modelgen/llama-weights.ts';

type Vector = Float64Array;

/** x [in] times W stored row-major [in, out]. */
function matVec(x: Vector, w: Float32Array, out: number): Vector {
  const y = new Float64Array(out);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    for (let j = 0; j < out; j++) y[j] = (y[j] as number) + xi * (w[i * out + j] as number);
  }
  return y;
}

function rmsNorm(x: Vector, weight: Float32Array, eps: number): Vector {
  let meanSquare = 0;
  for (const v of x) meanSquare += v * v;
  const scale = 1 / Math.sqrt(meanSquare / x.length + eps);
  return x.map((v, i) => v * scale * (weight[i] as number));
}

/** Rotary embedding of one head vector at `position` (rotate-half convention of transformers' LLaMA). */
function rotate(x: Vector, position: number, theta: number): Vector {
  const half = x.length / 2;
  const out = new Float64Array(x.length);
  for (let i = 0; i < half; i++) {
    const angle = position * theta ** ((-2 * i) / x.length);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const [a, b] = [x[i] as number, x[i + half] as number];
    out[i] = a * cos - b * sin;
    out[i + half] = b * cos + a * sin;
  }
  return out;
}

function head(v: Vector, index: number, size: number): Vector {
  return v.slice(index * size, (index + 1) * size);
}

/** Logits [tokens.length][vocab] for one unpadded sequence at positions 0..n-1. */
export function referenceLlamaLogits(
  dims: LlamaDims,
  weights: LlamaWeights,
  logitBias: Float32Array,
  tokens: readonly number[],
): Float64Array[] {
  const { hiddenSize: h, headDim: d, numHeads, numKvHeads, intermediateSize: m, rmsNormEps: eps } = dims;
  const groups = numHeads / numKvHeads;
  let states = tokens.map((t) => Float64Array.from(weights.embedding.subarray(t * h, (t + 1) * h)));
  for (const layer of weights.layers) {
    const normed = states.map((x) => rmsNorm(x, layer.inputNorm, eps));
    const queries: Vector[][] = [];
    const keys: Vector[][] = [];
    const values: Vector[][] = [];
    normed.forEach((x, p) => {
      const q = matVec(x, layer.q, numHeads * d);
      const k = matVec(x, layer.k, numKvHeads * d);
      const v = matVec(x, layer.v, numKvHeads * d);
      queries[p] = Array.from({ length: numHeads }, (_, n) => rotate(head(q, n, d), p, dims.ropeTheta));
      keys[p] = Array.from({ length: numKvHeads }, (_, n) => rotate(head(k, n, d), p, dims.ropeTheta));
      values[p] = Array.from({ length: numKvHeads }, (_, n) => head(v, n, d));
    });
    states = states.map((x, p) => {
      const merged = new Float64Array(numHeads * d);
      for (let n = 0; n < numHeads; n++) {
        const kv = Math.floor(n / groups);
        const q = queries[p]?.[n] as Vector;
        const scores = Array.from({ length: p + 1 }, (_, j) => {
          const k = keys[j]?.[kv] as Vector;
          return q.reduce((sum, qi, i) => sum + qi * (k[i] as number), 0) / Math.sqrt(d);
        });
        const max = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - max));
        const total = exps.reduce((a, b) => a + b, 0);
        exps.forEach((e, j) => {
          const v = values[j]?.[kv] as Vector;
          for (let i = 0; i < d; i++) {
            merged[n * d + i] = (merged[n * d + i] as number) + (e / total) * (v[i] as number);
          }
        });
      }
      const attended = matVec(merged, layer.o, h);
      const residual = x.map((xi, i) => xi + (attended[i] as number));
      const b = rmsNorm(residual, layer.postAttentionNorm, eps);
      const gate = matVec(b, layer.gate, m);
      const up = matVec(b, layer.up, m);
      const act = gate.map((g, i) => (g / (1 + Math.exp(-g))) * (up[i] as number));
      const down = matVec(act, layer.down, h);
      return residual.map((r, i) => r + (down[i] as number));
    });
  }
  return states.map((x) => {
    const logits = matVec(rmsNorm(x, weights.finalNorm, eps), weights.lmHead, dims.vocabSize);
    return logits.map((v, i) => v + (logitBias[i] as number));
  });
}
