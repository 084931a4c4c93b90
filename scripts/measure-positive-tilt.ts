// Figures for the built-in "tuned positive" generator against its base (CPU, onnxruntime-node);
// prints tables, asserts nothing.
//  1. How positive each writes: mean built-in (AFINN) reward of a sample and of the Best-of-N pick per prompt,
//     base vs tuned, on the same seeds.
//  2. Its implicit DPO reward log pi_tuned/pi_base (TreeBoN's 1/(k+1) weights) against the AFINN
//     reward, on the tuned model's samples: Pearson and Kendall tau, on prefixes and complete.
// Usage: npx tsx scripts/measure-positive-tilt.ts [--n 32] [--max-new-tokens 64] [--seed 1]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SamplingConfig } from '../src/core/config.ts';
import { kendallTauB, mean, pearson } from '../src/core/stats.ts';
import { POSITIVE_TILT_BETA } from '../src/modelgen/builtin/positive-tilt.ts';
import { BUILTIN_GENERATOR_ID, BUILTIN_POSITIVE_GENERATOR_ID, BUILTIN_REWARD_ID, POSITIVE_CONTINUATION_TASK } from '../src/modelgen/builtin/task.ts';
import { loadGenerator, loadImplicitReward, loadRewardModel, type LoadedGenerator, type LoadedScorer } from '../src/models/index.ts';
import { buildModels, PUBLIC_MODELS_DIR } from './lib/buildModels.ts';
import { sampleContinuations, type Continuation } from './lib/sampleContinuations.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '32' },
    'max-new-tokens': { type: 'string', default: '64' },
    seed: { type: 'string', default: '1' },
  },
});
const options = {
  n: Number(values.n),
  maxNewTokens: Number(values['max-new-tokens']),
  seed: Number(values.seed),
  sampling: { temperature: 1, topK: 50, topP: 1 } satisfies SamplingConfig,
};
const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const prompts = POSITIVE_CONTINUATION_TASK.examplePrompts;

await buildModels(PUBLIC_MODELS_DIR);
const path = (id: string) => ({ kind: 'path' as const, path: join(PUBLIC_MODELS_DIR, id) });
const cpu = { device: 'cpu', dtype: 'fp32' } as const;
const base = await loadGenerator(path(BUILTIN_GENERATOR_ID), cpu);
const tuned = await loadGenerator(path(BUILTIN_POSITIVE_GENERATOR_ID), cpu);
const afinn = await loadRewardModel(path(BUILTIN_REWARD_ID), cpu);
const implicit = await loadImplicitReward(tuned, path(BUILTIN_GENERATOR_ID), { ...cpu, weighting: 'inverse-position' });

/** Scores of each sample's first `length` tokens (all of it when undefined). */
async function scores(scorer: LoadedScorer, generator: LoadedGenerator, samples: readonly Continuation[], length?: number) {
  const requests = samples.map((s) => {
    const ids = s.tokens.slice(0, length);
    return { prompt: prompts[s.prompt]!, response: generator.decode(ids), responseTokenIds: ids };
  });
  return (await scorer.score(requests)).scores;
}

const bestPerPrompt = (rewards: readonly number[], samples: readonly Continuation[]) =>
  prompts.map((_, p) => Math.max(...rewards.filter((_, i) => samples[i]!.prompt === p)));

console.log(`## Base vs tuned positive (beta = ${POSITIVE_TILT_BETA}): ${prompts.length} prompts x ${options.n}, up to ${options.maxNewTokens} tokens, T=1, top-k 50\n`);
console.log('| generator | mean reward of a sample (built-in AFINN reward) | of the Best-of-N pick | mean length |\n|---|---|---|---|');
const sampledBy = new Map<LoadedGenerator, Continuation[]>();
for (const [name, generator] of [['base', base], ['tuned positive', tuned]] as const) {
  const { samples } = await sampleContinuations(generator, prompts, options);
  sampledBy.set(generator, samples);
  const rewards = await scores(afinn, generator, samples);
  console.log(`| ${name} | ${fmt(mean(rewards))} | ${fmt(mean(bestPerPrompt(rewards, samples)))} | ${fmt(mean(samples.map((s) => s.tokens.length)), 1)} |`);
}

console.log('\n## Implicit reward (1/(k+1) weights) vs AFINN reward, on the tuned model\'s samples\n');
console.log('Prefix rows: samples longer than L tokens. Final: the AFINN reward of the whole sample.\n');
console.log('| L | rows | Pearson(implicit@L, AFINN@L) | Pearson(implicit@L, final AFINN) | Kendall tau(implicit@L, final AFINN) |\n|---|---|---|---|---|');
const samples = sampledBy.get(tuned)!;
const finals = await scores(afinn, tuned, samples);
for (const length of [4, 8, 16, 32, undefined]) {
  const rows = samples.flatMap((s, i) => (length === undefined || s.tokens.length > length ? [i] : []));
  const picked = rows.map((i) => samples[i]!);
  const implicitAt = await scores(implicit, tuned, picked, length);
  const afinnAt = await scores(afinn, tuned, picked, length);
  const final = rows.map((i) => finals[i]!);
  const cells = [length ?? 'complete', rows.length, fmt(pearson(implicitAt, afinnAt)), fmt(pearson(implicitAt, final)), fmt(kendallTauB(implicitAt, final))];
  console.log(`| ${cells.join(' | ')} |`);
}

for (const model of [implicit, afinn, tuned, base]) await model.dispose();
