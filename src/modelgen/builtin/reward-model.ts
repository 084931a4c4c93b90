// The built-in reward model: positivity from the AFINN-165 lexicon. Its one weight table holds a
// valence per token and its score is the mean valence over the response's tokens (padding
// masked): a bag-of-words sentiment score with no grasp of negation or context. The shipped
// vocabulary is the lexicon's single words plus the generator's whole vocabulary, whose other
// words carry valences fitted from the generator's vectors (word-valence.ts), so partial answers
// rarely tie; AFINN's words keep AFINN's values (-5..5), punctuation and any other word count 0.
// Without fitted valences it is AFINN alone (what it was before; the measurement compares both).
// Exported as a sequence classifier (model_type "bert", logits [batch, 1]) whose chat template
// renders only the assistant's message, so the prompt is never scored.
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

/** Valences of the generator's tokens (its vocabulary, by id), e.g. from fitWordValences. */
export interface TokenValences {
  readonly tokens: readonly string[];
  readonly valence: ArrayLike<number>;
}

/**
 * AFINN's single-word entries that our tokenizer keeps as one word (multi-word phrases are
 * dropped), with AFINN's values. With `generator`, also every token of the generator's
 * vocabulary (punctuation and "'s" included, so responses tokenize as the generator wrote
 * them) with its given valence, unless AFINN rates it.
 */
export function valenceLexicon(afinn: Readonly<Record<string, number>>, generator?: TokenValences): ValenceLexicon {
  const afinnWords = Object.keys(afinn).filter((word) => {
    const pieces = preTokenize(normalizeText(word));
    return pieces.length === 1 && pieces[0] === ` ${word}`;
  });
  const valence = new Map(afinnWords.map((w) => [` ${w}`, afinn[w]!]));
  const specials = [EOS_TOKEN, UNK_TOKEN];
  const pieces: string[] = [];
  generator?.tokens.forEach((token, id) => {
    if (specials.includes(token)) return;
    if (!token.startsWith(' ')) pieces.push(token);
    if (!valence.has(token)) valence.set(token, generator.valence[id]!);
  });
  const words = [...valence.keys()].filter((t) => t.startsWith(' ')).sort();
  const tokens = [...specials, ...pieces, ...words];
  return { tokens, valence: Float32Array.from(tokens, (t) => valence.get(t) ?? 0) };
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

/** The reward model from AFINN alone, or with the generator's fitted valences (what ships). */
export function buildBuiltinRewardModel(afinn: Readonly<Record<string, number>>, generator?: TokenValences): ModelFiles {
  const lexicon = valenceLexicon(afinn, generator);
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
    ['onnx/model.onnx', encodeOnnxModel(rewardGraph(lexicon), {
      docString: generator ? 'mean valence: AFINN-165, other words fitted from the generator' : 'AFINN-165 mean valence',
    })],
  ]);
}
