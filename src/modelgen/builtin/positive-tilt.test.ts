// The positive tilt on hand-made parameters (pure: no model is built or run here).
import { describe, expect, it } from 'vitest';
import type { GeneratorParameters } from './generator-parameters.ts';
import { tiltTowardValence, tokenValence } from './positive-tilt.ts';

const afinn = { good: 3, bad: -3, superb: 5 };

function parameters(tokens: string[]): GeneratorParameters {
  const v = tokens.length;
  return {
    tokens, bigramRank: 1, topicDims: 1, corrections: 1,
    bias: Float32Array.from(tokens, (_, i) => i / 2), bigramInput: new Float32Array(v), bigramOutput: new Float32Array(v),
    correctionIndex: new Int32Array(v), correctionValue: new Float32Array(v), topicValue: new Float32Array(v), topicOutput: new Float32Array(v),
    salience: new Float32Array(v), recency: 0,
  };
}

describe('tokenValence', () => {
  it('rates whole words only: " good" is good, "good" (a word piece) and punctuation are neutral', () => {
    expect(tokenValence(' good', afinn)).toBe(3);
    expect(tokenValence(' bad', afinn)).toBe(-3);
    expect(tokenValence('good', afinn)).toBe(0);
    expect(tokenValence('.', afinn)).toBe(0);
    expect(tokenValence(' table', afinn)).toBe(0);
    expect(tokenValence(' constructor', afinn)).toBe(0); // not an inherited property of the lexicon object
  });
});

describe('tiltTowardValence', () => {
  it('raises each word\'s logit by valence / beta and leaves everything else as it was', () => {
    const base = parameters(['<|endoftext|>', '.', ' good', ' bad', ' table', ' superb']);
    const tilted = tiltTowardValence(base, [0, 0, 3, -3, 0.5, 5], 2);
    expect([...tilted.bias].map((b, i) => b - base.bias[i]!)).toEqual([0, 0, 1.5, -1.5, 0.25, 2.5]);
    expect(tilted.bigramInput).toBe(base.bigramInput);
    expect(tilted.tokens).toBe(base.tokens);
    expect([...base.bias]).toEqual([0, 0.5, 1, 1.5, 2, 2.5]); // the base is not modified
  });

  it('refuses a beta that is not positive', () => {
    expect(() => tiltTowardValence(parameters([' good']), [3], 0)).toThrow(/beta must be positive/);
  });

  it('refuses valences that do not match the vocabulary', () => {
    expect(() => tiltTowardValence(parameters([' good', ' bad']), [3])).toThrow(/one valence per token/);
  });
});
