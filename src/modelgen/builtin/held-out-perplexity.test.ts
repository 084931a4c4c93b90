// The generator fitted on the real Brown corpus predicts held-out texts better than its parts:
// each term of the model earns its place (pure TypeScript, the plain-loop reference forward).
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_GENERATOR_HYPERPARAMETERS, fitGenerator, type GeneratorParameters } from './generator-parameters.ts';
import { heldOutPerplexity, splitHeldOut, termAblations } from './held-out-perplexity.ts';
import { readBrownCorpus } from './read-package-data.ts';
import type { CorpusDocument } from './brown-corpus.ts';

let fitted: GeneratorParameters;
let heldOut: CorpusDocument[];

beforeAll(async () => {
  const split = splitHeldOut(await readBrownCorpus());
  heldOut = split.heldOut;
  fitted = fitGenerator(split.fit, BUILTIN_GENERATOR_HYPERPARAMETERS);
});

describe('held-out perplexity', () => {
  it('falls from unigram to bigram to bigram with corrections to the full model', () => {
    const results = termAblations(fitted).map(({ params }) => heldOutPerplexity(params, heldOut, 20));
    expect(results[0]!.positions).toBeGreaterThan(1500);
    for (let i = 1; i < results.length; i++) expect(results[i]!.perplexity).toBeLessThan(results[i - 1]!.perplexity);
    // A bigram model of English: far better than word frequencies alone.
    expect(results[3]!.perplexity).toBeLessThan(0.5 * results[0]!.perplexity);
  });
});
