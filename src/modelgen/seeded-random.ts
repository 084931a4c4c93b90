// Seeded pseudo-random weights. Only integer arithmetic and one division per draw, so the
// same seed yields bit-identical weights in any JavaScript engine (no Math.random, no
// transcendental functions whose last bit may differ between engines).

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [-limit, limit). */
  symmetric(limit: number): number;
  /** `count` values with mean 0 and standard deviation `std` (uniform distribution). */
  fill(count: number, std: number): Float32Array;
}

/** A 32-bit state generator (the mulberry32 recipe: add a Weyl constant, then mix). */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const symmetric = (limit: number): number => (next() * 2 - 1) * limit;
  // A uniform distribution on [-a, a) has standard deviation a / sqrt(3).
  const fill = (count: number, std: number): Float32Array => {
    const limit = std * Math.sqrt(3);
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = symmetric(limit);
    return values;
  };
  return { next, symmetric, fill };
}

/** Derive an independent seed for a named part of a model (e.g. "layers.1.q_proj"). */
export function deriveSeed(seed: number, label: string): number {
  let hash = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}
