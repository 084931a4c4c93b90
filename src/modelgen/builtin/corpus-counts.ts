// Token counts of the training corpus: what the generator's parameters are fitted from.
import type { CorpusDocument } from './brown-corpus.ts';
import type { WordTokenizer } from './word-tokenizer.ts';

/** A document as token ids: each paragraph followed by end-of-text. */
export type TokenizedDocument = Int32Array;

export function tokenizeDocument(document: CorpusDocument, tokenizer: WordTokenizer): TokenizedDocument {
  const ids: number[] = [];
  for (const paragraph of document.paragraphs) {
    ids.push(...tokenizer.encode(paragraph), tokenizer.eosId);
  }
  return Int32Array.from(ids);
}

/** A sparse count matrix in compressed-row form. */
export interface SparseCounts {
  readonly rows: number;
  readonly cols: number;
  /** Row r's entries are at [rowStart[r], rowStart[r + 1]). */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly count: Float64Array;
}

/** Sparse matrix from (row, col) -> count; keys are row * cols + col. */
function sparseFromMap(rows: number, cols: number, counts: Map<number, number>): SparseCounts {
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const rowStart = new Int32Array(rows + 1);
  const col = new Int32Array(keys.length);
  const count = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    const row = Math.floor(key / cols);
    rowStart[row + 1]!++;
    col[i] = key - row * cols;
    count[i] = counts.get(key)!;
  });
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  return { rows, cols, rowStart, col, count };
}

/** n(current, next) over consecutive tokens, never across documents. */
export function countBigrams(documents: readonly TokenizedDocument[], vocabSize: number): SparseCounts {
  const counts = new Map<number, number>();
  for (const ids of documents) {
    for (let i = 1; i < ids.length; i++) {
      const key = ids[i - 1]! * vocabSize + ids[i]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return sparseFromMap(vocabSize, vocabSize, counts);
}

/** n(token, document): rows are tokens, columns documents. */
export function countTermsPerDocument(documents: readonly TokenizedDocument[], vocabSize: number): SparseCounts {
  const counts = new Map<number, number>();
  documents.forEach((ids, d) => {
    for (const id of ids) {
      const key = id * documents.length + d;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  return sparseFromMap(vocabSize, documents.length, counts);
}

/** How often each token occurs. */
export function countUnigrams(documents: readonly TokenizedDocument[], vocabSize: number): Float64Array {
  const counts = new Float64Array(vocabSize);
  for (const ids of documents) for (const id of ids) counts[id]!++;
  return counts;
}
