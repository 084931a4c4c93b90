// The tiny reward model under real onnxruntime-node, loaded through transformers.js.
import type { Tensor } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTinyModels, loadLocalClassifier, type LoadedModel } from '../testing/tiny-models.ts';
import { buildTinyClassifier } from './tiny-classifier.ts';
import { TINY_REWARD_OPTIONS } from './tiny-model-presets.ts';

let reward: LoadedModel;

beforeAll(async () => {
  reward = await loadLocalClassifier((await ensureTinyModels()).classifier);
});

const conversations: [string, string][] = [
  ['hello', 'Hi! How can I help you today?'],
  ['Why is the sky blue?', 'Because of water.'],
  ['Tell me a story.', 'no'],
  ['What is a good friend?', 'A good friend is kind, honest and helpful, and will always listen.'],
];

function chat(user: string, assistant: string): string {
  return reward.tokenizer.apply_chat_template(
    [
      { role: 'user', content: user },
      { role: 'assistant', content: assistant },
    ],
    { tokenize: false },
  ) as string;
}

async function scores(texts: string[], paddingSide: 'left' | 'right'): Promise<number[]> {
  reward.tokenizer.padding_side = paddingSide;
  const output = (await reward.model(reward.tokenizer(texts, { padding: true, truncation: true }))) as { logits: Tensor };
  expect(output.logits.dims).toEqual([texts.length, 1]);
  return Array.from(output.logits.data as Float32Array);
}

describe('tiny reward model', () => {
  it('is byte-identical when built twice and changes with the seed', () => {
    const first = buildTinyClassifier(TINY_REWARD_OPTIONS);
    const second = buildTinyClassifier(TINY_REWARD_OPTIONS);
    for (const [path, bytes] of first) expect(Buffer.from(second.get(path) as Uint8Array).equals(bytes)).toBe(true);
    const other = buildTinyClassifier({ ...TINY_REWARD_OPTIONS, seed: 99 });
    expect(Buffer.from(other.get('onnx/model.onnx') as Uint8Array).equals(first.get('onnx/model.onnx') as Uint8Array)).toBe(
      false,
    );
  });

  it('is a single-label sequence classifier that takes token_type_ids', () => {
    const config = reward.model.config as unknown as { id2label: Record<string, string>; model_type: string };
    expect(config.id2label).toEqual({ '0': 'LABEL_0' });
    const session = (reward.model as unknown as { sessions: Record<string, { inputNames: string[] }> }).sessions.model;
    expect(session?.inputNames).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
  });

  it('applies its ChatML template without a default system turn', () => {
    expect(chat('hi', 'hello')).toBe('<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\nhello<|im_end|>\n');
  });

  it('scores a row the same alone, in a right-padded batch and in a left-padded batch', async () => {
    const texts = conversations.map(([user, assistant]) => chat(user, assistant));
    const alone: number[] = [];
    for (const text of texts) alone.push(...(await scores([text], 'right')));
    const right = await scores(texts, 'right');
    const left = await scores(texts, 'left');
    for (let i = 0; i < texts.length; i++) {
      expect(Math.abs((right[i] as number) - (alone[i] as number))).toBeLessThan(1e-5);
      expect(Math.abs((left[i] as number) - (alone[i] as number))).toBeLessThan(1e-5);
    }
  });

  it('gives different responses spread-out scores, and a partial response its own score', async () => {
    const [user, assistant] = conversations[3] as [string, string];
    const partial = assistant.split(' ').slice(0, 4).join(' ');
    const values = await scores([...conversations.map(([u, a]) => chat(u, a)), chat(user, partial)], 'right');
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(std).toBeGreaterThan(0.1);
    expect(Math.abs((values[4] as number) - (values[3] as number))).toBeGreaterThan(1e-3);
  });
});
