// Topic vectors from document co-occurrence (latent semantic analysis): a truncated SVD of the
// smoothed log ratio between a word's count in a text and the count its overall frequency
// predicts, A[w, d] = log((n(w, d) + 1) / (N_d P(w) + 1)). Words that share texts get nearby
// vectors; the generator averages the vectors of the words so far to sense the topic.
import type { SparseCounts } from './corpus-counts.ts';
import { denseOperator, truncatedSvd } from './truncated-svd.ts';

export interface TopicVectors {
  readonly dims: number;
  /** Row-major [vocab x dims]: U Σ^(1/2), so u·v approximates a word-word association. */
  readonly vectors: Float64Array;
  /** Texts each token occurs in (for its salience). */
  readonly documentFrequency: Float64Array;
  readonly documents: number;
}

/** The dense [vocab x documents] matrix A. */
function logRatioMatrix(termDoc: SparseCounts, wordProb: Float64Array): Float64Array {
  const docLength = new Float64Array(termDoc.cols);
  for (let e = 0; e < termDoc.count.length; e++) docLength[termDoc.col[e]!]! += termDoc.count[e]!;
  const a = new Float64Array(termDoc.rows * termDoc.cols);
  for (let w = 0; w < termDoc.rows; w++) {
    const p = wordProb[w]!;
    for (let d = 0; d < termDoc.cols; d++) a[w * termDoc.cols + d] = -Math.log1p(docLength[d]! * p);
    for (let e = termDoc.rowStart[w]!; e < termDoc.rowStart[w + 1]!; e++) {
      const d = termDoc.col[e]!;
      a[w * termDoc.cols + d] = Math.log((termDoc.count[e]! + 1) / (docLength[d]! * p + 1));
    }
  }
  return a;
}

export function fitTopicVectors(
  termDoc: SparseCounts,
  wordProb: Float64Array,
  options: { readonly dims: number; readonly seed: number },
): TopicVectors {
  const a = logRatioMatrix(termDoc, wordProb);
  const svd = truncatedSvd(denseOperator(a, termDoc.rows, termDoc.cols), options.dims, {
    seed: options.seed,
    iterations: 2,
  });
  const dims = svd.rank;
  const vectors = new Float64Array(termDoc.rows * dims);
  for (let w = 0; w < termDoc.rows; w++) {
    for (let k = 0; k < dims; k++) vectors[w * dims + k] = svd.u[w * dims + k]! * Math.sqrt(svd.s[k]!);
  }
  const documentFrequency = new Float64Array(termDoc.rows);
  for (let w = 0; w < termDoc.rows; w++) documentFrequency[w] = termDoc.rowStart[w + 1]! - termDoc.rowStart[w]!;
  return { dims, vectors, documentFrequency, documents: termDoc.cols };
}
