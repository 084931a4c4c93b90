// Valences for every generator word: on hand-made vectors where the answer is known, and on the
// real Brown-corpus generator and AFINN-165 (the held-out fit the builtin README reports).
import { beforeAll, describe, expect, it } from 'vitest';
import { pearson } from '../../core/stats.ts';
import { BUILTIN_GENERATOR_HYPERPARAMETERS, fitGenerator, type GeneratorParameters } from './generator-parameters.ts';
import { readAfinn165, readBrownCorpus } from './read-package-data.ts';
import { VALENCE_RIDGE_LAMBDAS, fitWordValences, wordVectors } from './word-valence.ts';

/**
 * 100 words whose one bigram-input coordinate is their "meaning" m in [-2, 2): the lexicon rates
 * the words with |m| > 1.2 as ±3 and leaves the rest out, as AFINN leaves out neutral words.
 */
function handMade(): { params: GeneratorParameters; meaning: number[]; afinn: Record<string, number> } {
  const count = 100;
  const meaning = Array.from({ length: count }, (_, i) => -2 + (4 * ((i * 37) % count)) / count);
  const tokens = ['<|endoftext|>', '<unk>', '.', "##'s", ...meaning.map((_, i) => ` w${i}`)];
  const v = tokens.length;
  const bigramInput = Float32Array.from(tokens, (_, id) => (id < 4 ? 0 : meaning[id - 4]!));
  // A second, meaningless feature.
  const topicValue = Float32Array.from(tokens, (_, id) => ((id * 7919) % 13) / 13);
  const params: GeneratorParameters = {
    tokens, bigramRank: 1, topicDims: 1, corrections: 1,
    bias: new Float32Array(v), bigramInput, bigramOutput: new Float32Array(v),
    correctionIndex: new Int32Array(v), correctionValue: new Float32Array(v), topicValue, topicOutput: new Float32Array(v),
    salience: new Float32Array(v), recency: 0,
  };
  const afinn: Record<string, number> = {};
  meaning.forEach((m, i) => {
    if (Math.abs(m) > 1.2) afinn[`w${i}`] = Math.sign(m) * 3;
  });
  return { params, meaning, afinn };
}

describe('wordVectors', () => {
  it('lays out bigram input, bigram output and topic vector side by side', () => {
    const { params } = handMade();
    const { features, width } = wordVectors({ ...params, bigramOutput: Float32Array.from(params.tokens, (_, id) => -id) });
    expect(width).toBe(3);
    expect([...features.subarray(5 * width, 6 * width)]).toEqual([params.bigramInput[5], -5, params.topicValue[5]]);
  });
});

describe('fitWordValences on hand-made vectors', () => {
  const { params, meaning, afinn } = handMade();
  const fitted = fitWordValences(params, afinn);

  it('keeps the lexicon\'s values and 0 for punctuation, "\'s" and the specials', () => {
    params.tokens.forEach((token, id) => {
      const word = token.slice(1);
      if (Object.hasOwn(afinn, word)) {
        expect(fitted.source[id]).toBe('afinn');
        expect(fitted.valence[id]).toBe(afinn[word]);
      } else if (id < 4) {
        expect(fitted.source[id]).toBe('neutral');
        expect(fitted.valence[id]).toBe(0);
      } else {
        expect(fitted.source[id]).toBe('fitted');
      }
    });
  });

  it('gives unrated words a valence that follows their vectors, smaller than the rated ones', () => {
    const ids = params.tokens.flatMap((_, id) => (fitted.source[id] === 'fitted' ? [id] : []));
    expect(ids.length).toBeGreaterThan(40);
    const values = ids.map((id) => fitted.valence[id]!);
    expect(pearson(values, ids.map((id) => meaning[id - 4]!))).toBeGreaterThan(0.95);
    for (const value of values) expect(Math.abs(value)).toBeLessThan(3);
    // Distinct words, distinct valences: nothing is left exactly tied at 0.
    expect(new Set(values).size).toBe(values.length);
  });

  it('picks the penalty from its grid and reports the held-out fit', () => {
    expect(VALENCE_RIDGE_LAMBDAS).toContain(fitted.lambda);
    expect(fitted.heldOut.words).toBe(20);
    expect(fitted.heldOut.ratedWords).toBeGreaterThan(3);
    expect(fitted.heldOut.pearsonRated).toBeGreaterThan(0.9);
  });
});

describe('fitWordValences on the Brown generator and AFINN-165', () => {
  let params: GeneratorParameters;
  let afinn: Record<string, number>;
  beforeAll(async () => {
    params = fitGenerator(await readBrownCorpus(), BUILTIN_GENERATOR_HYPERPARAMETERS);
    afinn = await readAfinn165();
  });

  it('predicts held-out AFINN valences from the generator\'s vectors, and gives the same bits twice', () => {
    const fitted = fitWordValences(params, afinn);
    // Measured by scripts/measure-builtin.ts: Pearson 0.57 on the 101 held-out rated words.
    expect(fitted.heldOut.ratedWords).toBeGreaterThan(80);
    expect(fitted.heldOut.pearsonRated).toBeGreaterThan(0.5);
    expect(fitted.source.filter((s) => s === 'fitted').length).toBeGreaterThan(3000);
    const again = fitWordValences(params, afinn);
    expect(Buffer.from(again.valence.buffer).equals(Buffer.from(fitted.valence.buffer))).toBe(true);
  });

  it('keeps unrated words near neutral: fitted valences are a fraction of AFINN\'s', () => {
    const { valence, source } = fitWordValences(params, afinn);
    const values = [...valence].filter((_, id) => source[id] === 'fitted');
    const meanAbs = values.reduce((s, v) => s + Math.abs(v), 0) / values.length;
    expect(meanAbs).toBeLessThan(0.3);
    expect(Math.max(...values.map(Math.abs))).toBeLessThan(1);
  });
});
