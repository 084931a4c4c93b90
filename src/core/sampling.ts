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
 * Which tokens survive top-k and top-p: every logit above `cut`, plus the first `ties` tokens (in
 * id order) whose logit equals `cut`. Described by a threshold rather than a list so that the common
 * cases never build or sort a vocabulary-sized array.
 */
export interface KeptRange {
  readonly cut: number;
  readonly ties: number;
}

export function keptRange(logits: Logits, sampling: SamplingConfig): KeptRange {
  const { temperature, topK, topP } = sampling;
  // HF's TopKLogitsWarper keeps every logit >= the k-th largest: ties with it all stay.
  const kth = topK > 0 && topK < logits.length ? kthLargest(logits, topK) : -Infinity;
  const afterTopK: KeptRange = kth === -Infinity ? { cut: -Infinity, ties: 0 } : { cut: kth, ties: Infinity };
  return topP < 1 ? nucleus(logits, afterTopK, temperature, topP) : afterTopK;
}

function isKept(value: number, range: KeptRange, tiesSeen: number): boolean {
  return value > range.cut || (value === range.cut && tiesSeen < range.ties);
}

/**
 * HF's TopPLogitsWarper: sorted ascending, tokens whose cumulative probability is <= 1 - top_p go,
 * the top one always stays. Walking down from the top instead, a token stays while the mass ranked
 * above it is < top_p; among equal logits the lower id ranks higher.
 */
function nucleus(logits: Logits, range: KeptRange, temperature: number, topP: number): KeptRange {
  let top = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i]! > top) top = logits[i]!;
  if (top === -Infinity) throw new Error('sampleToken: no finite logit');
  top /= temperature;
  let total = 0;
  let seen = 0;
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i]!;
    if (v > -Infinity && isKept(v, range, seen)) total += Math.exp(v / temperature - top);
    if (v === range.cut) seen++;
  }
  // A token whose probability is <= (1 - top_p) / vocab can only have such tokens below it, so its
  // ascending cumulative is <= 1 - top_p and it goes: only the rest needs sorting.
  const floor = Math.log(((1 - topP) * total) / logits.length);
  const values = scratch(logits.length);
  let count = 0;
  seen = 0;
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i]!;
    if (v > -Infinity && isKept(v, range, seen) && v / temperature - top > floor) values[count++] = v;
    if (v === range.cut) seen++;
  }
  const sorted = values.subarray(0, count).sort();
  let above = 0;
  let kept = 0;
  for (let j = count - 1; j >= 0 && above / total < topP; j--) {
    above += Math.exp(sorted[j]! / temperature - top);
    kept++;
  }
  const cut = sorted[count - kept]!;
  let higher = 0;
  for (let j = count - 1; j >= 0 && sorted[j]! > cut; j--) higher++;
  return { cut, ties: Math.min(kept - higher, range.cut === cut ? range.ties : Infinity) };
}

let scratchBuffer = new Float64Array(0);
let scratchIds = new Int32Array(0);

/** A reused buffer of at least `size` doubles: sampling runs once per row per step and should not allocate. */
function scratch(size: number): Float64Array {
  if (scratchBuffer.length < size) scratchBuffer = new Float64Array(size);
  return scratchBuffer;
}

function scratchIdBuffer(size: number): Int32Array {
  if (scratchIds.length < size) scratchIds = new Int32Array(size);
  return scratchIds;
}

/** The tokens that survive top-k and top-p with their temperature-scaled logits, in id order (temperature > 0). */
export function warpedCandidates(logits: Logits, sampling: SamplingConfig): { ids: number[]; scaled: number[] } {
  const range = keptRange(logits, sampling);
  const ids: number[] = [];
  let ties = 0;
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i]!;
    if (v > -Infinity && isKept(v, range, ties)) ids.push(i);
    if (v === range.cut) ties++;
  }
  return { ids, scaled: ids.map((i) => logits[i]! / sampling.temperature) };
}

/** One token from one row of logits. Same logits, settings and stream state give the same token. */
export function sampleToken(logits: Logits, sampling: SamplingConfig, rng: Rng): number {
  if (sampling.temperature === 0) return argmax(logits);
  const range = keptRange(logits, sampling);
  const t = sampling.temperature;
  // One pass over the vocabulary gathers the kept tokens (in id order); the rest walks only those.
  const ids = scratchIdBuffer(logits.length);
  const weights = scratch(logits.length);
  let count = 0;
  let top = -Infinity;
  let ties = 0;
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i]!;
    if (v > -Infinity && isKept(v, range, ties)) {
      ids[count] = i;
      weights[count++] = v;
      if (v > top) top = v;
    }
    if (v === range.cut) ties++;
  }
  if (count === 0) throw new Error('sampleToken: no finite logit');
  let total = 0;
  for (let j = 0; j < count; j++) total += weights[j] = Math.exp((weights[j]! - top) / t);
  let u = rng() * total;
  for (let j = 0; j < count; j++) {
    u -= weights[j]!;
    if (u < 0) return ids[j]!;
  }
  // Rounding can leave a sliver of u: it belongs to the last kept token.
  return ids[count - 1]!;
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
