// tokenizer.json and tokenizer_config.json of a word-level vocabulary (see word-tokenizer.ts,
// whose rules both files and the TypeScript mirror share).
import { jsonFileBytes } from '../utf8.ts';
import { specialTokenEntry } from '../tokenizer-files.ts';
import {
  CONTINUATION_PREFIX,
  EOS_TOKEN,
  MAX_WORD_CHARS,
  PRE_TOKEN_PATTERN,
  PREPEND_SPACE,
  REPLACEMENTS,
  SPACE_BEFORE_PUNCTUATION,
  UNK_TOKEN,
} from './word-tokenizer.ts';

const replaceNormalizer = ([pattern, content]: readonly [string, string]) => ({
  type: 'Replace',
  pattern: { Regex: pattern },
  content,
});

/** tokenizer.json for `tokens` (ids are positions). EOS and UNK are special added tokens. */
export function wordTokenizerJson(tokens: readonly string[]): object {
  const specials = [EOS_TOKEN, UNK_TOKEN];
  const vocab: Record<string, number> = {};
  tokens.forEach((token, id) => (vocab[token] = id));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((content) => ({
      id: vocab[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'Lowercase' },
        ...REPLACEMENTS.map(replaceNormalizer),
        { type: 'Strip', strip_left: true, strip_right: true },
        replaceNormalizer(PREPEND_SPACE),
        replaceNormalizer(SPACE_BEFORE_PUNCTUATION),
      ],
    },
    pre_tokenizer: { type: 'Split', pattern: { Regex: PRE_TOKEN_PATTERN }, behavior: 'Isolated', invert: false },
    post_processor: null,
    decoder: {
      type: 'Sequence',
      decoders: [{ type: 'Replace', pattern: { String: CONTINUATION_PREFIX }, content: '' }, { type: 'Fuse' }],
    },
    model: {
      type: 'WordPiece',
      unk_token: UNK_TOKEN,
      continuing_subword_prefix: CONTINUATION_PREFIX,
      max_input_chars_per_word: MAX_WORD_CHARS,
      vocab,
    },
  };
}

export interface WordTokenizerConfig {
  /** Jinja chat template, or null for raw text (the generator continues sentence starts). */
  readonly chatTemplate: string | null;
  readonly paddingSide: 'left' | 'right';
  readonly modelMaxLength: number;
}

/** tokenizer_config.json: end-of-text is EOS and padding, <unk> the unknown token, no BOS. */
export function wordTokenizerConfigJson(tokens: readonly string[], config: WordTokenizerConfig): object {
  const addedTokensDecoder: Record<string, object> = {};
  for (const content of [EOS_TOKEN, UNK_TOKEN]) {
    addedTokensDecoder[String(tokens.indexOf(content))] = specialTokenEntry(content);
  }
  return {
    added_tokens_decoder: addedTokensDecoder,
    bos_token: null,
    ...(config.chatTemplate === null ? {} : { chat_template: config.chatTemplate }),
    clean_up_tokenization_spaces: false,
    eos_token: EOS_TOKEN,
    model_max_length: config.modelMaxLength,
    pad_token: EOS_TOKEN,
    padding_side: config.paddingSide,
    tokenizer_class: 'PreTrainedTokenizerFast',
    unk_token: UNK_TOKEN,
  };
}

/** Both tokenizer files, keyed by file name. */
export function wordTokenizerFiles(tokens: readonly string[], config: WordTokenizerConfig): Map<string, Uint8Array> {
  return new Map([
    ['tokenizer.json', jsonFileBytes(wordTokenizerJson(tokens))],
    ['tokenizer_config.json', jsonFileBytes(wordTokenizerConfigJson(tokens, config))],
  ]);
}
