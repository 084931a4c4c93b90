// The built-in reward model: positivity from the AFINN-165 lexicon. Its vocabulary is the
// lexicon's single words (every other word, and punctuation, is <unk> with valence 0), its one
// weight table holds each word's valence (-5..5), and its score is the mean valence over the
// response's tokens (padding masked): a bag-of-words sentiment score with no grasp of negation
// or context. Exported as a sequence classifier (model_type "bert", logits [batch, 1]) whose
// chat template renders only the assistant's message, so the prompt is never scored.
import { GraphBuilder } from '../graph-builder.ts';
import { encodeOnnxModel } from '../onnx-writer.ts';
import { float32Tensor } from '../tensor-data.ts';
import type { ModelFiles } from '../tiny-tokenizer.ts';
import { jsonFileBytes } from '../utf8.ts';
import { wordTokenizerFiles } from './word-tokenizer-files.ts';
import { EOS_TOKEN, UNK_TOKEN, normalizeText, preTokenize } from './word-tokenizer.ts';

const FLOAT = 1;
const MAX_LENGTH = 512;

/** Renders the assistant's message alone: the reward model scores the response, not the prompt. */
export const RESPONSE_ONLY_TEMPLATE =
  "{% for message in messages %}{% if message['role'] == 'assistant' %}{{ message['content'] }}{% endif %}{% endfor %}";

export interface ValenceLexicon {
  /** Token strings by id: end-of-text (padding), <unk>, then " word" for each lexicon word. */
  readonly tokens: readonly string[];
  /** Valence per token id; 0 for the specials. */
  readonly valence: Float32Array;
}

/** Single-word entries that our tokenizer keeps as one word (multi-word phrases are dropped). */
export function valenceLexicon(afinn: Readonly<Record<string, number>>): ValenceLexicon {
  const words = Object.keys(afinn)
    .filter((word) => {
      const pieces = preTokenize(normalizeText(word));
      return pieces.length === 1 && pieces[0] === ` ${word}`;
    })
    .sort();
  return {
    tokens: [EOS_TOKEN, UNK_TOKEN, ...words.map((w) => ` ${w}`)],
    valence: Float32Array.from([0, 0, ...words.map((w) => afinn[w]!)]),
  };
}

function rewardGraph(lexicon: ValenceLexicon) {
  const vocab = lexicon.tokens.length;
  const g = new GraphBuilder('builtin_afinn_reward');
  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', 'int64', ['batch_size', 'sequence_length']);
  const table = g.initializer('valence', float32Tensor([vocab], lexicon.valence));
  const valence = g.op('Gather', [table, inputIds], { axis: 0 });
  const mask = g.op('Cast', [attentionMask], { to: FLOAT });
  const axis = g.int64s([1]);
  const total = g.op('ReduceSum', [g.op('Mul', [valence, mask]), axis], { keepdims: 1 });
  // An empty response counts one token, so it scores 0 rather than NaN.
  const count = g.op('Max', [g.op('ReduceSum', [mask, axis], { keepdims: 1 }), g.floats([1], [])]);
  g.output(g.op('Div', [total, count]), 'float32', ['batch_size', 1], 'logits');
  return g.build();
}

export function buildBuiltinRewardModel(afinn: Readonly<Record<string, number>>): ModelFiles {
  const lexicon = valenceLexicon(afinn);
  const config = {
    architectures: ['BertForSequenceClassification'],
    model_type: 'bert',
    vocab_size: lexicon.tokens.length,
    hidden_size: 1,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    max_position_embeddings: MAX_LENGTH,
    num_labels: 1,
    id2label: { 0: 'POSITIVITY' },
    label2id: { POSITIVITY: 0 },
    problem_type: 'regression',
    pad_token_id: 0,
    torch_dtype: 'float32',
    'transformers.js_config': { dtype: 'fp32' },
  };
  return new Map([
    ['config.json', jsonFileBytes(config)],
    ...wordTokenizerFiles(lexicon.tokens, {
      chatTemplate: RESPONSE_ONLY_TEMPLATE,
      paddingSide: 'right',
      modelMaxLength: MAX_LENGTH,
    }),
    ['onnx/model.onnx', encodeOnnxModel(rewardGraph(lexicon), { docString: 'AFINN-165 mean valence' })],
  ]);
}
