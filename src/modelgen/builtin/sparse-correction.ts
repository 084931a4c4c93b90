// Low rank plus sparse: for each current token, the few next tokens where the low-rank
// bigram is furthest from the exact smoothed value get that value back exactly. Two entries
// are always among them: the diagonal, because a low-rank fit tends to give a token a high
// chance of following itself (";;;", "the the") that the counts say is near zero; and
// end-of-text, smoothed with a much weaker prior, because its unigram share (one per
// paragraph) would otherwise let a response stop after any word, not just after a period.
import type { SparseCounts } from './corpus-counts.ts';
import { smoothedPmi, type LowRankBigram } from './low-rank-bigram.ts';

export interface SparseCorrection {
  /** Entries per current token. */
  readonly width: number;
  /** Row-major [vocab x width]: next-token ids, distinct within a row. */
  readonly index: Int32Array;
  /** Row-major [vocab x width]: logit corrections (0 for filler entries). */
  readonly value: Float32Array;
}

function lowRankValue(model: LowRankBigram, c: number, w: number): number {
  let sum = 0;
  for (let k = 0; k < model.rank; k++) sum += model.input[c * model.rank + k]! * model.output[w * model.rank + k]!;
  return sum;
}

export interface EndTokenSmoothing {
  readonly id: number;
  /** Dirichlet prior of the end token, in tokens (the other tokens use the bigram's). */
  readonly prior: number;
}

export function fitSparseCorrection(
  bigrams: SparseCounts,
  nextProb: Float64Array,
  prior: number,
  model: LowRankBigram,
  width: number,
  end: EndTokenSmoothing,
): SparseCorrection {
  const index = new Int32Array(bigrams.rows * width);
  const value = new Float32Array(bigrams.rows * width);
  for (let c = 0; c < bigrams.rows; c++) {
    const residuals: { w: number; r: number }[] = [];
    const counts = new Map<number, number>([
      [c, 0],
      [end.id, 0],
    ]);
    for (let e = bigrams.rowStart[c]!; e < bigrams.rowStart[c + 1]!; e++) counts.set(bigrams.col[e]!, bigrams.count[e]!);
    for (const [w, n] of counts) {
      const exact = smoothedPmi(n, nextProb[w]!, prior, w === end.id ? end.prior : prior);
      residuals.push({ w, r: exact - lowRankValue(model, c, w) });
    }
    const pinned = (x: { w: number }) => (x.w === c || x.w === end.id ? 1 : 0);
    residuals.sort((a, b) => pinned(b) - pinned(a) || Math.abs(b.r) - Math.abs(a.r) || a.w - b.w);
    const kept = residuals.slice(0, width);
    // Filler entries: distinct unused ids with a zero correction (ScatterElements needs
    // distinct indices within a row).
    const used = new Set(kept.map((x) => x.w));
    for (let filler = 0; kept.length < width; filler++) if (!used.has(filler)) kept.push({ w: filler, r: 0 });
    kept.forEach(({ w, r }, j) => {
      index[c * width + j] = w;
      value[c * width + j] = r;
    });
  }
  return { width, index, value };
}
