// Figures for the built-in models (CPU, onnxruntime-node); prints tables, asserts nothing.
//  1. Build: time and size of both model folders.
//  2. Generator quality: held-out perplexity (fitted without every 25th text) of the unigram,
//     bigram-only and full model.
//  3. Partial vs final reward, as in the Speculative Rejection paper's figure: N sampled
//     continuations per example prompt (the engine's seeded sampler, through loadGenerator),
//     scored by the reward model on their first L tokens and complete; Pearson and Kendall tau.
// Usage: npx tsx scripts/measure-builtin.ts [--n 32] [--max-new-tokens 64] [--seed 1]
import { parseArgs } from 'node:util';
import type { SamplingConfig } from '../src/core/config.ts';
import { kendallTauB, mean, pearson } from '../src/core/stats.ts';
import { generatorFiles } from '../src/modelgen/builtin/generator-files.ts';
import { BUILTIN_GENERATOR_HYPERPARAMETERS, fitGenerator } from '../src/modelgen/builtin/generator-parameters.ts';
import { heldOutPerplexity, splitHeldOut, termAblations } from '../src/modelgen/builtin/held-out-perplexity.ts';
import { readAfinn165, readBrownCorpus } from '../src/modelgen/builtin/read-package-data.ts';
import { buildBuiltinRewardModel } from '../src/modelgen/builtin/reward-model.ts';
import { POSITIVE_CONTINUATION_TASK } from '../src/modelgen/builtin/task.ts';
import { loadGenerator, loadRewardModel } from '../src/models/index.ts';
import { writeModelFolder } from '../src/testing/model-folder-fs.ts';
import { sampleContinuations } from './lib/sampleContinuations.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '32' },
    'max-new-tokens': { type: 'string', default: '64' },
    seed: { type: 'string', default: '1' },
  },
});
const N = Number(values.n);
const MAX_NEW = Number(values['max-new-tokens']);
const SEED = Number(values.seed);
const DECISION_LENGTHS = [4, 8, 16, 32];
const SAMPLING: SamplingConfig = { temperature: 1, topK: 50, topP: 1 };
const OUT = '.cache/measure-builtin';
const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const bytesOf = (files: Map<string, Uint8Array>) => [...files.values()].reduce((s, b) => s + b.length, 0);

// 1. Build.
const documents = await readBrownCorpus();
let started = performance.now();
const params = fitGenerator(documents, BUILTIN_GENERATOR_HYPERPARAMETERS);
const genFiles = generatorFiles(params);
const genMs = performance.now() - started;
started = performance.now();
const rewardFiles = buildBuiltinRewardModel(await readAfinn165());
const rewardMs = performance.now() - started;
console.log('## Build (this machine, one thread)\n');
console.log('| model | build ms | size KiB |\n|---|---|---|');
console.log(`| generator | ${genMs.toFixed(0)} | ${(bytesOf(genFiles) / 1024).toFixed(0)} |`);
console.log(`| reward model | ${rewardMs.toFixed(0)} | ${(bytesOf(rewardFiles) / 1024).toFixed(0)} |\n`);

// 2. Held-out perplexity.
const { fit, heldOut } = splitHeldOut(documents);
const fitted = fitGenerator(fit, BUILTIN_GENERATOR_HYPERPARAMETERS);
console.log(`## Held-out perplexity (${fit.length} texts fitted, ${heldOut.length} held out)\n`);
console.log('| model | perplexity | positions |\n|---|---|---|');
for (const { name, params: variant } of termAblations(fitted)) {
  const { perplexity, positions } = heldOutPerplexity(variant, heldOut);
  console.log(`| ${name} | ${perplexity.toFixed(1)} | ${positions} |`);
}

// 3. Partial vs final reward.
const genFolder = (await writeModelFolder(`${OUT}/generator`, genFiles)).folder;
const rewardFolder = (await writeModelFolder(`${OUT}/reward`, rewardFiles)).folder;
const generator = await loadGenerator({ kind: 'path', path: genFolder }, { device: 'cpu', dtype: 'fp32' });
const scorer = await loadRewardModel({ kind: 'path', path: rewardFolder }, { device: 'cpu', dtype: 'fp32' });
const prompts = POSITIVE_CONTINUATION_TASK.examplePrompts;
const { samples, decodedTokens, decodeMs } = await sampleContinuations(generator, prompts, {
  n: N,
  maxNewTokens: MAX_NEW,
  seed: SEED,
  sampling: SAMPLING,
});

const texts = samples.map((s) => generator.decode(s.tokens));
/** Reward-model scores of responses to the prompts of `rows` (sample indices). */
const scoreResponses = async (rows: readonly number[], responses: readonly string[]) =>
  (await scorer.score(rows.map((i, k) => ({ prompt: prompts[samples[i]!.prompt]!, response: responses[k]! })))).scores;
const finals = await scoreResponses(samples.map((_, i) => i), texts);

console.log(`\n## Samples: ${prompts.length} prompts x ${N}, up to ${MAX_NEW} tokens, T=1, top-k 50\n`);
const lengths = samples.map((s) => s.tokens.length);
const tokensPerSecond = decodedTokens / (decodeMs / 1000);
const endedShare = (100 * samples.filter((s) => s.ended).length) / samples.length;
console.log(`- decode: ${decodedTokens} row-steps in ${decodeMs.toFixed(0)} ms (${fmt(tokensPerSecond, 0)} tokens/s at batch ${N}, CPU)`);
console.log(`- mean length ${fmt(mean(lengths), 1)} tokens; ${fmt(endedShare, 1)}% ended with end-of-text`);
const bestPerPrompt = prompts.map((_, p) => Math.max(...finals.filter((_, i) => samples[i]!.prompt === p)));
console.log(`- mean final reward of a sample ${fmt(mean(finals))}; of the Best-of-${N} pick per prompt ${fmt(mean(bestPerPrompt))}`);

console.log('\n## Partial vs final reward\n');
console.log('Rows still generating at L (longer than L tokens); tau within prompt = mean over prompts.\n');
console.log('| L | rows | Pearson | Kendall tau | tau within prompt |\n|---|---|---|---|---|');
for (const length of DECISION_LENGTHS) {
  const rows = samples.map((s, i) => i).filter((i) => samples[i]!.tokens.length > length);
  const partial = await scoreResponses(
    rows,
    rows.map((i) => generator.decode(samples[i]!.tokens.slice(0, length))),
  );
  const final = rows.map((i) => finals[i]!);
  const within = prompts
    .map((_, p) => rows.flatMap((i, k) => (samples[i]!.prompt === p ? [k] : [])))
    .filter((ks) => ks.length >= 3)
    .map((ks) => kendallTauB(ks.map((k) => partial[k]!), ks.map((k) => final[k]!)))
    .filter(Number.isFinite);
  const cells = [length, rows.length, fmt(pearson(partial, final)), fmt(kendallTauB(partial, final)), fmt(mean(within))];
  console.log(`| ${cells.join(' | ')} |`);
}

console.log('\n## Best and worst continuation of the first prompts\n');
for (const p of [0, 1, 2]) {
  const indices = samples.map((s, i) => i).filter((i) => samples[i]!.prompt === p);
  indices.sort((a, b) => finals[b]! - finals[a]!);
  for (const [tag, i] of [['best', indices[0]!], ['worst', indices[indices.length - 1]!]] as const) {
    console.log(`- ${tag} (${fmt(finals[i]!, 2)}): ${JSON.stringify(prompts[p] + texts[i]!)}`);
  }
}
await generator.dispose();
await scorer.dispose();
