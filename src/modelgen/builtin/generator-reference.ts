// The built-in generator's forward pass as plain loops (float64), written from the formula in
// generator-parameters.ts and independent of the ONNX graph: tests compare the exported
// model's logits with it, and the measurement script uses it for held-out perplexity.
import type { GeneratorParameters } from './generator-parameters.ts';

/** Attention-weighted mean of the topic values of ids[0..end] (positions 0-based). */
export function topicContext(params: GeneratorParameters, ids: readonly number[], end: number): Float64Array {
  const k = params.topicDims;
  const scores = ids.slice(0, end + 1).map((id, position) => params.salience[id]! + params.recency * position);
  const max = Math.max(...scores);
  const context = new Float64Array(k);
  let total = 0;
  scores.forEach((score, position) => {
    const weight = Math.exp(score - max);
    total += weight;
    const id = ids[position]!;
    for (let j = 0; j < k; j++) context[j]! += weight * params.topicValue[id * k + j]!;
  });
  for (let j = 0; j < k; j++) context[j]! /= total;
  return context;
}

/** Next-token logits after ids[0..position] (one unpadded sequence). */
export function referenceLogits(params: GeneratorParameters, ids: readonly number[], position: number): Float64Array {
  const vocab = params.tokens.length;
  const r = params.bigramRank;
  const k = params.topicDims;
  const current = ids[position]!;
  const context = topicContext(params, ids, position);
  const logits = new Float64Array(vocab);
  for (let w = 0; w < vocab; w++) {
    let sum = params.bias[w]!;
    for (let j = 0; j < r; j++) sum += params.bigramInput[current * r + j]! * params.bigramOutput[w * r + j]!;
    for (let j = 0; j < k; j++) sum += context[j]! * params.topicOutput[w * k + j]!;
    logits[w] = sum;
  }
  for (let j = 0; j < params.corrections; j++) {
    const entry = current * params.corrections + j;
    logits[params.correctionIndex[entry]!]! += params.correctionValue[entry]!;
  }
  return logits;
}

/** log P(ids[position + 1] | ids[0..position]) under the softmax of referenceLogits. */
export function referenceLogProb(params: GeneratorParameters, ids: readonly number[], position: number): number {
  const logits = referenceLogits(params, ids, position);
  let max = -Infinity;
  for (const x of logits) max = Math.max(max, x);
  let sum = 0;
  for (const x of logits) sum += Math.exp(x - max);
  return logits[ids[position + 1]!]! - max - Math.log(sum);
}
