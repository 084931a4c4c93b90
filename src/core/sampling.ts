// Token sampling as Hugging Face's logits warpers do it: divide by the temperature, keep the top-k
// logits (ties with the k-th kept), keep the nucleus (top-p) of the softmax of what is left, then draw.
// Temperature 0 means greedy argmax, ties going to the lowest token id.
import type { SamplingConfig } from './config.ts';
import type { Rng } from './random.ts';

/** Logits of one row: a Float32Array subarray, a plain array... */
export type Logits = ArrayLike<number>;

export function argmax(logits: Logits): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < logits.length; i++) {
    const value = logits[i]!;
    // Strictly greater: the lowest id wins a tie. NaN never wins.
    if (value > bestValue || (best < 0 && value === -Infinity)) {
      best = i;
      bestValue = value;
    }
  }
  if (best < 0) throw new Error('argmax: no finite logit');
  return best;
}

/** The k-th largest finite logit, or -Infinity when there are fewer than k (then nothing is cut). */
export function kthLargest(logits: Logits, k: number): number {
  // A min-heap of the k largest seen so far: most logits lose against its root and cost one comparison.
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < logits.length; i++) {
    const value = logits[i]!;
    if (!(value > -Infinity)) continue;
    if (size < k) {
      let j = size++;
      heap[j] = value;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        if (heap[parent]! <= heap[j]!) break;
        swap(heap, parent, j);
        j = parent;
      }
    } else if (value > heap[0]!) {
      heap[0] = value;
      siftDown(heap, size);
    }
  }
  return size < k ? -Infinity : heap[0]!;
}

function siftDown(heap: Float64Array, size: number): void {
  let j = 0;
  for (;;) {
    const left = 2 * j + 1;
    if (left >= size) return;
    const right = left + 1;
    const child = right < size && heap[right]! < heap[left]! ? right : left;
    if (heap[j]! <= heap[child]!) return;
    swap(heap, j, child);
    j = child;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * The tokens that survive top-k and top-p, with their temperature-scaled logits, in ascending id order.
 * Exposed for tests and for views that show the sampling distribution.
 */
export function warpedCandidates(logits: Logits, sampling: SamplingConfig): { ids: number[]; scaled: number[] } {
  const { temperature, topK, topP } = sampling;
  const threshold = topK > 0 && topK < logits.length ? kthLargest(logits, topK) : -Infinity;
  let ids: number[] = [];
  for (let i = 0; i < logits.length; i++) {
    const value = logits[i]!;
    if (value > -Infinity && value >= threshold) ids.push(i);
  }
  if (ids.length === 0) throw new Error('sampleToken: no finite logit');
  if (topP < 1) ids = nucleus(ids, logits, temperature, topP);
  return { ids, scaled: ids.map((i) => logits[i]! / temperature) };
}

/** HF's TopPLogitsWarper: sorted ascending, drop tokens whose cumulative probability is <= 1 - top_p; keep the top one. */
function nucleus(ids: number[], logits: Logits, temperature: number, topP: number): number[] {
  // Ascending by logit; among equal logits the higher id comes first, so the lower id is the more likely kept.
  const ascending = [...ids].sort((a, b) => logits[a]! - logits[b]! || b - a);
  const top = logits[ascending[ascending.length - 1]!]! / temperature;
  const weights = ascending.map((i) => Math.exp(logits[i]! / temperature - top));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const cut = 1 - topP;
  let cumulative = 0;
  let firstKept = ascending.length - 1;
  for (let j = 0; j < ascending.length - 1; j++) {
    cumulative += weights[j]! / total;
    if (cumulative > cut) {
      firstKept = j;
      break;
    }
  }
  return ascending.slice(firstKept).sort((a, b) => a - b);
}

/** One token from one row of logits. Same logits, settings and stream state give the same token. */
export function sampleToken(logits: Logits, sampling: SamplingConfig, rng: Rng): number {
  if (sampling.temperature === 0) return argmax(logits);
  const { ids, scaled } = warpedCandidates(logits, sampling);
  let top = -Infinity;
  for (const s of scaled) if (s > top) top = s;
  const weights = scaled.map((s) => Math.exp(s - top));
  const total = weights.reduce((sum, w) => sum + w, 0);
  let u = rng() * total;
  for (let j = 0; j < ids.length; j++) {
    u -= weights[j]!;
    if (u < 0) return ids[j]!;
  }
  // Rounding can leave a sliver of u: it belongs to the last kept token.
  return ids[ids.length - 1]!;
}

/** One token per row of a DecodeBatch's row-major logits, row r drawing from `rngs[r]`. */
export function sampleRows(logits: Float32Array, vocabSize: number, sampling: SamplingConfig, rngs: readonly Rng[]): number[] {
  const rows = rngs.length;
  if (logits.length < rows * vocabSize) {
    throw new Error(`sampleRows: ${logits.length} logits for ${rows} rows of ${vocabSize}`);
  }
  const tokens: number[] = [];
  for (let r = 0; r < rows; r++) {
    tokens.push(sampleToken(logits.subarray(r * vocabSize, (r + 1) * vocabSize), sampling, rngs[r]!));
  }
  return tokens;
}
