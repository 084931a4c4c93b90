// WebGPU can return silently wrong numbers on some drivers (fp16 and quantized models whose outputs
// differ from WASM's; transformers.js #1728, onnxruntime #26732, #26367). The check: the same short
// prefill's logits (and one reward score) computed on WebGPU and on WASM, compared here. Pure.
import * as v from 'valibot';

/** Logits compared: the reference's highest ones, where sampling happens (the tail can differ harmlessly). */
export const TOP_LOGITS = 20;

/**
 * Largest difference accepted, relative to the size of the numbers compared (at least 1): fp16 keeps
 * ~3 significant digits and a forward pass accumulates rounding over many sums, so 2% of the top logit;
 * fp32 (and quantized weights, dequantised to fp32 on both runtimes) agree to far less.
 */
export function toleranceFor(dtype: string): number {
  return dtype === 'fp16' || dtype.startsWith('q4f16') ? 0.02 : 0.002;
}

const difference = v.nullable(v.pipe(v.number('must be a number or null'), v.minValue(0, 'must not be negative')));

export const NumericCheckSchema = v.object(
  {
    /** The runtime checked, against WASM. */
    device: v.literal('webgpu', 'must be webgpu'),
    dtype: v.string('must be text'),
    /** Largest relative difference of the generator's top logits; null when the device gave NaN or an infinity (JSON has neither). */
    logitDifference: difference,
    /** Relative difference of one reward score, null as above; absent when no reward model ran on the device. */
    rewardDifference: v.optional(difference),
    tolerance: v.pipe(v.number('must be a number'), v.gtValue(0, 'must be above 0')),
    /** Both differences within the tolerance. */
    agrees: v.boolean('must be true or false'),
  },
  'must be a numerical check',
);

export type NumericCheck = v.InferOutput<typeof NumericCheckSchema>;

/** The indices of the `k` largest values. */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => values[b]! - values[a]!)
    .slice(0, k);
}

/**
 * Largest difference between `device`'s and `reference`'s values at the reference's top `k` logits,
 * relative to the largest of those reference values (at least 1, so logits near 0 are compared in
 * absolute terms). Infinity when the device gave NaN or an infinity there, or the lengths differ.
 */
export function logitDifference(device: ArrayLike<number>, reference: ArrayLike<number>, k = TOP_LOGITS): number {
  if (device.length !== reference.length || reference.length === 0) return Infinity;
  const top = topIndices(reference, k);
  const scale = Math.max(1, ...top.map((i) => Math.abs(reference[i]!)));
  let most = 0;
  for (const i of top) {
    const diff = Math.abs(device[i]! - reference[i]!);
    if (!Number.isFinite(diff)) return Infinity;
    most = Math.max(most, diff);
  }
  return most / scale;
}

/** The relative difference of two scores (absolute below 1). */
export function scoreDifference(device: number, reference: number): number {
  const diff = Math.abs(device - reference);
  return Number.isFinite(diff) ? diff / Math.max(1, Math.abs(reference)) : Infinity;
}

/** The check's record (`reward` undefined: not checked). Infinity is written as null and is a mismatch. */
export function numericCheck(dtype: string, logits: number, reward?: number): NumericCheck {
  const tolerance = toleranceFor(dtype);
  const agrees = logits <= tolerance && (reward === undefined || reward <= tolerance);
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return { device: 'webgpu', dtype, logitDifference: finite(logits), ...(reward !== undefined && { rewardDifference: finite(reward) }), tolerance, agrees };
}

/** The largest difference found, for people; null when the device gave NaN or an infinity. */
export function largestDifference(check: NumericCheck): number | null {
  if (check.logitDifference === null || check.rewardDifference === null) return null;
  return Math.max(check.logitDifference, check.rewardDifference ?? 0);
}
