// The built-in models (Brown-corpus word LM, AFINN positivity reward), built from their packages and
// loaded through src/models like any model: on a fixed seed, Speculative Rejection gets close to
// Best-of-N's reward while decoding fewer tokens — the effect the app's default must show.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRunConfig } from '../core/config.ts';
import type { RunEventOf } from '../core/events.ts';
import { runAlignment } from '../core/runAlignment.ts';
import { buildAfinnRewardFromPackages, buildBrownGeneratorFromPackages } from '../modelgen/builtin/builtin-models.ts';
import { loadGenerator, loadRewardModel, type LoadedGenerator, type LoadedScorer } from '../models/index.ts';
import { writeModelFolder } from '../testing/model-folder-fs.ts';

let generator: LoadedGenerator;
let reward: LoadedScorer;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'builtin-'));
  const [lm, rm] = await Promise.all([
    writeModelFolder(join(dir, 'lm'), await buildBrownGeneratorFromPackages()),
    writeModelFolder(join(dir, 'rm'), await buildAfinnRewardFromPackages()),
  ]);
  const options = { device: 'cpu', dtype: 'fp32' } as const;
  generator = await loadGenerator({ kind: 'path', path: lm.folder }, options);
  reward = await loadRewardModel({ kind: 'path', path: rm.folder }, options);
});

afterAll(async () => {
  await reward?.dispose();
  await generator?.dispose();
});

it('Speculative Rejection reaches at least 95% of Best-of-N reward with fewer tokens (fixed seed, 4 prompts)', async () => {
  let bonReward = 0;
  let sprReward = 0;
  let bonTokens = 0;
  let sprTokens = 0;
  for (const prompt of ['the weather today', 'my friend said that', 'after the meeting we', 'the old house was']) {
    const base = defaultRunConfig(prompt);
    const promptTokens = generator.encodePrompt(prompt).length;
    const kvBudgetBytes = 32 * (promptTokens + 16) * generator.info.kvBytesPerToken;
    const events = await runAlignment(
      { ...base, methods: ['bon', 'spr'], n: 32, maxNewTokens: 64, seed: 7, kvBudgetBytes },
      { generator, scorers: [reward], onEvent: () => {} },
    );
    const [bon, spr] = events.filter((e): e is RunEventOf<'run-end'> => e.type === 'run-end');
    bonReward += bon!.winner!.reward;
    sprReward += spr!.winner!.reward;
    bonTokens += bon!.totals.decodedTokens;
    sprTokens += spr!.totals.decodedTokens;
  }
  expect(bonReward).toBeGreaterThan(0);
  expect(sprReward).toBeGreaterThanOrEqual(0.95 * bonReward);
  expect(sprTokens).toBeLessThan(0.8 * bonTokens);
});
