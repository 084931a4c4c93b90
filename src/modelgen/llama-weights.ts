// Shapes and seeded random weights of a LLaMA-architecture decoder. Every tensor is drawn
// from its own derived seed, so changing one size does not reshuffle the other tensors,
// and a "perturbation" adds a second seeded draw on top (a nearby model: DPO policy vs
// reference).
import { deriveSeed, seededRandom } from './seeded-random.ts';

export interface LlamaDims {
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly numHeads: number;
  /** Fewer than numHeads gives grouped-query attention; must divide numHeads. */
  readonly numKvHeads: number;
  readonly headDim: number;
  readonly intermediateSize: number;
  readonly rmsNormEps: number;
  readonly ropeTheta: number;
}

export interface LlamaLayerWeights {
  readonly inputNorm: Float32Array;
  /**
   * Projections, stored [in, out]: q [hidden, heads*headDim], k and v [hidden, kvHeads*headDim],
   * o [heads*headDim, hidden].
   */
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly v: Float32Array;
  readonly o: Float32Array;
  readonly postAttentionNorm: Float32Array;
  /** MLP: gate/up [hidden, intermediate], down [intermediate, hidden]. */
  readonly gate: Float32Array;
  readonly up: Float32Array;
  readonly down: Float32Array;
}

export interface LlamaWeights {
  /** [vocab, hidden]. */
  readonly embedding: Float32Array;
  /**
   * [hidden, vocab]. Untied from the embedding on purpose: with tied random weights the
   * current token's own embedding dominates the logits and the model repeats itself.
   */
  readonly lmHead: Float32Array;
  readonly layers: readonly LlamaLayerWeights[];
  readonly finalNorm: Float32Array;
}

export interface WeightDraw {
  readonly seed: number;
  /** Standard deviation of the LM head, which sets how peaked the next-token distribution is. */
  readonly lmHeadStd: number;
  /** Adds `scale` x (each tensor's own std) of independent noise drawn from `seed`. */
  readonly perturbation?: { readonly seed: number; readonly scale: number };
}

export function checkLlamaDims(dims: LlamaDims): void {
  if (dims.numHeads % dims.numKvHeads !== 0) {
    throw new Error(`numHeads (${dims.numHeads}) must be a multiple of numKvHeads (${dims.numKvHeads})`);
  }
  if (dims.headDim % 2 !== 0) throw new Error(`headDim (${dims.headDim}) must be even for rotary embeddings`);
}

export function drawLlamaWeights(dims: LlamaDims, draw: WeightDraw): LlamaWeights {
  checkLlamaDims(dims);
  const tensor = (label: string, count: number, std: number): Float32Array => {
    const values = seededRandom(deriveSeed(draw.seed, label)).fill(count, std);
    if (draw.perturbation) {
      const noise = seededRandom(deriveSeed(draw.perturbation.seed, label)).fill(count, std * draw.perturbation.scale);
      for (let i = 0; i < count; i++) values[i] = (values[i] as number) + (noise[i] as number);
    }
    return values;
  };
  // Norm weights near 1, like a trained model's.
  const norm = (label: string, size: number): Float32Array => {
    const values = tensor(label, size, 0.05);
    for (let i = 0; i < size; i++) values[i] = (values[i] as number) + 1;
    return values;
  };
  const { hiddenSize: h, intermediateSize: m } = dims;
  const qWidth = dims.numHeads * dims.headDim;
  const kvWidth = dims.numKvHeads * dims.headDim;
  const layers = Array.from({ length: dims.numLayers }, (_, i): LlamaLayerWeights => {
    const p = `layers.${i}`;
    return {
      inputNorm: norm(`${p}.input_layernorm`, h),
      q: tensor(`${p}.q_proj`, h * qWidth, 1 / Math.sqrt(h)),
      k: tensor(`${p}.k_proj`, h * kvWidth, 1 / Math.sqrt(h)),
      v: tensor(`${p}.v_proj`, h * kvWidth, 1 / Math.sqrt(h)),
      o: tensor(`${p}.o_proj`, qWidth * h, 0.5 / Math.sqrt(qWidth)),
      postAttentionNorm: norm(`${p}.post_attention_layernorm`, h),
      gate: tensor(`${p}.gate_proj`, h * m, 1 / Math.sqrt(h)),
      up: tensor(`${p}.up_proj`, h * m, 1 / Math.sqrt(h)),
      down: tensor(`${p}.down_proj`, m * h, 0.5 / Math.sqrt(m)),
    };
  });
  return {
    embedding: tensor('embed_tokens', dims.vocabSize * h, 1),
    lmHead: tensor('lm_head', h * dims.vocabSize, draw.lmHeadStd),
    layers,
    finalNorm: norm('norm', h),
  };
}
