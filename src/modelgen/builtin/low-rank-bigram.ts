// The generator's bigram term: a low-rank factorisation of smoothed log P(next | current).
//
// With a Dirichlet prior of strength `prior` towards the unigram P(w),
//   log P(w | c) = log P(w) + log(1 + n(c, w) / (prior P(w))) + (a constant per row c),
// and a row constant does not change a softmax. So the model's logits are the unigram bias
// plus S[c, w] = log(1 + n(c, w) / (prior P(w))), which is sparse (zero for unseen pairs) and
// is approximated by a truncated SVD: S ≈ input[c] · output[w].
import type { SparseCounts } from './corpus-counts.ts';
import { truncatedSvd, type LinearOperator } from './truncated-svd.ts';

export interface LowRankBigram {
  readonly rank: number;
  /** Row-major [vocab x rank]: the current token's vector. */
  readonly input: Float64Array;
  /** Row-major [vocab x rank]: the next token's vector. */
  readonly output: Float64Array;
}

export interface BigramFitOptions {
  readonly rank: number;
  /** Dirichlet prior strength, in tokens. */
  readonly prior: number;
  /**
   * Rows are weighted by n(c)^rowWeightPower in the least-squares fit, so frequent contexts
   * (which dominate the likelihood) are approximated better than rare ones.
   */
  readonly rowWeightPower: number;
  /** Columns likewise by the next token's count. */
  readonly colWeightPower: number;
  readonly seed: number;
}

/**
 * S[c, w] for a pair seen `count` times. `pairPrior` (default: `prior`) lets one next token be
 * smoothed less: log((n + pairPrior P(w)) / (prior P(w))), still relative to the same row.
 */
export function smoothedPmi(count: number, nextProb: number, prior: number, pairPrior = prior): number {
  return Math.log((count + pairPrior * nextProb) / (prior * nextProb));
}

/** S scaled by row and column weights, as a sparse operator. */
function weightedPmiOperator(bigrams: SparseCounts, nextProb: Float64Array, options: BigramFitOptions) {
  const values = new Float64Array(bigrams.count.length);
  const rowWeight = new Float64Array(bigrams.rows);
  const colCount = new Float64Array(bigrams.cols);
  for (let e = 0; e < bigrams.count.length; e++) colCount[bigrams.col[e]!]! += bigrams.count[e]!;
  const colWeight = colCount.map((n) => (n > 0 ? n ** options.colWeightPower : 0));
  for (let c = 0; c < bigrams.rows; c++) {
    let total = 0;
    for (let e = bigrams.rowStart[c]!; e < bigrams.rowStart[c + 1]!; e++) total += bigrams.count[e]!;
    rowWeight[c] = total > 0 ? total ** options.rowWeightPower : 0;
    for (let e = bigrams.rowStart[c]!; e < bigrams.rowStart[c + 1]!; e++) {
      const p = nextProb[bigrams.col[e]!]!;
      values[e] = rowWeight[c]! * colWeight[bigrams.col[e]!]! * smoothedPmi(bigrams.count[e]!, p, options.prior);
    }
  }
  const operator: LinearOperator = {
    rows: bigrams.rows,
    cols: bigrams.cols,
    times(x, width) {
      const y = new Float64Array(bigrams.rows * width);
      for (let c = 0; c < bigrams.rows; c++) {
        for (let e = bigrams.rowStart[c]!; e < bigrams.rowStart[c + 1]!; e++) {
          const value = values[e]!;
          const from = bigrams.col[e]! * width;
          for (let k = 0; k < width; k++) y[c * width + k]! += value * x[from + k]!;
        }
      }
      return y;
    },
    transposeTimes(y, width) {
      const x = new Float64Array(bigrams.cols * width);
      for (let c = 0; c < bigrams.rows; c++) {
        for (let e = bigrams.rowStart[c]!; e < bigrams.rowStart[c + 1]!; e++) {
          const value = values[e]!;
          const to = bigrams.col[e]! * width;
          for (let k = 0; k < width; k++) x[to + k]! += value * y[c * width + k]!;
        }
      }
      return x;
    },
  };
  return { operator, rowWeight, colWeight };
}

/** `nextProb[w]`: the unigram probability the prior smooths towards (must be > 0 where counted). */
export function fitLowRankBigram(
  bigrams: SparseCounts,
  nextProb: Float64Array,
  options: BigramFitOptions,
): LowRankBigram {
  const { operator, rowWeight, colWeight } = weightedPmiOperator(bigrams, nextProb, options);
  // One power iteration: measured held-out perplexity is the same as with four, at half the time.
  const svd = truncatedSvd(operator, options.rank, { seed: options.seed, iterations: 1 });
  const rank = svd.rank;
  const input = new Float64Array(bigrams.rows * rank);
  const output = new Float64Array(bigrams.cols * rank);
  // Split each singular value evenly between the two sides, then undo the row weights.
  for (let k = 0; k < rank; k++) {
    const root = Math.sqrt(svd.s[k]!);
    for (let c = 0; c < bigrams.rows; c++) {
      const w = rowWeight[c]!;
      input[c * rank + k] = w > 0 ? (svd.u[c * rank + k]! * root) / w : 0;
    }
    for (let n = 0; n < bigrams.cols; n++) {
      const w = colWeight[n]!;
      output[n * rank + k] = w > 0 ? (svd.v[n * rank + k]! * root) / w : 0;
    }
  }
  return { rank, input, output };
}
