// The built-in "tuned positive" generator and its base, built from their packages and loaded through
// src/models like any model pair: on fixed seeds the tuned one writes more positively, and its
// implicit DPO reward against the base ranks answers much as the AFINN reward model does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRunConfig } from '../core/config.ts';
import type { RunEventOf } from '../core/events.ts';
import { runAlignment } from '../core/runAlignment.ts';
import { mean, pearson } from '../core/stats.ts';
import type { Scorer } from '../core/backend.ts';
import {
  buildAfinnRewardFromPackages,
  buildBrownGeneratorFromPackages,
  buildPositiveBrownGeneratorFromPackages,
} from '../modelgen/builtin/builtin-models.ts';
import { loadGenerator, loadImplicitReward, loadRewardModel, type LoadedGenerator, type LoadedScorer } from '../models/index.ts';
import { writeModelFolder } from '../testing/model-folder-fs.ts';

const PROMPTS = ['the weather today', 'my friend said that', 'the war', 'when he came home'];
const options = { device: 'cpu', dtype: 'fp32' } as const;
let basePath: string;
let base: LoadedGenerator;
let tuned: LoadedGenerator;
let afinn: LoadedScorer;
let implicit: LoadedScorer;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'positive-'));
  const [b, t, r] = await Promise.all([
    writeModelFolder(join(dir, 'base'), await buildBrownGeneratorFromPackages()),
    writeModelFolder(join(dir, 'tuned'), await buildPositiveBrownGeneratorFromPackages()),
    writeModelFolder(join(dir, 'reward'), await buildAfinnRewardFromPackages()),
  ]);
  basePath = b.folder;
  base = await loadGenerator({ kind: 'path', path: b.folder }, options);
  tuned = await loadGenerator({ kind: 'path', path: t.folder }, options);
  afinn = await loadRewardModel({ kind: 'path', path: r.folder }, options);
  implicit = await loadImplicitReward(tuned, { kind: 'path', path: basePath }, { ...options, weighting: 'inverse-position' });
}, 60_000);

afterAll(async () => {
  for (const model of [implicit, afinn, tuned, base]) await model?.dispose();
});

/** Raw scores of every complete Best-of-N candidate, per scorer, over the prompts (same seed for each generator). */
async function finalScores(generator: LoadedGenerator, scorers: Scorer[]): Promise<number[][]> {
  const columns: number[][] = scorers.map(() => []);
  for (const prompt of PROMPTS) {
    const config = { ...defaultRunConfig(prompt), methods: ['bon' as const], n: 24, maxNewTokens: 32, seed: 11 };
    const events = await runAlignment(config, { generator, scorers, onEvent: () => {} });
    const final = events.find((e): e is RunEventOf<'final'> => e.type === 'final');
    for (const candidate of final!.candidates) candidate.scores.forEach((s, k) => columns[k]!.push(s));
  }
  return columns;
}

describe('the built-in tuned positive generator', () => {
  it('writes more positively than its base on the same seeds (mean AFINN reward of every sample)', async () => {
    const [fromBase] = await finalScores(base, [afinn]);
    const [fromTuned] = await finalScores(tuned, [afinn]);
    expect(fromBase).toHaveLength(PROMPTS.length * 24);
    // Measured by scripts/measure-positive-tilt.ts over 12 prompts x 32: 0.06 for the base, 0.26 tuned.
    expect(mean(fromTuned!)).toBeGreaterThan(mean(fromBase!) + 0.08);
  });

  it('has an implicit reward against its base that agrees with the AFINN reward', async () => {
    const [implicitScores, afinnScores] = await finalScores(tuned, [implicit, afinn]);
    // Measured over 12 prompts x 32 complete samples: Pearson 0.60 (0.596).
    expect(pearson(implicitScores!, afinnScores!)).toBeGreaterThan(0.35);
  });
});
