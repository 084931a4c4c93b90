// fp16 exports (what WebGPU loads on a GPU with shader-f16): the tiny LLaMA with a float16 KV cache and
// float16 logits at its interface, shipped as onnx/model_fp16.onnx only, run by real onnxruntime-node.
// The loader falls back to it, sizes the cache at 2 bytes per element, and our loop, row selection
// (CPU copy and gather session) and the implicit reward all work on float16 tensors.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodeBatch } from '../core/backend.ts';
import { buildTinyLlama } from '../modelgen/tiny-llama.ts';
import { TINY_GENERATOR_OPTIONS } from '../modelgen/tiny-model-presets.ts';
import { writeModelFolder } from '../testing/model-folder-fs.ts';
import { greedyGenerate, untilStop } from '../testing/generate-reference.ts';
import { ensureTinyModels } from '../testing/tiny-models.ts';
import { loadGenerator, type LoadedGenerator } from './causalLm.ts';
import { loadImplicitReward } from './implicitReward.ts';
import { choosePlacement } from './placement.ts';

const PROMPTS = ['hello', 'tell me about the world and the people in it', 'why'];
const placement = choosePlacement({ runtime: 'node', webgpu: null });
const options = { device: placement.device, dtype: placement.dtype, fallbackDtypes: placement.fallbackDtypes };
let fp16Folder: string;
let fp32: LoadedGenerator;
let fp16: LoadedGenerator;
let referenceFolder: string;

beforeAll(async () => {
  const tiny = await ensureTinyModels();
  referenceFolder = tiny.reference;
  const dir = await mkdtemp(join(tmpdir(), 'fp16-'));
  fp16Folder = (await writeModelFolder(dir, buildTinyLlama({ ...TINY_GENERATOR_OPTIONS, fp16Interface: true }))).folder;
  fp32 = await loadGenerator({ kind: 'path', path: tiny.llama }, options);
  fp16 = await loadGenerator({ kind: 'path', path: fp16Folder }, options);
});
afterAll(async () => {
  await fp32?.dispose();
  await fp16?.dispose();
});

function argmaxRows(batch: DecodeBatch, vocab: number): number[] {
  return Array.from({ length: batch.rows }, (_, r) => {
    const row = batch.nextLogits.subarray(r * vocab, (r + 1) * vocab);
    return row.indexOf(Math.max(...row));
  });
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('an fp16 export', () => {
  it('loads from model_fp16.onnx as fp16 and sizes its cache at 2 bytes per element', () => {
    expect(fp16.dtype).toBe('fp16');
    expect(fp16.info.kvBytesPerToken * 2).toBe(fp32.info.kvBytesPerToken);
  });

  it('decodes greedily like transformers.js generate() on the same export', async () => {
    const steps = 16;
    const vocab = fp16.info.vocabSize;
    const sequences = PROMPTS.map((p) => fp16.encodePrompt(p));
    const batch = await fp16.prefill(sequences);
    const ours: number[][] = sequences.map(() => []);
    for (let step = 0; step < steps; step++) {
      const next = argmaxRows(batch, vocab);
      next.forEach((t, r) => ours[r]!.push(t));
      await batch.append(next);
    }
    await batch.dispose();
    const theirs = await greedyGenerate(fp16Folder, PROMPTS, steps, 'fp16');
    const stops = fp16.info.stopTokenIds;
    for (let r = 0; r < PROMPTS.length; r++) expect(untilStop(ours[r]!, stops)).toEqual(untilStop(theirs[r]!, stops));
    expect(ours.some((row) => untilStop(row, stops).length > 3)).toBe(true);
  });

  it.each([['cpu-copy'], ['device-gather']] as const)('drops and repeats float16 cache rows like a fresh prefill (%s)', async (rowSelection) => {
    const gen = await loadGenerator({ kind: 'path', path: fp16Folder }, { ...options, rowSelection });
    const vocab = gen.info.vocabSize;
    const sequences = PROMPTS.map((p) => gen.encodePrompt(p));
    const batch = await gen.prefill(sequences);
    const histories = sequences.map((s) => [...s]);
    for (let i = 0; i < 4; i++) {
      const next = argmaxRows(batch, vocab);
      next.forEach((t, r) => histories[r]!.push(t));
      await batch.append(next);
    }
    const pick = [2, 0, 0];
    await batch.selectRows(pick);
    const fresh = await gen.prefill(pick.map((r) => histories[r]!));
    // Logits are float16 at the interface: equal up to their rounding.
    expect(maxAbsDiff(batch.nextLogits, fresh.nextLogits)).toBeLessThan(2e-2);
    expect(argmaxRows(batch, vocab)).toEqual(argmaxRows(fresh, vocab));
    await Promise.all([batch.dispose(), fresh.dispose(), gen.dispose()]);
  });

  it('is scored by the implicit reward against an fp32 reference, close to the fp32 export\'s scores', async () => {
    const scoring = { ...options, weighting: 'inverse-position' } as const;
    const fromFp16 = await loadImplicitReward(fp16, { kind: 'path', path: referenceFolder }, scoring);
    const fromFp32 = await loadImplicitReward(fp32, { kind: 'path', path: referenceFolder }, scoring);
    const requests = [[300, 301, 302, 303], [310, 311], [320, 321, 322]].map((ids) => ({
      prompt: 'tell me something', response: fp16.decode(ids), responseTokenIds: ids,
    }));
    const [a, b] = [await fromFp16.score(requests), await fromFp32.score(requests)];
    a.scores.forEach((s, i) => expect(Math.abs(s - b.scores[i]!)).toBeLessThan(0.05));
    await fromFp16.dispose();
    await fromFp32.dispose();
  });
});
