// The model pairs the benchmark compares methods on, loaded as the study loads them, with prompts that suit them.
import { readFile } from 'node:fs/promises';
import { parseStudyArgs } from '../study/args.ts';
import { loadStudyModels, type StudyModels } from '../study/loadStudyModels.ts';
import { readPrompts } from '../study/prompts.ts';

export interface Pair {
  readonly name: string;
  readonly description: string;
  readonly flags: readonly string[];
  /** A prompt file shipped in examples/prompts/. */
  readonly prompts: string;
}

const EXAMPLES = new URL('../../examples/prompts/', import.meta.url);

export const PAIRS: Readonly<Record<string, Pair>> = {
  builtin: {
    name: 'builtin',
    description: 'built-in word model, built-in positivity reward (its sentence starts)',
    flags: ['--generator', 'builtin', '--reward', 'builtin'],
    prompts: 'sentence-starts.json',
  },
  tuned: {
    name: 'tuned',
    description: 'built-in tuned word model, its implicit DPO reward against the plain one (sentence starts)',
    flags: ['--generator', 'builtin-brown-lm-positive', '--reference', 'builtin'],
    prompts: 'sentence-starts.json',
  },
  tiny: {
    name: 'tiny',
    description: 'tiny random LLaMA, tiny random reward model (AlpacaFarm instructions)',
    flags: ['--generator', 'tiny', '--reward', 'tiny'],
    prompts: 'alpacafarm-eval-805.json',
  },
};

export async function loadPair(pair: Pair): Promise<StudyModels> {
  const args = parseStudyArgs([...pair.flags, '--prompts', 'unused'])!;
  return loadStudyModels(args, () => {});
}

export async function pairPrompts(pair: Pair, limit: number): Promise<string[]> {
  const path = new URL(pair.prompts, EXAMPLES);
  await readFile(path); // a clear error when the file is missing
  return readPrompts(path.pathname, limit);
}
