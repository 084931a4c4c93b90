// Figures for the built-in models (CPU, onnxruntime-node); prints tables, asserts nothing.
//  1. Build: time and size of both model folders.
//  2. Generator quality: held-out perplexity (fitted without every 25th text) of the unigram,
//     bigram-only and full model.
//  3. The reward model's fitted valences: the regularisation chosen and the held-out fit.
//  4. Partial vs final reward, as in the Speculative Rejection paper's figure: N sampled
//     continuations per example prompt (the engine's seeded sampler, through loadGenerator),
//     scored on their first L tokens and complete, by the reward model from AFINN alone (before)
//     and with fitted valences (shipped, after): share of exactly tied partial scores within a
//     prompt, Pearson and Kendall tau; then both partial rewards against the AFINN-alone final one.
// Usage: npx tsx scripts/measure-builtin.ts [--n 32] [--max-new-tokens 64] [--seed 1]
import { parseArgs } from 'node:util';
import type { SamplingConfig } from '../src/core/config.ts';
import { keepTopFraction } from '../src/core/selection.ts';
import { kendallTauB, mean, pearson } from '../src/core/stats.ts';
import { generatorFiles } from '../src/modelgen/builtin/generator-files.ts';
import { BUILTIN_GENERATOR_HYPERPARAMETERS, fitGenerator } from '../src/modelgen/builtin/generator-parameters.ts';
import { heldOutPerplexity, splitHeldOut, termAblations } from '../src/modelgen/builtin/held-out-perplexity.ts';
import { readAfinn165, readBrownCorpus } from '../src/modelgen/builtin/read-package-data.ts';
import { buildBuiltinRewardModel } from '../src/modelgen/builtin/reward-model.ts';
import { fitWordValences } from '../src/modelgen/builtin/word-valence.ts';
import { POSITIVE_CONTINUATION_TASK } from '../src/modelgen/builtin/task.ts';
import { loadGenerator, loadRewardModel } from '../src/models/index.ts';
import { writeModelFolder } from '../src/testing/model-folder-fs.ts';
import { rowsLongerThan, scorePrefixes, tiedShare } from './lib/partialRewards.ts';
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
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const bytesOf = (files: Map<string, Uint8Array>) => [...files.values()].reduce((s, b) => s + b.length, 0);

// 1. Build.
const documents = await readBrownCorpus();
let started = performance.now();
const params = fitGenerator(documents, BUILTIN_GENERATOR_HYPERPARAMETERS);
const genFiles = generatorFiles(params);
const genMs = performance.now() - started;
const afinn = await readAfinn165();
started = performance.now();
const valences = fitWordValences(params, afinn);
const rewardFiles = buildBuiltinRewardModel(afinn, { tokens: params.tokens, valence: valences.valence });
const rewardMs = performance.now() - started;
const afinnOnlyFiles = buildBuiltinRewardModel(afinn);
console.log('## Build (this machine, one thread)\n');
console.log('| model | build ms | size KiB |\n|---|---|---|');
console.log(`| generator | ${genMs.toFixed(0)} | ${(bytesOf(genFiles) / 1024).toFixed(0)} |`);
console.log(`| reward model (valence fit + build, after the generator) | ${rewardMs.toFixed(0)} | ${(bytesOf(rewardFiles) / 1024).toFixed(0)} |`);
console.log(`| reward model, AFINN alone (before) | - | ${(bytesOf(afinnOnlyFiles) / 1024).toFixed(0)} |\n`);

// 2. Held-out perplexity.
const { fit, heldOut } = splitHeldOut(documents);
const fitted = fitGenerator(fit, BUILTIN_GENERATOR_HYPERPARAMETERS);
console.log(`## Held-out perplexity (${fit.length} texts fitted, ${heldOut.length} held out)\n`);
console.log('| model | perplexity | positions |\n|---|---|---|');
for (const { name, params: variant } of termAblations(fitted)) {
  const { perplexity, positions } = heldOutPerplexity(variant, heldOut);
  console.log(`| ${name} | ${perplexity.toFixed(1)} | ${positions} |`);
}

// 3. Fitted valences.
const { heldOut: valenceFit } = valences;
const count = (source: string) => valences.source.filter((s) => s === source).length;
console.log('\n## Word valences (reward model)\n');
console.log(`- ${count('afinn')} generator words rated by AFINN (kept), ${count('fitted')} fitted, ${count('neutral')} kept at 0 (punctuation, "'s", specials)`);
console.log(`- ridge lambda ${valences.lambda} (4-fold cross-validation); held-out fold of ${valenceFit.words} words: Pearson ${fmt(valenceFit.pearsonRated)} with AFINN on its ${valenceFit.ratedWords} rated words, ${fmt(valenceFit.pearsonAll)} over all (unrated = 0)`);
const fittedIds = params.tokens.flatMap((_, id) => (valences.source[id] === 'fitted' ? [id] : []));
const fittedAbs = fittedIds.map((id) => Math.abs(valences.valence[id]!));
const probability = fittedIds.map((id) => Math.exp(params.bias[id]!));
const weightedMean = fittedIds.reduce((sum, id, k) => sum + probability[k]! * valences.valence[id]!, 0) / probability.reduce((a, b) => a + b, 0);
console.log(`- fitted valences: mean |v| ${fmt(mean(fittedAbs))}, ${pct(fittedAbs.filter((v) => v <= 0.3).length / fittedAbs.length)} within ±0.3, largest |v| ${fmt(Math.max(...fittedAbs))}, mean weighted by word frequency ${fmt(weightedMean)}`);
const byValence = [...fittedIds].sort((a, b) => valences.valence[a]! - valences.valence[b]!);
const show = (ids: readonly number[]) => ids.map((id) => `${params.tokens[id]!.trim()} ${fmt(valences.valence[id]!, 2)}`).join(', ');
console.log(`- most negative fitted: ${show(byValence.slice(0, 8))}`);
console.log(`- most positive fitted: ${show(byValence.slice(-8).reverse())}`);
console.log(`- frequent words: ${show([' the', ' and', ' was', ' there', ' not'].map((t) => params.tokens.indexOf(t)))}`);

// 4. Partial vs final reward, AFINN alone (before) vs fitted valences (after).
const genFolder = (await writeModelFolder(`${OUT}/generator`, genFiles)).folder;
const cpu = { device: 'cpu', dtype: 'fp32' } as const;
const generator = await loadGenerator({ kind: 'path', path: genFolder }, cpu);
const scorers = {
  before: await loadRewardModel({ kind: 'path', path: (await writeModelFolder(`${OUT}/reward-afinn-only`, afinnOnlyFiles)).folder }, cpu),
  after: await loadRewardModel({ kind: 'path', path: (await writeModelFolder(`${OUT}/reward`, rewardFiles)).folder }, cpu),
};
const prompts = POSITIVE_CONTINUATION_TASK.examplePrompts;
const { samples, decodedTokens, decodeMs } = await sampleContinuations(generator, prompts, {
  n: N,
  maxNewTokens: MAX_NEW,
  seed: SEED,
  sampling: SAMPLING,
});
const all = samples.map((_, i) => i);
const finals = {
  before: await scorePrefixes(generator, scorers.before, prompts, samples, all),
  after: await scorePrefixes(generator, scorers.after, prompts, samples, all),
};

console.log(`\n## Samples: ${prompts.length} prompts x ${N}, up to ${MAX_NEW} tokens, T=1, top-k 50\n`);
const lengths = samples.map((s) => s.tokens.length);
const tokensPerSecond = decodedTokens / (decodeMs / 1000);
const endedShare = (100 * samples.filter((s) => s.ended).length) / samples.length;
console.log(`- decode: ${decodedTokens} row-steps in ${decodeMs.toFixed(0)} ms (${fmt(tokensPerSecond, 0)} tokens/s at batch ${N}, CPU)`);
console.log(`- mean length ${fmt(mean(lengths), 1)} tokens; ${fmt(endedShare, 1)}% ended with end-of-text`);
const bestPerPrompt = (rewards: readonly number[]) =>
  prompts.map((_, p) => Math.max(...rewards.filter((_, i) => samples[i]!.prompt === p)));
for (const which of ['before', 'after'] as const) {
  const name = which === 'before' ? 'AFINN alone' : 'fitted valences';
  console.log(`- ${name}: mean final reward of a sample ${fmt(mean(finals[which]))}; of the Best-of-${N} pick per prompt ${fmt(mean(bestPerPrompt(finals[which])))}`);
}
console.log(`- final rewards, fitted vs AFINN alone: Pearson ${fmt(pearson(finals.after, finals.before))}, Kendall tau ${fmt(kendallTauB(finals.after, finals.before))}`);

const beforeAfter = (cell: (which: 'before' | 'after') => string) => `${cell('before')} → ${cell('after')}`;
/** Rows (positions in `groups`) of each prompt with at least 3 of them. */
const pools = (groups: readonly number[]) =>
  prompts.map((_, p) => groups.flatMap((g, k) => (g === p ? [k] : []))).filter((ks) => ks.length >= 3);
/** Kendall tau within each prompt's pool, averaged (Speculative Rejection ranks within a prompt). */
const tauWithin = (groups: readonly number[], x: readonly number[], y: readonly number[]) =>
  mean(pools(groups).map((ks) => kendallTauB(ks.map((k) => x[k]!), ks.map((k) => y[k]!))).filter(Number.isFinite));
/** Mean of `y` over the half of each pool that a cut at alpha = 0.5 on `x` keeps (ties to the lower row, as the engine). */
const keptHalfMean = (groups: readonly number[], x: readonly number[], y: readonly number[]) =>
  mean(pools(groups).map((ks) => mean([...keepTopFraction(ks.map((k) => ({ id: k, reward: x[k]! })), 0.5)].map((k) => y[k]!))));

const results = [];
for (const length of DECISION_LENGTHS) {
  const rows = rowsLongerThan(samples, length);
  const groups = rows.map((i) => samples[i]!.prompt);
  const partial = {
    before: await scorePrefixes(generator, scorers.before, prompts, samples, rows, length),
    after: await scorePrefixes(generator, scorers.after, prompts, samples, rows, length),
  };
  const final = { before: rows.map((i) => finals.before[i]!), after: rows.map((i) => finals.after[i]!) };
  results.push({ length, rows, groups, partial, final });
}

console.log('\n## Partial vs final reward: AFINN alone (before) -> fitted valences (after)\n');
console.log('Rows still generating at L (longer than L tokens), scored on their first L tokens; final: the same reward model on');
console.log('the whole sample. Tied: the partial score equals another row\'s of the same prompt exactly.\n');
console.log('| L | rows | tied | Pearson | Kendall tau | tau within prompt |\n|---|---|---|---|---|---|');
for (const { length, rows, groups, partial, final } of results) {
  const cells = [
    length,
    rows.length,
    beforeAfter((w) => pct(tiedShare(partial[w], groups))),
    beforeAfter((w) => fmt(pearson(partial[w], final[w]), 2)),
    beforeAfter((w) => fmt(kendallTauB(partial[w], final[w]), 2)),
    beforeAfter((w) => fmt(tauWithin(groups, partial[w], final[w]), 2)),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

console.log('\n## The same yardstick: each partial reward against the final reward from AFINN alone\n');
console.log('Kept half: mean final AFINN-alone reward of the rows a cut at alpha = 0.5 keeps in each prompt\'s pool');
console.log('(ties go to the earlier row, as in the engine); all rows: the mean before any cut.\n');
console.log('| L | tau within prompt | kept half | all rows |\n|---|---|---|---|');
for (const { length, groups, partial, final } of results) {
  const cells = [
    length,
    beforeAfter((w) => fmt(tauWithin(groups, partial[w], final.before), 2)),
    beforeAfter((w) => fmt(keptHalfMean(groups, partial[w], final.before))),
    fmt(mean(final.before)),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

console.log('\n## Best and worst continuation of the first prompts (fitted valences)\n');
const texts = samples.map((s) => generator.decode(s.tokens));
for (const p of [0, 1, 2]) {
  const indices = all.filter((i) => samples[i]!.prompt === p);
  indices.sort((a, b) => finals.after[b]! - finals.after[a]!);
  for (const [tag, i] of [['best', indices[0]!], ['worst', indices[indices.length - 1]!]] as const) {
    console.log(`- ${tag} (${fmt(finals.after[i]!, 2)}): ${JSON.stringify(prompts[p] + texts[i]!)}`);
  }
}
await generator.dispose();
for (const scorer of Object.values(scorers)) await scorer.dispose();
