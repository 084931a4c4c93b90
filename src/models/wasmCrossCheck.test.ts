// The cross-check on the real tiny models (onnxruntime-node, CPU on both sides: Node has no WebGPU):
// the same model loaded twice agrees exactly; a deliberately different model (the perturbed
// reference), or the test-only shift, is a mismatch the check reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGenerator, type LoadedGenerator } from './causalLm.ts';
import { loadRewardModel, type LoadedScorer } from './rewardModel.ts';
import { checkAgainstReference, generatorDifference, scorerDifference } from './wasmCrossCheck.ts';
import { ensureTinyModels, type TinyModelFolders } from '../testing/tiny-models.ts';

const options = { device: 'cpu', dtype: 'fp32' } as const;
let folders: TinyModelFolders;
let generator: LoadedGenerator;
let other: LoadedGenerator;
let scorer: LoadedScorer;

beforeAll(async () => {
  folders = await ensureTinyModels();
  generator = await loadGenerator({ kind: 'path', path: folders.llama }, options);
  other = await loadGenerator({ kind: 'path', path: folders.reference }, options);
  scorer = await loadRewardModel({ kind: 'path', path: folders.classifier }, options);
});

afterAll(async () => Promise.all([generator?.dispose(), other?.dispose(), scorer?.dispose()]));

describe('checking a model\'s numbers against another copy', () => {
  it('finds no difference between two copies of the same model, and loads and frees the copies itself', async () => {
    const check = await checkAgainstReference(
      { generator, generatorSource: { kind: 'path', path: folders.llama }, scorer: { model: scorer, source: { kind: 'path', path: folders.classifier } } },
      { referenceDevice: 'cpu' },
    );
    expect(check).toEqual({ device: 'webgpu', dtype: 'fp32', logitDifference: 0, rewardDifference: 0, tolerance: 0.002, agrees: true });
  });

  it('reports a different model as a mismatch', async () => {
    const difference = await generatorDifference(generator, other, { referenceDevice: 'cpu' });
    expect(difference).toBeGreaterThan(0.002);
  });

  it('shows the test-only shift as a mismatch, in logits and in the reward', async () => {
    expect(await generatorDifference(generator, generator, { referenceDevice: 'cpu', testOnlyPerturbation: 0.5 })).toBeGreaterThan(0.002);
    expect(await scorerDifference(scorer, scorer, { referenceDevice: 'cpu' })).toBe(0);
    expect(await scorerDifference(scorer, scorer, { referenceDevice: 'cpu', testOnlyPerturbation: 0.5 })).toBeGreaterThan(0.002);
    const check = await checkAgainstReference({ generator, generatorSource: { kind: 'path', path: folders.llama } }, { referenceDevice: 'cpu', testOnlyPerturbation: 0.5 });
    expect(check).toMatchObject({ agrees: false });
    expect(check).not.toHaveProperty('rewardDifference');
  });

  it('stops when its signal fires', async () => {
    await expect(generatorDifference(generator, other, { referenceDevice: 'cpu', signal: { aborted: true } })).rejects.toThrow(/Stopped/);
  });
});
