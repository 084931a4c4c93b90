// The TypeScript tokenizer that prepares the training corpus must agree with the tokenizer.json
// that transformers.js loads (real @huggingface/tokenizers, on the real generator vocabulary).
import { AutoTokenizer, type PreTrainedTokenizer } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeModelFolder } from '../../testing/model-folder-fs.ts';
import { TEST_MODELS_DIR, useLocalModelsOnly } from '../../testing/tiny-models.ts';
import type { CorpusDocument } from './brown-corpus.ts';
import { BUILTIN_GENERATOR_HYPERPARAMETERS } from './generator-parameters.ts';
import { readBrownCorpus } from './read-package-data.ts';
import { chooseVocabulary, countPreTokens } from './vocabulary.ts';
import { wordTokenizerFiles } from './word-tokenizer-files.ts';
import { WordTokenizer } from './word-tokenizer.ts';

const TRICKY_TEXTS = [
  'The weather today, in Atlanta\'s park.',
  '  Hello ,  World!!  How are you ?  ',
  'Mr. Smith paid $1,000 (in cash) -- “really” -- for 3.5 acres; wasn’t it odd: yes!',
  "don't, can't and won't",
  'naïve café ÜBER',
  '',
  '   ',
  ', starting with a comma',
  'line one\nline two\ttabbed',
];

let documents: CorpusDocument[];
let mirror: WordTokenizer;
let tokenizer: PreTrainedTokenizer;

beforeAll(async () => {
  documents = await readBrownCorpus();
  const tokens = chooseVocabulary(
    countPreTokens(documents.flatMap((d) => d.paragraphs)),
    BUILTIN_GENERATOR_HYPERPARAMETERS.words,
  );
  mirror = new WordTokenizer(tokens);
  const folder = `${TEST_MODELS_DIR}builtin-word-tokenizer`;
  await writeModelFolder(folder, wordTokenizerFiles(tokens, { chatTemplate: null, paddingSide: 'left', modelMaxLength: 2048 }));
  useLocalModelsOnly();
  tokenizer = await AutoTokenizer.from_pretrained(folder);
});

describe('word tokenizer', () => {
  it('encodes corpus paragraphs exactly as transformers.js does', () => {
    const paragraphs = documents.flatMap((d) => d.paragraphs).filter((_, i) => i % 25 === 0);
    expect(paragraphs.length).toBeGreaterThan(400);
    for (const text of paragraphs) expect(mirror.encode(text), text).toEqual(tokenizer.encode(text));
  });

  it('encodes odd spacing, punctuation, quotes, numbers and unknown words alike', () => {
    for (const text of TRICKY_TEXTS) expect(mirror.encode(text), JSON.stringify(text)).toEqual(tokenizer.encode(text));
  });

  it('decodes to the text a response continues with: words with their space, punctuation attached', () => {
    const ids = tokenizer.encode("The weather, today. Atlanta's mayor said: no!");
    expect(ids).not.toContain(mirror.unkId);
    const expected = " the weather, today. atlanta's mayor said: no!";
    expect(tokenizer.decode(ids, { skip_special_tokens: true })).toBe(expected);
    expect(mirror.decode(ids)).toBe(expected);
  });

  it('splits a possessive of a known word into the word and "\'s"', () => {
    expect(mirror.ids.has(" teacher's")).toBe(false);
    const ids = mirror.encode("the teacher's plan");
    expect(ids.map((id) => mirror.tokens[id])).toEqual([' the', ' teacher', "##'s", ' plan']);
  });

  it('maps words outside the vocabulary to <unk>, never to pieces', () => {
    const ids = mirror.encode('the zyzzyva sang');
    expect(ids).toEqual([mirror.ids.get(' the'), mirror.unkId, mirror.ids.get(' sang')]);
  });
});
