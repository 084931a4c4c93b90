// Pure logic: the byte map and vocabulary layout. Tokenizing with it is tested through
// transformers.js in tiny-llama.test.ts.
import { describe, expect, it } from 'vitest';
import { buildByteLevelVocabulary, byteToUnicodeTable, toByteLevel } from './byte-level-vocabulary.ts';
import { tokenizerJson } from './tokenizer-files.ts';

describe('byte-level vocabulary', () => {
  it('maps the 256 bytes to 256 distinct printable characters, as GPT-2 does', () => {
    const table = byteToUnicodeTable();
    expect(new Set(table).size).toBe(256);
    expect(table.every((c) => !/\s/u.test(c))).toBe(true);
    expect(toByteLevel(' the\n')).toBe('Ġthe' + 'Ċ');
    expect(toByteLevel('A!')).toBe('A!');
    expect(toByteLevel('é')).toBe('Ã©');
  });

  it('lays out specials, bytes, then each word bare and space-prefixed', () => {
    const vocabulary = buildByteLevelVocabulary(['hello', 'a', 'hello', 'été']);
    expect(vocabulary.tokens.slice(0, 3)).toEqual(['<|endoftext|>', '<|im_start|>', '<|im_end|>']);
    expect(vocabulary.byteIds[0x61]).toBe(3 + 0x61);
    expect(vocabulary.words).toEqual(['hello', 'a', 'été']);
    expect(vocabulary.bareWordIds.map((id) => vocabulary.tokens[id])).toEqual(['hello', 'a', 'Ã©tÃ©']);
    expect(vocabulary.spacedWordIds.map((id) => vocabulary.tokens[id])).toEqual(['Ġhello', 'Ġa', 'ĠÃ©tÃ©']);
    // "a" is already a byte token: its bare spelling reuses it.
    expect(vocabulary.bareWordIds[1]).toBe(vocabulary.byteIds[0x61]);
    expect(new Set(vocabulary.tokens).size).toBe(vocabulary.tokens.length);
  });

  it('refuses words the pre-tokenizer would split', () => {
    expect(() => buildByteLevelVocabulary(["don't"])).toThrow(/single pre-token/);
    expect(() => buildByteLevelVocabulary(['two words'])).toThrow(/single pre-token/);
  });

  it('writes a BPE tokenizer.json whose vocab matches the token ids', () => {
    const vocabulary = buildByteLevelVocabulary(['hello']);
    const json = tokenizerJson(vocabulary) as { model: { vocab: Record<string, number>; ignore_merges: boolean } };
    expect(json.model.ignore_merges).toBe(true);
    expect(Object.entries(json.model.vocab).every(([token, id]) => vocabulary.tokens[id] === token)).toBe(true);
    expect(Object.keys(json.model.vocab)).toHaveLength(vocabulary.tokens.length);
  });
});
