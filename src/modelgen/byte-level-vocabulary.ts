// A word-level vocabulary in the byte-level BPE format of GPT-2 / SmolLM2 tokenizers:
// special tokens, then all 256 bytes (so any text encodes, nothing is ever unknown), then
// whole words with and without the leading-space marker "Ġ". Used with `ignore_merges`
// and no merges, a word found in the vocabulary is one token; anything else falls apart
// into byte tokens. Decoding is exact because every token is a byte string.
import { encodeUtf8 } from './utf8.ts';

export interface ByteLevelVocabulary {
  /** Token strings; the index is the token id. */
  readonly tokens: readonly string[];
  /** Ids of `specialTokens`, in the order given. */
  readonly specialIds: readonly number[];
  readonly specialTokens: readonly string[];
  /** Id of the token for byte b is byteIds[b]. */
  readonly byteIds: readonly number[];
  /** Ids of whole words without a leading space (a word at the start of a text or line). */
  readonly bareWordIds: readonly number[];
  /** Ids of whole words with a leading space ("Ġword"), the usual spelling inside text. */
  readonly spacedWordIds: readonly number[];
  /** The words, deduplicated, in vocabulary order. */
  readonly words: readonly string[];
}

/**
 * GPT-2's reversible byte -> printable character map: printable Latin-1 bytes stand for
 * themselves, the others (space, control bytes, ...) are shifted to U+0100 and up, which
 * is why a space shows as "Ġ" and a newline as "Ċ".
 */
export function byteToUnicodeTable(): string[] {
  const printable = (b: number) => (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
  const table: string[] = [];
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    table.push(String.fromCodePoint(printable(b) ? b : 256 + shifted++));
  }
  return table;
}

/** The byte-level spelling of a text (what the ByteLevel pre-tokenizer produces). */
export function toByteLevel(text: string, table: readonly string[] = byteToUnicodeTable()): string {
  return Array.from(encodeUtf8(text), (b) => table[b] as string).join('');
}

// The GPT-2 split pattern cuts text into letter runs, digit runs and punctuation runs, each
// with an optional leading space; a vocabulary word must be exactly one such piece.
const ONE_PIECE = /^(?:\p{L}+|\p{N}+|[^\s\p{L}\p{N}]+)$/u;

export const CHATML_SPECIAL_TOKENS = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'] as const;

/** Build the vocabulary. Words repeat harmlessly; a word that is not one piece throws. */
export function buildByteLevelVocabulary(
  words: readonly string[],
  specialTokens: readonly string[] = CHATML_SPECIAL_TOKENS,
): ByteLevelVocabulary {
  const table = byteToUnicodeTable();
  const tokens: string[] = [...specialTokens];
  const specialIds = specialTokens.map((_, i) => i);
  const byteIds = table.map((char) => tokens.push(char) - 1);
  const idOf = new Map(tokens.map((token, id) => [token, id]));
  const uniqueWords: string[] = [];
  const bareWordIds: number[] = [];
  const spacedWordIds: number[] = [];
  for (const word of words) {
    if (!ONE_PIECE.test(word)) throw new Error(`vocabulary word ${JSON.stringify(word)} is not a single pre-token`);
    const spaced = toByteLevel(` ${word}`, table);
    if (idOf.has(spaced)) continue;
    uniqueWords.push(word);
    // A one-letter word's bare spelling is already a byte token: reuse it.
    const bare = toByteLevel(word, table);
    bareWordIds.push(idOf.get(bare) ?? tokens.push(bare) - 1);
    spacedWordIds.push(tokens.push(spaced) - 1);
    idOf.set(bare, bareWordIds.at(-1) as number);
    idOf.set(spaced, spacedWordIds.at(-1) as number);
  }
  return {
    tokens,
    specialIds,
    specialTokens: [...specialTokens],
    byteIds,
    bareWordIds,
    spacedWordIds,
    words: uniqueWords,
  };
}
