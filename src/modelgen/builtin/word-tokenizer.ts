// A word-level tokenizer in two forms that must agree: a tokenizer.json that transformers.js
// loads (word-tokenizer-files.ts: a WordPiece model whose vocabulary holds whole words, since
// @huggingface/tokenizers has no WordLevel model), and this TypeScript mirror, used to
// tokenize the training corpus. Both read the rules below.
//
// Words carry their leading space (" the"), punctuation does not (","), so a response decodes
// to exactly the text that continues the prompt: "the weather" + " was fine." Possessive "'s"
// is the one continuation piece ("##'s"): " atlanta's" becomes " atlanta" + "'s".

export const EOS_TOKEN = '<|endoftext|>';
export const UNK_TOKEN = '<unk>';
export const POSSESSIVE_PIECE = "##'s";
export const PUNCTUATION = ['.', ',', '?', '!', ';', ':'] as const;

export const CONTINUATION_PREFIX = '##';
export const MAX_WORD_CHARS = 100;

/** Normalizer replacements, in order, as (regex, replacement). Shared by both forms. */
export const REPLACEMENTS: readonly (readonly [string, string])[] = [
  // Quotes, brackets and dashes have no tokens: the corpus drops them too.
  ['[“”"()\\[\\]]|--', ' '],
  ['’', "'"],
  ['\\s+', ' '],
];
/** Every word gets its leading space, the first one included. */
export const PREPEND_SPACE: readonly [string, string] = ['^(?=.)', ' '];
/** Punctuation attaches to the word before it. */
export const SPACE_BEFORE_PUNCTUATION: readonly [string, string] = [' (?=[.,;:?!])', ''];
/**
 * Pre-tokens: a word with its leading space, or one punctuation mark. Marks inside a word
 * stay in it ("1,000", "u.s" of "u.s."), so only a word's trailing marks split off.
 */
export const PRE_TOKEN_PATTERN = ' ?[^ .,;:?!]+(?:[.,;:?!]+[^ .,;:?!]+)*|[.,;:?!]';

const regex = (pattern: string): RegExp => new RegExp(pattern, 'gu');

/** What the tokenizer.json normalizer does to a text. */
export function normalizeText(text: string): string {
  let normalized = text.toLowerCase();
  for (const [pattern, content] of REPLACEMENTS) normalized = normalized.replaceAll(regex(pattern), content);
  normalized = normalized.trim();
  normalized = normalized.replaceAll(regex(PREPEND_SPACE[0]), PREPEND_SPACE[1]);
  return normalized.replaceAll(regex(SPACE_BEFORE_PUNCTUATION[0]), SPACE_BEFORE_PUNCTUATION[1]);
}

/** Pre-tokens of a normalized text. */
export function preTokenize(normalized: string): string[] {
  return normalized.match(regex(PRE_TOKEN_PATTERN)) ?? [];
}

/** Greedy longest-prefix WordPiece, as @huggingface/tokenizers implements it. */
function wordPiece(preToken: string, ids: ReadonlyMap<string, number>, unkId: number, out: number[]): void {
  const chars = [...preToken];
  if (chars.length > MAX_WORD_CHARS) {
    out.push(unkId);
    return;
  }
  const pieces: number[] = [];
  let start = 0;
  while (start < chars.length) {
    let found: number | undefined;
    let end = chars.length;
    for (; end > start; end--) {
      const piece = (start > 0 ? CONTINUATION_PREFIX : '') + chars.slice(start, end).join('');
      found = ids.get(piece);
      if (found !== undefined) break;
    }
    if (found === undefined) {
      out.push(unkId);
      return;
    }
    pieces.push(found);
    start = end;
  }
  out.push(...pieces);
}

export class WordTokenizer {
  readonly ids: ReadonlyMap<string, number>;
  readonly eosId: number;
  readonly unkId: number;

  /** `tokens[id]` is the token's string; EOS and UNK must be among them. */
  constructor(readonly tokens: readonly string[]) {
    const ids = new Map<string, number>();
    tokens.forEach((token, id) => {
      if (ids.has(token)) throw new Error(`duplicate token ${JSON.stringify(token)}`);
      ids.set(token, id);
    });
    this.ids = ids;
    this.eosId = WordTokenizer.require(ids, EOS_TOKEN);
    this.unkId = WordTokenizer.require(ids, UNK_TOKEN);
  }

  encode(text: string): number[] {
    const out: number[] = [];
    for (const preToken of preTokenize(normalizeText(text))) wordPiece(preToken, this.ids, this.unkId, out);
    return out;
  }

  decode(ids: readonly number[]): string {
    return ids
      .filter((id) => id !== this.eosId)
      .map((id) => (this.tokens[id] ?? UNK_TOKEN).replace(CONTINUATION_PREFIX, ''))
      .join('');
  }

  private static require(ids: ReadonlyMap<string, number>, token: string): number {
    const id = ids.get(token);
    if (id === undefined) throw new Error(`vocabulary lacks ${token}`);
    return id;
  }
}
