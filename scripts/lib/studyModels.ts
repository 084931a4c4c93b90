// The project's own models (built into public/models/ on demand), loaded on the CPU for scripts.
import { loadGenerator, loadRewardModel, type LoadedGenerator, type LoadedScorer } from '../../src/models/index.ts';
import { buildModels, PUBLIC_MODELS_DIR } from './buildModels.ts';

export async function loadProjectModels(which: 'tiny' | 'builtin'): Promise<{ generator: LoadedGenerator; reward: LoadedScorer }> {
  const index = await buildModels(PUBLIC_MODELS_DIR);
  const pick = (kind: string) => {
    const entry = index.models.find((m) => m.kind === kind && m.random === (which === 'tiny'));
    if (!entry) throw new Error(`no ${which} ${kind} model in public/models/index.json`);
    return { kind: 'path' as const, path: `${PUBLIC_MODELS_DIR}${entry.id}` };
  };
  const options = { device: 'cpu', dtype: 'fp32' } as const;
  const generator = await loadGenerator(pick('generator'), options);
  const reward = await loadRewardModel(pick('reward'), options);
  return { generator, reward };
}
