// The reward scorer on the tiny generated classifier (real onnxruntime-node): batching under a token
// budget changes nothing, the chat template is what the model reads, scores are raw logits.
import { AutoModelForSequenceClassification, AutoTokenizer, type Tensor } from '@huggingface/transformers';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTinyClassifier } from '../modelgen/tiny-classifier.ts';
import { TINY_REWARD_OPTIONS } from '../modelgen/tiny-model-presets.ts';
import { writeModelFolder } from '../testing/model-folder-fs.ts';
import type { ScoreRequest } from '../core/backend.ts';
import { ensureTinyModels } from '../testing/tiny-models.ts';
import { loadRewardModel, type LoadedScorer } from './rewardModel.ts';
import { withModelSource } from './sources.ts';

const REQUESTS: ScoreRequest[] = [
  { prompt: 'what is the time of day', response: 'it is the time of the day when people eat' },
  { prompt: 'hello', response: 'hello' },
  { prompt: 'why', response: 'because the world is not what it was and people know it well' },
  { prompt: 'hello', response: '' },
  { prompt: 'tell me about the world', response: 'the world is large' },
];

let folder: string;
let batched: LoadedScorer;
let oneAtATime: LoadedScorer;

beforeAll(async () => {
  folder = (await ensureTinyModels()).classifier;
  const source = { kind: 'path', path: folder } as const;
  batched = await loadRewardModel(source, { device: 'cpu', dtype: 'fp32' });
  // A budget of one token puts every request in a batch of its own.
  oneAtATime = await loadRewardModel(source, { device: 'cpu', dtype: 'fp32', tokenBudget: 1 });
});
afterAll(async () => Promise.all([batched?.dispose(), oneAtATime?.dispose()]));

describe('reward model scorer', () => {
  it('gives the same scores batched as one at a time', async () => {
    const together = await batched.score(REQUESTS);
    const alone = await oneAtATime.score(REQUESTS);
    expect(together.scores).toHaveLength(REQUESTS.length);
    together.scores.forEach((s, i) => expect(s).toBeCloseTo(alone.scores[i] as number, 5));
    expect(together.tokens).toBe(alone.tokens);
    // Different texts get different scores: the scorer is not returning a constant (a softmax of one label is 1).
    expect(new Set(together.scores.map((s) => s.toFixed(4))).size).toBe(REQUESTS.length);
  });

  it('scores the chat-formatted exchange with the raw label-0 logit, and counts its tokens', async () => {
    const request = REQUESTS[0] as ScoreRequest;
    const expected = await withModelSource({ kind: 'path', path: folder }, async ({ modelId }) => {
      const tokenizer = await AutoTokenizer.from_pretrained(modelId);
      const model = await AutoModelForSequenceClassification.from_pretrained(modelId, { device: 'cpu', dtype: 'fp32' });
      const text = tokenizer.apply_chat_template(
        [
          { role: 'user', content: request.prompt },
          { role: 'assistant', content: request.response },
        ],
        { tokenize: false },
      ) as string;
      expect(text).toContain('<|im_start|>assistant');
      const inputs = tokenizer(text, { add_special_tokens: false });
      const { logits } = (await model(inputs)) as { logits: Tensor };
      await model.dispose();
      return { score: logits.data[0] as number, tokens: (inputs.input_ids as Tensor).dims[1] as number };
    });
    const result = await batched.score([request]);
    expect(result.scores[0]).toBeCloseTo(expected.score, 5);
    expect(result.tokens).toBe(expected.tokens);
  });

  it('reads an HH-RLHF transcript prompt as its turns, the response as the last assistant turn', async () => {
    const hh = { prompt: '\n\nHuman: hello\n\nAssistant: why\n\nHuman: tell me about the world\n\nAssistant:', response: 'the world is large' };
    const expected = await withModelSource({ kind: 'path', path: folder }, async ({ modelId }) => {
      const tokenizer = await AutoTokenizer.from_pretrained(modelId);
      const model = await AutoModelForSequenceClassification.from_pretrained(modelId, { device: 'cpu', dtype: 'fp32' });
      const messages = [
        { role: 'user', content: 'hello' }, { role: 'assistant', content: 'why' },
        { role: 'user', content: 'tell me about the world' }, { role: 'assistant', content: 'the world is large' },
      ];
      const text = tokenizer.apply_chat_template(messages, { tokenize: false }) as string;
      const { logits } = (await model(tokenizer(text, { add_special_tokens: false }))) as { logits: Tensor };
      await model.dispose();
      return logits.data[0] as number;
    });
    expect((await batched.score([hh])).scores[0]).toBeCloseTo(expected, 5);
  });

  it('stops between batches when its signal is aborted', async () => {
    await expect(oneAtATime.score(REQUESTS, { aborted: true })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('a classifier with several labels picked as a reward model', () => {
  it('scores the log-odds of its desirable label, logit(POSITIVE) − logit(NEGATIVE), and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'two-labels-'));
    const twoLabels = (await writeModelFolder(dir, buildTinyClassifier({ ...TINY_REWARD_OPTIONS, labels: ['NEGATIVE', 'POSITIVE'] }))).folder;
    const scorer = await loadRewardModel({ kind: 'path', path: twoLabels }, { device: 'cpu', dtype: 'fp32' });
    expect(scorer.label).toMatch(/log-odds of "POSITIVE"/);
    const expected = await withModelSource({ kind: 'path', path: twoLabels }, async ({ modelId }) => {
      const tokenizer = await AutoTokenizer.from_pretrained(modelId);
      const model = await AutoModelForSequenceClassification.from_pretrained(modelId, { device: 'cpu', dtype: 'fp32' });
      const out: number[] = [];
      for (const request of REQUESTS) {
        const text = tokenizer.apply_chat_template(
          [{ role: 'user', content: request.prompt }, { role: 'assistant', content: request.response }], { tokenize: false },
        ) as string;
        const { logits } = (await model(tokenizer(text, { add_special_tokens: false }))) as { logits: Tensor };
        expect(logits.dims).toEqual([1, 2]);
        out.push((logits.data[1] as number) - (logits.data[0] as number));
      }
      await model.dispose();
      return out;
    });
    const { scores } = await scorer.score(REQUESTS);
    scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i]!, 5));
    await scorer.dispose();
  });
});
