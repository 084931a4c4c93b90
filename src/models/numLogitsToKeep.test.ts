// Exports that take `num_logits_to_keep` (some hub models do): the tiny LLaMA exported with that input,
// same weights, run by real onnxruntime-node. Our loop asks it for the last position only; the tokens,
// logits and implicit rewards must be those of the plain export, and generate() must agree.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTinyLlama } from '../modelgen/tiny-llama.ts';
import { TINY_GENERATOR_OPTIONS } from '../modelgen/tiny-model-presets.ts';
import { writeModelFolder } from '../testing/model-folder-fs.ts';
import { greedyGenerate, untilStop } from '../testing/generate-reference.ts';
import { ensureTinyModels } from '../testing/tiny-models.ts';
import { loadGenerator, partsOfGenerator, type LoadedGenerator } from './causalLm.ts';
import { loadImplicitReward } from './implicitReward.ts';

const PROMPTS = ['hello', 'tell me about the world and the people in it', 'why'];
const STEPS = 16;
const cpu = { device: 'cpu', dtype: 'fp32' } as const;
let keepFolder: string;
let plain: LoadedGenerator;
let keeping: LoadedGenerator;
let referenceFolder: string;

beforeAll(async () => {
  const tiny = await ensureTinyModels();
  referenceFolder = tiny.reference;
  const dir = await mkdtemp(join(tmpdir(), 'keep-logits-'));
  keepFolder = (await writeModelFolder(dir, buildTinyLlama({ ...TINY_GENERATOR_OPTIONS, numLogitsToKeep: true }))).folder;
  plain = await loadGenerator({ kind: 'path', path: tiny.llama }, cpu);
  keeping = await loadGenerator({ kind: 'path', path: keepFolder }, cpu);
});
afterAll(async () => {
  await plain?.dispose();
  await keeping?.dispose();
});

/** Greedy tokens of every prompt, and the largest difference between the two models' next-token logits. */
async function greedyBoth(): Promise<{ tokens: number[][]; maxDiff: number }> {
  const sequences = PROMPTS.map((p) => plain.encodePrompt(p));
  const [a, b] = await Promise.all([plain.prefill(sequences), keeping.prefill(sequences)]);
  const vocab = plain.info.vocabSize;
  const tokens: number[][] = sequences.map(() => []);
  let maxDiff = 0;
  for (let step = 0; step < STEPS; step++) {
    for (let i = 0; i < a.nextLogits.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a.nextLogits[i]! - b.nextLogits[i]!));
    const next = sequences.map((_, r) => {
      const row = a.nextLogits.subarray(r * vocab, (r + 1) * vocab);
      return row.indexOf(Math.max(...row));
    });
    next.forEach((t, r) => tokens[r]!.push(t));
    await Promise.all([a.append(next), b.append(next)]);
  }
  await Promise.all([a.dispose(), b.dispose()]);
  return { tokens, maxDiff };
}

it('decodes an export with num_logits_to_keep exactly like the plain export, and like its own generate()', async () => {
  const session = (partsOfGenerator(keeping)!.model.sessions as Record<string, { inputNames: string[] }>)['model']!;
  expect(session.inputNames).toContain('num_logits_to_keep');
  const { tokens, maxDiff } = await greedyBoth();
  expect(maxDiff).toBeLessThan(1e-5);

  const theirs = await greedyGenerate(keepFolder, PROMPTS, STEPS);
  const stops = plain.info.stopTokenIds;
  for (let r = 0; r < PROMPTS.length; r++) expect(untilStop(tokens[r]!, stops)).toEqual(untilStop(theirs[r]!, stops));
  expect(tokens.some((row) => untilStop(row, stops).length > 3)).toBe(true);
});

it('scores the implicit reward through it with every position\'s logits, as the plain export does', async () => {
  const options = { ...cpu, weighting: 'inverse-position' } as const;
  const viaPlain = await loadImplicitReward(plain, { kind: 'path', path: referenceFolder }, options);
  const viaKeeping = await loadImplicitReward(keeping, { kind: 'path', path: referenceFolder }, options);
  // The policy shares the generator's tokenizer, so the response is scored by these ids (any in the vocabulary).
  const requests = [[300, 301, 302, 303], [310, 311], [320, 321, 322]].map((ids) => ({
    prompt: 'tell me something', response: plain.decode(ids), responseTokenIds: ids,
  }));
  const [a, b] = [await viaPlain.score(requests), await viaKeeping.score(requests)];
  expect(a.scores.every((s) => s !== 0)).toBe(true);
  for (let i = 0; i < requests.length; i++) expect(b.scores[i]).toBeCloseTo(a.scores[i]!, 5);
  await viaPlain.dispose();
  await viaKeeping.dispose();
});
