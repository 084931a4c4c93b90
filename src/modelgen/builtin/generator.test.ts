// The built-in generator, fitted from the real Brown corpus and run by real onnxruntime through
// transformers.js (AutoModelForCausalLM) and through the app's model layer (loadGenerator).
import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGenerator } from '../../models/causalLm.ts';
import { forwardStep, logitsAt } from '../../testing/causal-forward.ts';
import { writeModelFolder } from '../../testing/model-folder-fs.ts';
import { loadLocalCausalLM, TEST_MODELS_DIR } from '../../testing/tiny-models.ts';
import type { ModelFiles } from '../tiny-tokenizer.ts';
import type { CorpusDocument } from './brown-corpus.ts';
import { buildBuiltinGenerator, generatorFiles } from './generator-files.ts';
import { BUILTIN_GENERATOR_HYPERPARAMETERS, fitGenerator, type GeneratorParameters } from './generator-parameters.ts';
import { referenceLogits } from './generator-reference.ts';
import { readBrownCorpus } from './read-package-data.ts';
import { POSITIVE_CONTINUATION_TASK } from './task.ts';
import { countPreTokens } from './vocabulary.ts';
import { WordTokenizer } from './word-tokenizer.ts';

let documents: CorpusDocument[];
let params: GeneratorParameters;
let files: ModelFiles;
let folder: string;
let model: PreTrainedModel;
let tokenizer: PreTrainedTokenizer;
let words: WordTokenizer;

beforeAll(async () => {
  documents = await readBrownCorpus();
  params = fitGenerator(documents, BUILTIN_GENERATOR_HYPERPARAMETERS);
  files = generatorFiles(params);
  words = new WordTokenizer(params.tokens);
  folder = (await writeModelFolder(`${TEST_MODELS_DIR}builtin-brown-lm`, files)).folder;
  ({ model, tokenizer } = await loadLocalCausalLM(folder));
});

afterAll(async () => {
  await model?.dispose();
});

/** |a - b| relative to the size of b (logits include the -1e4 bias of <unk>). */
function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    max = Math.max(max, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  }
  return max;
}

const ones = (n: number) => Array.from({ length: n }, () => 1);
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('built-in generator files', () => {
  it('are the same bytes when built twice, and a few MB', () => {
    const again = buildBuiltinGenerator(documents);
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, bytes] of files) expect(Buffer.from(again.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
    const total = [...files.values()].reduce((sum, b) => sum + b.length, 0);
    expect(total).toBeLessThan(5_000_000);
  });

  it('declare the cache they produce: one layer, one kv head of head_dim values per token', async () => {
    const config = JSON.parse(new TextDecoder().decode(files.get('config.json')));
    expect(config.model_type).toBe('llama');
    const ids = tokenizer.encode('the weather today');
    const out = await forwardStep(model, { inputIds: [ids], attentionMask: [ones(ids.length)] });
    expect(Object.keys(out.past).sort()).toEqual(['past_key_values.0.key', 'past_key_values.0.value']);
    for (const tensor of Object.values(out.past)) {
      expect(tensor.dims).toEqual([1, config.num_key_value_heads, ids.length, config.head_dim]);
    }
    expect(config.num_hidden_layers).toBe(1);
  });
});

describe('built-in generator forward pass', () => {
  it('computes the fitted formula: logits equal the plain-loop reference at every position', async () => {
    const ids = tokenizer.encode('after the meeting, the president said that the church would help our city.');
    const out = await forwardStep(model, { inputIds: [ids], attentionMask: [ones(ids.length)] });
    for (let position = 0; position < ids.length; position++) {
      const expected = referenceLogits(params, ids, position);
      expect(maxRelativeDifference(logitsAt(out, 0, position), expected), `position ${position}`).toBeLessThan(1e-4);
    }
  });

  it('decodes incrementally from its KV cache exactly as a full forward pass', async () => {
    const ids = tokenizer.encode('the music last night was good, and the people of the city were happy');
    const full = await forwardStep(model, { inputIds: [ids], attentionMask: [ones(ids.length)] });
    let step = await forwardStep(model, { inputIds: [ids.slice(0, 3)], attentionMask: [ones(3)] });
    for (let t = 3; t < ids.length; t++) {
      step = await forwardStep(model, {
        inputIds: [[ids[t]!]],
        attentionMask: [ones(t + 1)],
        positionIds: [[t]],
        past: step.past,
      });
      expect(maxRelativeDifference(logitsAt(step, 0, 0), logitsAt(full, 0, t)), `token ${t}`).toBeLessThan(1e-5);
    }
  });

  it('gives a left-padded row the same logits as the row alone, in prefill and decoding', async () => {
    const long = tokenizer.encode('the doctor told me that the war was over and we could go home');
    const short = tokenizer.encode('our family');
    const pad = long.length - short.length;
    const alone = await forwardStep(model, { inputIds: [short], attentionMask: [ones(short.length)] });
    const batch = await forwardStep(model, {
      inputIds: [long, [...Array(pad).fill(words.eosId), ...short]],
      attentionMask: [ones(long.length), [...Array(pad).fill(0), ...ones(short.length)]],
      positionIds: [range(0, long.length), [...Array(pad).fill(1), ...range(0, short.length)]],
    });
    expect(maxRelativeDifference(logitsAt(batch, 1, long.length - 1), logitsAt(alone, 0, short.length - 1))).toBeLessThan(1e-5);
    const next = words.ids.get(' was')!;
    const aloneNext = await forwardStep(model, {
      inputIds: [[next]],
      attentionMask: [ones(short.length + 1)],
      positionIds: [[short.length]],
      past: alone.past,
    });
    const batchNext = await forwardStep(model, {
      inputIds: [[next], [next]],
      attentionMask: [ones(long.length + 1), [...Array(pad).fill(0), ...ones(short.length + 1)]],
      positionIds: [[long.length], [short.length]],
      past: batch.past,
    });
    expect(maxRelativeDifference(logitsAt(batchNext, 1, 0), logitsAt(aloneNext, 0, 0))).toBeLessThan(1e-5);
  });

  it('remembers the topic: the same last word after different contexts gives different predictions', async () => {
    const church = tokenizer.encode('the church and the faith of god were in the');
    const army = tokenizer.encode('the army and the soldiers of the enemy were in the');
    const a = await forwardStep(model, { inputIds: [church], attentionMask: [ones(church.length)] });
    const b = await forwardStep(model, { inputIds: [army], attentionMask: [ones(army.length)] });
    const la = logitsAt(a, 0, church.length - 1);
    const lb = logitsAt(b, 0, army.length - 1);
    const god = words.ids.get(' church')!;
    const war = words.ids.get(' war')!;
    // The religious context favours "church" over "war" more than the military one does.
    expect(la[god]! - la[war]!).toBeGreaterThan(lb[god]! - lb[war]! + 0.5);
  });
});

describe('built-in generator samples', () => {
  it('knows every word of the example prompts', () => {
    for (const prompt of POSITIVE_CONTINUATION_TASK.examplePrompts) {
      expect(words.encode(prompt), prompt).not.toContain(words.unkId);
    }
  });

  it('samples words of the corpus vocabulary, never <unk>', async () => {
    const corpusWords = new Set([...countPreTokens(documents.flatMap((d) => d.paragraphs)).keys()].map((w) => w.trim()));
    const prompts = POSITIVE_CONTINUATION_TASK.examplePrompts.slice(0, 4);
    const encoded = tokenizer(prompts.flatMap((p) => [p, p]), { padding: true });
    const output = (await model.generate({ ...encoded, max_new_tokens: 40, do_sample: true })) as Tensor;
    const rows = output.tolist() as bigint[][];
    const promptLength = (encoded.input_ids as Tensor).dims[1]!;
    let sampledWords = 0;
    for (const row of rows) {
      const response = row.slice(promptLength).map(Number);
      expect(response).not.toContain(words.unkId);
      const text = tokenizer.decode(response, { skip_special_tokens: true });
      for (const word of text.replace(/'s\b/g, ' ').split(/[\s.,;:?!]+/).filter((w) => w !== '')) {
        expect(corpusWords.has(word), `${word} in "${text}"`).toBe(true);
        sampledWords++;
      }
    }
    expect(sampledWords).toBeGreaterThan(50);
  });

  it('ends responses at sentence ends: end-of-text is likely after a period, unlikely mid-sentence', async () => {
    const ids = tokenizer.encode('the weather today was good.');
    const out = await forwardStep(model, { inputIds: [ids], attentionMask: [ones(ids.length)] });
    const probabilityOfEnd = (position: number) => {
      const logits = logitsAt(out, 0, position);
      const max = Math.max(...logits);
      const sum = logits.reduce((s, x) => s + Math.exp(x - max), 0);
      return Math.exp(logits[words.eosId]! - max) / sum;
    };
    expect(probabilityOfEnd(ids.length - 1)).toBeGreaterThan(0.1);
    expect(probabilityOfEnd(1)).toBeLessThan(0.01);
  });
});

describe('built-in generator through the model layer', () => {
  it('loads with loadGenerator and decodes with its KV cache like the reference', async () => {
    const generator = await loadGenerator({ kind: 'path', path: folder }, { device: 'cpu', dtype: 'fp32' });
    try {
      expect(generator.info.kvBytesPerToken).toBe(2 * 1 * 1 * params.topicDims * 4);
      expect(generator.info.stopTokenIds).toContain(words.eosId);
      const prompts = ['the weather today', 'when he came home, his wife'];
      const sequences = prompts.map((p) => generator.encodePrompt(p));
      const batch = await generator.prefill(sequences);
      const next = [words.ids.get(' was')!, words.ids.get(' said')!];
      await batch.append(next);
      const vocab = params.tokens.length;
      sequences.forEach((seq, row) => {
        const ids = [...seq, next[row]!];
        const expected = referenceLogits(params, ids, ids.length - 1);
        expect(maxRelativeDifference(batch.nextLogits.subarray(row * vocab, (row + 1) * vocab), expected)).toBeLessThan(1e-4);
      });
      expect(generator.decode([next[0]!, words.ids.get('.')!, words.eosId])).toBe(' was.');
      await batch.dispose();
    } finally {
      await generator.dispose();
    }
  });
});
