// Seeded randomness. Every candidate draws from its own stream, keyed by (run seed, candidate id), so
// what a candidate samples depends only on the seed, its id and its own history: Best-of-N's
// sequential batches, Speculative Rejection's pruning and TreeBoN's branching never shift it.

/** A source of uniform floats in [0, 1). */
export type Rng = () => number;

/** SplitMix32 finaliser (a well-known 32-bit integer hash): spreads nearby keys far apart. */
export function mix32(value: number): number {
  let t = (value + 0x9e3779b9) | 0;
  t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/** Folds any safe integer (negative or above 2^32 included) into 32 bits without losing its high part. */
function fold(value: number): number {
  const low = value >>> 0;
  const high = Math.floor(value / 0x1_0000_0000) >>> 0;
  return mix32(low ^ mix32(high));
}

/** xoshiro128** (Blackman and Vigna): small, fast, and good enough for sampling tokens. */
export function xoshiro128ss(s0: number, s1: number, s2: number, s3: number): Rng {
  let a = s0 >>> 0;
  let b = s1 >>> 0;
  let c = s2 >>> 0;
  let d = s3 >>> 0;
  // An all-zero state would emit zeros forever.
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 0x1_0000_0000;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The stream of one candidate (or any other numbered consumer) under a run seed. */
export function candidateRng(seed: number, candidateId: number): Rng {
  let key = mix32(fold(seed) ^ mix32(fold(candidateId) ^ 0x85ebca6b));
  const next = (): number => (key = mix32(key));
  return xoshiro128ss(next(), next(), next(), next());
}
