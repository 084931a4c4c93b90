// Parameter estimates of real loaded models (tiny generated ONNX files, onnxruntime-node): the weight
// file's size over bytes per parameter, against the initializers actually stored in the file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelProtoType } from '../modelgen/onnx-schema.ts';
import { ensureTinyModels, useLocalModelsOnly, type TinyModelFolders } from '../testing/tiny-models.ts';
import { loadGenerator, type LoadedGenerator } from './causalLm.ts';
import { loadRewardModel, type LoadedScorer } from './rewardModel.ts';

interface TensorProtoLike {
  readonly dims?: readonly (number | { toNumber(): number })[];
}

async function storedParameters(folder: string): Promise<number> {
  const model = ModelProtoType.decode(await readFile(join(folder, 'onnx', 'model.onnx'))) as unknown as { graph: { initializer: TensorProtoLike[] } };
  return model.graph.initializer.reduce((sum, t) => sum + (t.dims ?? []).reduce<number>((n, d) => n * Number(d), 1), 0);
}

let folders: TinyModelFolders;
let generator: LoadedGenerator;
let reward: LoadedScorer;

beforeAll(async () => {
  useLocalModelsOnly();
  folders = await ensureTinyModels();
  generator = await loadGenerator({ kind: 'path', path: folders.llama }, { device: 'cpu', dtype: 'fp32' });
  reward = await loadRewardModel({ kind: 'path', path: folders.classifier }, { device: 'cpu', dtype: 'fp32' });
});
afterAll(async () => Promise.all([generator?.dispose(), reward?.dispose()]));

describe('parameter estimates', () => {
  it('come within 10% of the parameters stored in the file (it also holds the graph and its constants), for the generator and the reward model', async () => {
    const actualGenerator = await storedParameters(folders.llama);
    const actualReward = await storedParameters(folders.classifier);
    expect(generator.info.parameters! / actualGenerator).toBeGreaterThanOrEqual(1);
    expect(generator.info.parameters! / actualGenerator).toBeLessThan(1.1);
    expect(reward.parameters! / actualReward).toBeGreaterThanOrEqual(1);
    expect(reward.parameters! / actualReward).toBeLessThan(1.1);
  });

  it('come with per-response token counts that add up to the scorer\'s total', async () => {
    const result = await reward.score([{ prompt: 'hello', response: 'the world is large' }, { prompt: 'why', response: '' }]);
    expect(result.perRequest).toHaveLength(2);
    expect(result.perRequest!.reduce((a, b) => a + b, 0)).toBe(result.tokens);
  });
});
