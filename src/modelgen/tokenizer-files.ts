// tokenizer.json and tokenizer_config.json for a byte-level vocabulary, in the layout of
// SmolLM2's files, so transformers.js (and Python tokenizers) load them like a hub model's.
import type { ByteLevelVocabulary } from './byte-level-vocabulary.ts';

/** ChatML, as SmolLM2-Instruct uses it: a default system turn when none is given. */
export const CHATML_TEMPLATE_WITH_DEFAULT_SYSTEM =
  "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}" +
  "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}" +
  "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** ChatML without a default system turn (what a reward model scores: the conversation only). */
export const CHATML_TEMPLATE =
  "{% for message in messages %}" +
  "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };

/** The tokenizer.json object: a BPE model with `ignore_merges`, no merges, byte-level pre/post/decoding. */
export function tokenizerJson(vocabulary: ByteLevelVocabulary): object {
  const vocab: Record<string, number> = {};
  vocabulary.tokens.forEach((token, id) => {
    vocab[token] = id;
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: vocabulary.specialIds.map((id) => ({
      id,
      content: vocabulary.tokens[id],
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
    post_processor: { type: 'ByteLevel', ...byteLevel, trim_offsets: false },
    decoder: { type: 'ByteLevel', ...byteLevel },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: true,
      vocab,
      merges: [],
    },
  };
}

export interface TokenizerConfigOptions {
  readonly chatTemplate: string;
  readonly bosToken: string;
  readonly eosToken: string;
  readonly padToken: string;
  readonly unkToken: string;
  readonly modelMaxLength: number;
  /** 'left' for generators (batched decoding), 'right' for classifiers. */
  readonly paddingSide: 'left' | 'right';
}

/** The tokenizer_config.json object. */
export function tokenizerConfigJson(vocabulary: ByteLevelVocabulary, options: TokenizerConfigOptions): object {
  const addedTokensDecoder: Record<string, object> = {};
  for (const id of vocabulary.specialIds) {
    addedTokensDecoder[String(id)] = specialTokenEntry(vocabulary.tokens[id] ?? '');
  }
  return {
    add_prefix_space: false,
    added_tokens_decoder: addedTokensDecoder,
    additional_special_tokens: vocabulary.specialTokens.filter(
      (token) => ![options.bosToken, options.eosToken, options.unkToken].includes(token),
    ),
    bos_token: options.bosToken,
    chat_template: options.chatTemplate,
    clean_up_tokenization_spaces: false,
    eos_token: options.eosToken,
    model_max_length: options.modelMaxLength,
    pad_token: options.padToken,
    padding_side: options.paddingSide,
    tokenizer_class: 'GPT2Tokenizer',
    unk_token: options.unkToken,
    vocab_size: vocabulary.tokens.length,
  };
}

/** One `added_tokens_decoder` entry of tokenizer_config.json for a special token, as hub tokenizers write it. */
export function specialTokenEntry(content: string): object {
  return { content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true };
}
