// The implicit DPO reward on the two tiny generated LLaMAs (policy and its perturbed reference),
// checked against a direct computation from each model's own full forward pass.
import { AutoModelForCausalLM, AutoTokenizer, Tensor } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTinyModels, type TinyModelFolders } from '../testing/tiny-models.ts';
import { loadGenerator } from './causalLm.ts';
import { loadImplicitReward } from './implicitReward.ts';
import type { LoadedScorer } from './rewardModel.ts';
import { withModelSource } from './sources.ts';

const cpu = { device: 'cpu', dtype: 'fp32' } as const;
const PROMPT = 'tell me about the world';
const RESPONSE = 'the world is large and people know it';

/** Per response token: log pi(y_k | x, y_<k) from one unbatched, cache-free pass, in plain loops. */
async function directLogProbs(folder: string, ids: number[], responseStart: number): Promise<number[]> {
  return withModelSource({ kind: 'path', path: folder }, async ({ modelId }) => {
    const model = await AutoModelForCausalLM.from_pretrained(modelId, cpu);
    const ones = (n: number) => new Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]);
    const output = (await model.forward({
      input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      attention_mask: ones(ids.length),
    })) as { logits: Tensor };
    await model.dispose();
    const vocab = output.logits.dims[2] as number;
    const data = output.logits.data as Float32Array;
    const result: number[] = [];
    for (let position = responseStart - 1; position < ids.length - 1; position++) {
      const row = Array.from(data.subarray(position * vocab, (position + 1) * vocab));
      const max = Math.max(...row);
      const logSum = Math.log(row.reduce((sum, x) => sum + Math.exp(x - max), 0)) + max;
      result.push((row[ids[position + 1] as number] as number) - logSum);
    }
    return result;
  });
}

let folders: TinyModelFolders;
let inverse: LoadedScorer;
let uniform: LoadedScorer;

beforeAll(async () => {
  folders = await ensureTinyModels();
  const policy = { kind: 'path', path: folders.llama } as const;
  const reference = { kind: 'path', path: folders.reference } as const;
  inverse = await loadImplicitReward(policy, reference, { ...cpu, weighting: 'inverse-position' });
  uniform = await loadImplicitReward(policy, reference, { ...cpu, weighting: 'uniform' });
});
afterAll(async () => Promise.all([inverse?.dispose(), uniform?.dispose()]));

describe('implicit DPO reward', () => {
  it('equals the weighted sum of log-ratios computed directly from both models', async () => {
    const tokenizer = await withModelSource({ kind: 'path', path: folders.llama }, ({ modelId }) => AutoTokenizer.from_pretrained(modelId));
    const promptText = tokenizer.apply_chat_template([{ role: 'user', content: PROMPT }], { add_generation_prompt: true, tokenize: false }) as string;
    const promptIds = tokenizer.encode(promptText, { add_special_tokens: false });
    const responseIds = tokenizer.encode(RESPONSE, { add_special_tokens: false });
    const ids = [...promptIds, ...responseIds];
    const policy = await directLogProbs(folders.llama, ids, promptIds.length);
    const reference = await directLogProbs(folders.reference, ids, promptIds.length);
    const ratios = policy.map((p, k) => p - (reference[k] as number));
    expect(ratios.length).toBe(responseIds.length);
    expect(ratios.some((r) => Math.abs(r) > 1e-4)).toBe(true);

    const expectedInverse = ratios.reduce((sum, r, k) => sum + r / (k + 1), 0);
    const expectedUniform = ratios.reduce((sum, r) => sum + r, 0);
    const request = { prompt: PROMPT, response: RESPONSE };
    const [a, b] = await Promise.all([inverse.score([request]), uniform.score([request])]);
    expect(a.scores[0]).toBeCloseTo(expectedInverse, 4);
    expect(b.scores[0]).toBeCloseTo(expectedUniform, 4);
    expect(Math.abs(expectedInverse - expectedUniform)).toBeGreaterThan(1e-4);
    // Both models read prompt + response.
    expect(a.tokens).toBe(2 * ids.length);
  });

  it('gives the same score for a one-token response under either weighting (w_0 = 1)', async () => {
    const request = { prompt: PROMPT, response: 'the' };
    const [a, b] = await Promise.all([inverse.score([request]), uniform.score([request])]);
    expect(a.scores[0]).toBeCloseTo(b.scores[0] as number, 6);
  });

  it('scores a padded batch like each request alone, and an empty response as 0', async () => {
    const requests = [
      { prompt: PROMPT, response: RESPONSE },
      { prompt: 'hello', response: 'hello there' },
      { prompt: 'why', response: '' },
      { prompt: 'what is the time of day', response: 'it is the time when the people of the world eat' },
    ];
    const together = await inverse.score(requests);
    for (const [i, request] of requests.entries()) {
      const alone = await inverse.score([request]);
      expect(together.scores[i]).toBeCloseTo(alone.scores[0] as number, 5);
    }
    expect(together.scores[2]).toBe(0);
  });

  it('is exactly 0 when the policy is its own reference', async () => {
    const same = { kind: 'path', path: folders.llama } as const;
    const scorer = await loadImplicitReward(same, same, { ...cpu, weighting: 'uniform' });
    const result = await scorer.score([{ prompt: PROMPT, response: RESPONSE }]);
    expect(result.scores[0]).toBe(0);
    await scorer.dispose();
  });

  it("shares a loaded generator as the policy and scores the generator's own token ids", async () => {
    const generator = await loadGenerator({ kind: 'path', path: folders.llama }, cpu);
    const shared = await loadImplicitReward(generator, { kind: 'path', path: folders.reference }, { ...cpu, weighting: 'inverse-position' });
    const tokenizer = await withModelSource({ kind: 'path', path: folders.llama }, ({ modelId }) => AutoTokenizer.from_pretrained(modelId));
    const ids = tokenizer.encode(RESPONSE, { add_special_tokens: false });
    // The ids win over the text when the scorer shares the generator's tokenizer.
    const result = await shared.score([{ prompt: PROMPT, response: 'something else entirely', responseTokenIds: ids }]);
    const expected = await inverse.score([{ prompt: PROMPT, response: RESPONSE }]);
    expect(result.scores[0]).toBeCloseTo(expected.scores[0] as number, 5);
    await shared.dispose();
    // The generator still works: the scorer did not free the shared model.
    const batch = await generator.prefill([generator.encodePrompt('hello')]);
    await batch.dispose();
    await generator.dispose();
  });
});
