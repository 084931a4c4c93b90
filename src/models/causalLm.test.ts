// The generator's own decode loop against transformers.js, on the tiny generated LLaMA run by real
// onnxruntime-node: greedy tokens equal generate()'s, and row selection equals prefilling from scratch.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodeBatch } from '../core/backend.ts';
import { AutoTokenizer } from '@huggingface/transformers';
import { greedyGenerate, untilStop } from '../testing/generate-reference.ts';
import { ensureTinyModels } from '../testing/tiny-models.ts';
import { loadGenerator, type LoadedGenerator } from './causalLm.ts';
import { withModelSource } from './sources.ts';

const PROMPTS = ['hello', 'tell me about the world and the people in it', 'why', 'what is the time of day'];

function argmaxRows(batch: DecodeBatch, vocab: number): number[] {
  return Array.from({ length: batch.rows }, (_, r) => {
    const row = batch.nextLogits.subarray(r * vocab, (r + 1) * vocab);
    let best = 0;
    for (let i = 1; i < row.length; i++) if ((row[i] as number) > (row[best] as number)) best = i;
    return best;
  });
}

function rowLogits(batch: DecodeBatch, vocab: number, row: number): Float32Array {
  return batch.nextLogits.slice(row * vocab, (row + 1) * vocab);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}

let folder: string;
let generator: LoadedGenerator;
let vocab: number;

beforeAll(async () => {
  folder = (await ensureTinyModels()).llama;
  generator = await loadGenerator({ kind: 'path', path: folder }, { device: 'cpu', dtype: 'fp32' });
  vocab = generator.info.vocabSize;
});
afterAll(async () => generator?.dispose());

describe('generator info', () => {
  it('reads sizes from the model and stop tokens from its configs', () => {
    const c = JSON.parse(readFileSync(`${folder}/config.json`, 'utf8')) as Record<string, number>;
    expect(generator.info.vocabSize).toBe(c['vocab_size']);
    expect(generator.info.kvBytesPerToken).toBe(2 * c['num_hidden_layers']! * c['num_key_value_heads']! * c['head_dim']! * 4);
    expect(generator.info.maxPositions).toBe(c['max_position_embeddings']);
    // generation_config's eos is <|im_end|> (2); <|endoftext|> (0) is a special end-of-text token too.
    expect(generator.info.stopTokenIds).toEqual([0, 2]);
  });

  it('encodes a prompt with the chat template and decodes without special tokens', () => {
    const ids = generator.encodePrompt('hello world');
    const text = generator.decode(ids);
    expect(text).toContain('hello world');
    expect(text).not.toContain('<|im_start|>');
    expect(generator.decode([])).toBe('');
  });

  it('renders an HH-RLHF transcript as its turns, through the model\'s own chat template', async () => {
    const hh = '\n\nHuman: hello world\n\nAssistant: why\n\nHuman: tell me more\n\nAssistant:';
    const expected = await withModelSource({ kind: 'path', path: folder }, async ({ modelId }) => {
      const tokenizer = await AutoTokenizer.from_pretrained(modelId);
      const messages = [
        { role: 'user', content: 'hello world' }, { role: 'assistant', content: 'why' }, { role: 'user', content: 'tell me more' },
      ];
      const text = tokenizer.apply_chat_template(messages, { add_generation_prompt: true, tokenize: false }) as string;
      expect(text.match(/<\|im_start\|>user/g)).toHaveLength(2);
      return tokenizer.encode(text, { add_special_tokens: false });
    });
    expect(generator.encodePrompt(hh)).toEqual(expected);
  });
});

describe('greedy decoding', () => {
  it("reproduces transformers.js generate() row by row for prompts of different lengths", async () => {
    const steps = 24;
    const sequences = PROMPTS.map((p) => generator.encodePrompt(p));
    expect(new Set(sequences.map((s) => s.length)).size).toBeGreaterThan(1);
    const batch = await generator.prefill(sequences);
    const ours: number[][] = sequences.map(() => []);
    for (let step = 0; step < steps; step++) {
      const tokens = argmaxRows(batch, vocab);
      tokens.forEach((t, r) => ours[r]!.push(t));
      await batch.append(tokens);
    }
    expect(batch.lengths).toEqual(sequences.map((s) => s.length + steps));
    // The cached steps give the logits a full, cache-free pass over the same tokens gives.
    const full = await generator.prefill(sequences.map((s, r) => [...s, ...ours[r]!]));
    for (let r = 0; r < PROMPTS.length; r++) {
      expect(maxAbsDiff(rowLogits(batch, vocab, r), rowLogits(full, vocab, r))).toBeLessThan(1e-5);
    }
    await Promise.all([batch.dispose(), full.dispose()]);

    const theirs = await greedyGenerate(folder, PROMPTS, steps);
    const stops = generator.info.stopTokenIds;
    for (let r = 0; r < PROMPTS.length; r++) {
      expect(untilStop(ours[r]!, stops)).toEqual(untilStop(theirs[r]!, stops));
    }
    // The check must have compared something beyond the first token.
    expect(ours.some((row) => untilStop(row, stops).length > 3)).toBe(true);
  });
});

describe.each([['cpu-copy'], ['device-gather']] as const)('selectRows (%s)', (rowSelection) => {
  let gen: LoadedGenerator;
  beforeAll(async () => {
    gen = await loadGenerator({ kind: 'path', path: folder }, { device: 'cpu', dtype: 'fp32', rowSelection });
  });
  afterAll(async () => gen?.dispose());

  it('drops and repeats rows with the logits of a fresh prefill, and keeps decoding the same', async () => {
    const sequences = PROMPTS.map((p) => gen.encodePrompt(p));
    const batch = await gen.prefill(sequences);
    const histories = sequences.map((s) => [...s]);
    const step = async (b: DecodeBatch, rows: number[][]) => {
      const tokens = argmaxRows(b, vocab);
      tokens.forEach((t, r) => rows[r]!.push(t));
      await b.append(tokens);
    };
    for (let i = 0; i < 5; i++) await step(batch, histories);

    const pick = [2, 0, 0, 3];
    await batch.selectRows(pick);
    const picked = pick.map((r) => [...histories[r]!]);
    expect(batch.rows).toBe(4);
    expect(batch.lengths).toEqual(picked.map((s) => s.length));
    // Row 1 (the longest prompt) is gone, so leading columns that were padding everywhere are cut.
    expect(batch.cacheWidth).toBe(Math.max(...picked.map((s) => s.length)));

    const fresh = await gen.prefill(picked);
    for (let r = 0; r < pick.length; r++) {
      expect(maxAbsDiff(rowLogits(batch, vocab, r), rowLogits(fresh, vocab, r))).toBeLessThan(1e-5);
    }
    const afterSelect = picked.map((s) => [...s]);
    const afterFresh = picked.map((s) => [...s]);
    for (let i = 0; i < 6; i++) {
      await step(batch, afterSelect);
      await step(fresh, afterFresh);
      for (let r = 0; r < pick.length; r++) {
        expect(maxAbsDiff(rowLogits(batch, vocab, r), rowLogits(fresh, vocab, r))).toBeLessThan(1e-5);
      }
    }
    expect(afterSelect).toEqual(afterFresh);

    await batch.selectRows([]);
    expect(batch.rows).toBe(0);
    await batch.append([]);
    await Promise.all([batch.dispose(), fresh.dispose()]);
  });

  it('prefills repeated prompts once and still gives every row the same logits', async () => {
    const prompt = gen.encodePrompt('hello');
    const batch = await gen.prefill([prompt, prompt, prompt]);
    const single = await gen.prefill([prompt]);
    expect(batch.rows).toBe(3);
    for (let r = 0; r < 3; r++) {
      expect(maxAbsDiff(rowLogits(batch, vocab, r), rowLogits(single, vocab, 0))).toBe(0);
    }
    await Promise.all([batch.dispose(), single.dispose()]);
  });
});

describe('misuse', () => {
  it('rejects a wrong token count, an unknown row and an empty prefill', async () => {
    const batch = await generator.prefill([generator.encodePrompt('hi')]);
    await expect(batch.append([1, 2])).rejects.toThrow(/2 tokens for 1 rows/);
    await expect(batch.selectRows([1])).rejects.toThrow(/no row 1/);
    await batch.dispose();
    await expect(batch.append([1])).rejects.toThrow(/disposed/);
    await expect(generator.prefill([])).rejects.toMatchObject({ code: 'invalid-config' });
  });
});
