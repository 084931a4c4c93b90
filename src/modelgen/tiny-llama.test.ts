// The tiny LLaMA under real onnxruntime-node, loaded through transformers.js like a hub model.
import { Tensor } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { forwardStep, logitsAt, maxAbsDifference } from '../testing/causal-forward.ts';
import { ensureTinyModels, loadLocalCausalLM, type LoadedModel } from '../testing/tiny-models.ts';
import { seededRandom } from './seeded-random.ts';
import { referenceLlamaLogits } from '../testing/llama-reference.ts';
import { buildTinyLlama, tinyLlamaParts } from './tiny-llama.ts';
import { TINY_GENERATOR_OPTIONS, TINY_REFERENCE_OPTIONS } from './tiny-model-presets.ts';
import { EOS_ID } from './tiny-tokenizer.ts';

let llama: LoadedModel;
let reference: LoadedModel;

beforeAll(async () => {
  const folders = await ensureTinyModels();
  [llama, reference] = await Promise.all([loadLocalCausalLM(folders.llama), loadLocalCausalLM(folders.reference)]);
});

const ids = (text: string): number[] => llama.tokenizer.encode(text);

function chatPrompt(user: string): string {
  return llama.tokenizer.apply_chat_template([{ role: 'user', content: user }], {
    tokenize: false,
    add_generation_prompt: true,
  }) as string;
}

function softmax(logits: ArrayLike<number>): number[] {
  const max = Math.max(...Array.from(logits));
  const exps = Array.from(logits, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

describe('tiny LLaMA files', () => {
  it('are byte-identical when built twice with the same options', () => {
    const first = buildTinyLlama(TINY_GENERATOR_OPTIONS);
    const second = buildTinyLlama(TINY_GENERATOR_OPTIONS);
    expect([...first.keys()].sort()).toEqual([
      'config.json',
      'generation_config.json',
      'onnx/model.onnx',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    for (const [path, bytes] of first) expect(Buffer.from(second.get(path) as Uint8Array).equals(bytes)).toBe(true);
  });

  it('give the reference the same tokenizer and config but other weights, and stay under 1 MB', () => {
    const generator = buildTinyLlama(TINY_GENERATOR_OPTIONS);
    const ref = buildTinyLlama(TINY_REFERENCE_OPTIONS);
    for (const path of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
      expect(Buffer.from(ref.get(path) as Uint8Array).equals(generator.get(path) as Uint8Array)).toBe(true);
    }
    const model = generator.get('onnx/model.onnx') as Uint8Array;
    expect(Buffer.from(ref.get('onnx/model.onnx') as Uint8Array).equals(model)).toBe(false);
    expect(model.length).toBeLessThan(1_000_000);
  });
});

describe('tiny LLaMA through transformers.js', () => {
  it('declares the inputs and outputs of a real export, with grouped-query attention', () => {
    const config = llama.model.config as unknown as Record<string, number>;
    expect(config.num_key_value_heads).toBeLessThan(config.num_attention_heads as number);
    const session = (llama.model as unknown as { sessions: Record<string, { inputNames: string[]; outputNames: string[] }> })
      .sessions.model;
    const layers = Array.from({ length: config.num_hidden_layers as number }, (_, i) => i);
    expect(session?.inputNames).toEqual([
      'input_ids',
      'attention_mask',
      'position_ids',
      ...layers.flatMap((i) => [`past_key_values.${i}.key`, `past_key_values.${i}.value`]),
    ]);
    expect(session?.outputNames).toEqual(['logits', ...layers.flatMap((i) => [`present.${i}.key`, `present.${i}.value`])]);
    expect(config.vocab_size).toBe((llama.tokenizer.get_vocab() as unknown as Map<string, number>).size);
  });

  it('computes the logits of an independent plain-loop LLaMA (RMSNorm, rotary, GQA, SiLU MLP)', async () => {
    const sequence = ids(chatPrompt('Why do people love a good story?'));
    const parts = tinyLlamaParts(TINY_GENERATOR_OPTIONS);
    const expected = referenceLlamaLogits(parts.dims, parts.weights, parts.logitBias, sequence);
    const actual = await forwardStep(llama.model, { inputIds: [sequence], attentionMask: [sequence.map(() => 1)] });
    sequence.forEach((_, t) => expect(maxAbsDifference(logitsAt(actual, 0, t), expected[t] as Float64Array)).toBeLessThan(1e-4));
  });

  it('applies the ChatML template and round-trips text through the tokenizer', () => {
    const prompt = chatPrompt('Why is the sky blue?');
    expect(prompt).toBe(
      '<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nWhy is the sky blue?<|im_end|>\n<|im_start|>assistant\n',
    );
    const tokens = ids(prompt);
    expect(tokens[0]).toBe(1);
    expect(tokens.filter((id) => id === EOS_ID)).toHaveLength(2);
    expect(llama.tokenizer.decode(tokens)).toBe(prompt);
    const odd = 'Zebras, naïve café-owners & 42 emojis 🙂\n\ttabs';
    expect(llama.tokenizer.decode(ids(odd))).toBe(odd);
    // Known words are one token each.
    expect(ids('the world')).toHaveLength(2);
  });

  it('gives the same logits to a left-padded row as to the row alone', async () => {
    const short = ids(chatPrompt('hello'));
    const long = ids(chatPrompt('Tell me a short story about the water and the city.'));
    const pad = long.length - short.length;
    const padded = await forwardStep(llama.model, {
      inputIds: [[...Array<number>(pad).fill(EOS_ID), ...short], long],
      attentionMask: [[...Array<number>(pad).fill(0), ...short.map(() => 1)], long.map(() => 1)],
    });
    const alone = await forwardStep(llama.model, { inputIds: [short], attentionMask: [short.map(() => 1)] });
    for (let t = 0; t < short.length; t++) {
      expect(maxAbsDifference(logitsAt(padded, 0, pad + t), logitsAt(alone, 0, t))).toBeLessThan(1e-5);
    }
  });

  it('gives the same logits decoding one token at a time with the KV cache as in one pass', async () => {
    const sequence = ids(chatPrompt('What is the best way to learn?') + ' You can read a good book every day.');
    const full = await forwardStep(llama.model, { inputIds: [sequence], attentionMask: [sequence.map(() => 1)] });
    const prefix = 9;
    let step = await forwardStep(llama.model, {
      inputIds: [sequence.slice(0, prefix)],
      attentionMask: [Array<number>(prefix).fill(1)],
    });
    expect(maxAbsDifference(logitsAt(step, 0, prefix - 1), logitsAt(full, 0, prefix - 1))).toBeLessThan(1e-5);
    for (let t = prefix; t < sequence.length; t++) {
      step = await forwardStep(llama.model, {
        inputIds: [[sequence[t] as number]],
        attentionMask: [Array<number>(t + 1).fill(1)],
        positionIds: [[t]],
        past: step.past,
      });
      expect(step.dims).toEqual([1, 1, full.dims[2]]);
      expect(maxAbsDifference(logitsAt(step, 0, 0), logitsAt(full, 0, t))).toBeLessThan(1e-4);
    }
    const firstKey = step.past['past_key_values.0.key'] as Tensor;
    expect(firstKey.dims[2]).toBe(sequence.length);
  });

  it('uses rotary positions: a constant shift changes nothing, a gap changes the logits', async () => {
    const sequence = ids(chatPrompt('How do you make a good friend?'));
    const mask = [sequence.map(() => 1)];
    const at = (offset: (t: number) => number) =>
      forwardStep(llama.model, { inputIds: [sequence], attentionMask: mask, positionIds: [sequence.map((_, t) => offset(t))] });
    const plain = await at((t) => t);
    const shifted = await at((t) => t + 7);
    const gapped = await at((t) => (t < 5 ? t : t + 7));
    expect(maxAbsDifference(plain.logits, shifted.logits)).toBeLessThan(1e-4);
    expect(maxAbsDifference(plain.logits, gapped.logits)).toBeGreaterThan(1e-2);
  });

  it('generates greedily for a left-padded batch exactly as for each prompt alone', async () => {
    const prompts = ['hi', 'Please explain why people love a good story.', 'What is water?'].map(chatPrompt);
    llama.tokenizer.padding_side = 'left';
    const batch = llama.tokenizer(prompts, { padding: true });
    const width = (batch.input_ids as Tensor).dims[1] as number;
    const generated = (await llama.model.generate({ ...batch, max_new_tokens: 12, do_sample: false })) as Tensor;
    const rows = (generated.tolist() as bigint[][]).map((row) => row.slice(width).map(Number));
    for (const [i, prompt] of prompts.entries()) {
      const single = llama.tokenizer([prompt]);
      const alone = (await llama.model.generate({ ...single, max_new_tokens: 12, do_sample: false })) as Tensor;
      const expected = (alone.tolist() as bigint[][])[0]?.slice(ids(prompt).length).map(Number) ?? [];
      // A finished row keeps receiving tokens in a batch: compare up to the first end of turn.
      const end = expected.includes(EOS_ID) ? expected.indexOf(EOS_ID) + 1 : expected.length;
      expect(rows[i]?.slice(0, end)).toEqual(expected.slice(0, end));
    }
    expect(new Set(rows.map((row) => row.join(','))).size).toBeGreaterThan(1);
  });

  it('samples responses that sometimes end early and sometimes reach the length limit', async () => {
    // A seeded sampler over real logits (transformers' sampler uses Math.random).
    const rows = 16;
    const maxTokens = 48;
    const prompt = ids(chatPrompt('Tell me about your day.'));
    const random = seededRandom(7);
    const ended = Array<number>(rows).fill(-1);
    let step = await forwardStep(llama.model, {
      inputIds: Array.from({ length: rows }, () => prompt),
      attentionMask: Array.from({ length: rows }, () => prompt.map(() => 1)),
    });
    for (let t = 0; t < maxTokens; t++) {
      const next = Array.from({ length: rows }, (_, r) => {
        const probabilities = softmax(logitsAt(step, r, step.dims[1] === 1 ? 0 : prompt.length - 1));
        let u = random.next();
        const token = probabilities.findIndex((p) => (u -= p) < 0);
        return token < 0 ? probabilities.length - 1 : token;
      });
      next.forEach((token, r) => {
        if (token === EOS_ID && ended[r] === -1) ended[r] = t;
      });
      const total = prompt.length + t + 1;
      step = await forwardStep(llama.model, {
        inputIds: next.map((token) => [token]),
        attentionMask: next.map(() => Array<number>(total).fill(1)),
        positionIds: next.map(() => [total - 1]),
        past: step.past,
      });
    }
    expect(ended.filter((t) => t >= 0).length).toBeGreaterThan(0);
    expect(ended.filter((t) => t === -1).length).toBeGreaterThan(0);
  });

  it('makes the reference model close to, but not the same as, the generator', async () => {
    const sequence = ids(chatPrompt('Sure, here is a simple answer.'));
    const mask = [sequence.map(() => 1)];
    const [policy, ref] = await Promise.all([
      forwardStep(llama.model, { inputIds: [sequence], attentionMask: mask }),
      forwardStep(reference.model, { inputIds: [sequence], attentionMask: mask }),
    ]);
    const difference = maxAbsDifference(policy.logits, ref.logits);
    expect(difference).toBeGreaterThan(1e-2);
    // Next-token log-probabilities of the tokens that follow stay within a nat on average.
    let logRatio = 0;
    for (let t = 0; t + 1 < sequence.length; t++) {
      const next = sequence[t + 1] as number;
      logRatio += Math.abs(
        Math.log(softmax(logitsAt(policy, 0, t))[next] as number) - Math.log(softmax(logitsAt(ref, 0, t))[next] as number),
      );
    }
    expect(logRatio / (sequence.length - 1)).toBeLessThan(1);
  });
});
