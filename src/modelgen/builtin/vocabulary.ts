// The generator's vocabulary: the corpus's most frequent words (lowercased, with their leading
// space), sentence punctuation, the possessive piece, end-of-text and unknown.
import { EOS_TOKEN, POSSESSIVE_PIECE, PUNCTUATION, UNK_TOKEN, normalizeText, preTokenize } from './word-tokenizer.ts';

/** Counts of every pre-token (word or punctuation mark) in the texts. */
export function countPreTokens(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const preToken of preTokenize(normalizeText(text))) counts.set(preToken, (counts.get(preToken) ?? 0) + 1);
  }
  return counts;
}

/**
 * Token strings by id: specials, punctuation, "'s", then the `wordCount` most frequent words
 * (ties broken alphabetically, so the order never depends on the order of the corpus files).
 */
export function chooseVocabulary(preTokenCounts: ReadonlyMap<string, number>, wordCount: number): string[] {
  const words = [...preTokenCounts.entries()]
    .filter(([token]) => token.startsWith(' ') && token.length > 1)
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, wordCount)
    .map(([token]) => token);
  return [EOS_TOKEN, UNK_TOKEN, ...PUNCTUATION, POSSESSIVE_PIECE, ...words];
}
