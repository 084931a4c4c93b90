// The tokenizer shared by the tiny generator, its reference and the tiny reward model:
// a byte-level vocabulary of common English words with ChatML special tokens at
// SmolLM2's ids.
import { buildByteLevelVocabulary, type ByteLevelVocabulary } from './byte-level-vocabulary.ts';
import { COMMON_ENGLISH_WORDS } from './english-words.ts';
import { tokenizerConfigJson, tokenizerJson } from './tokenizer-files.ts';
import { jsonFileBytes } from './utf8.ts';

/** Files of a model folder keyed by relative path ("config.json", "onnx/model.onnx"). */
export type ModelFiles = Map<string, Uint8Array>;

/** <|endoftext|>: unknown-token stand-in, never generated. */
export const ENDOFTEXT_ID = 0;
/** <|im_start|>: beginning of a turn (the BOS token, as in SmolLM2). */
export const BOS_ID = 1;
/** <|im_end|>: end of a turn (EOS and padding). */
export const EOS_ID = 2;

export function tinyVocabulary(words: readonly string[] = COMMON_ENGLISH_WORDS): ByteLevelVocabulary {
  return buildByteLevelVocabulary(words);
}

/** tokenizer.json and tokenizer_config.json for `vocabulary` with the given chat template. */
export function tinyTokenizerFiles(
  vocabulary: ByteLevelVocabulary,
  chatTemplate: string,
  paddingSide: 'left' | 'right',
  modelMaxLength: number,
): ModelFiles {
  const tokens = vocabulary.tokens;
  const config = tokenizerConfigJson(vocabulary, {
    chatTemplate,
    bosToken: tokens[BOS_ID] as string,
    eosToken: tokens[EOS_ID] as string,
    padToken: tokens[EOS_ID] as string,
    unkToken: tokens[ENDOFTEXT_ID] as string,
    modelMaxLength,
    paddingSide,
  });
  return new Map([
    ['tokenizer.json', jsonFileBytes(tokenizerJson(vocabulary))],
    ['tokenizer_config.json', jsonFileBytes(config)],
  ]);
}
