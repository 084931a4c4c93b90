import { describe, expect, it } from 'vitest';
import { defaultGenerator, defaultRewardModel, parseCatalog, referenceCandidates, referenceFor } from './catalog.ts';

const randomOnly = [
  { id: 'tiny-random-llama', label: 'Tiny random LLaMA', kind: 'generator', description: 'random weights', bytes: 1200 },
  { id: 'tiny-random-reward', label: 'Tiny random reward', kind: 'reward', description: 'random weights', bytes: 900 },
  { id: 'tiny-random-llama-base', label: 'Tiny random LLaMA (base)', kind: 'reference', description: 'random weights', bytes: 1200 },
];
const trained = [
  { id: 'brown-bigram', label: 'Brown-corpus LM', kind: 'generator', description: 'trained on the Brown corpus', bytes: 5000, trained: true },
  { id: 'afinn-sentiment', label: 'AFINN sentiment reward', kind: 'reward', description: 'word sentiment', bytes: 800, trained: true },
];

describe('catalog', () => {
  it('reads entries, skips malformed ones and labels random weights', () => {
    const catalog = parseCatalog([...randomOnly, { id: 3 }, { id: 'x', kind: 'tokenizer' }, null]);
    expect(catalog.map((e) => [e.id, e.kind, e.random])).toEqual([
      ['tiny-random-llama', 'generator', true], ['tiny-random-reward', 'reward', true], ['tiny-random-llama-base', 'reference', true],
    ]);
    expect(parseCatalog({ models: randomOnly })).toHaveLength(3);
    expect(parseCatalog('nonsense')).toEqual([]);
  });

  it('defaults to the random models when they are all there is', () => {
    const catalog = parseCatalog(randomOnly);
    expect(defaultGenerator(catalog)?.id).toBe('tiny-random-llama');
    expect(defaultRewardModel(catalog)?.id).toBe('tiny-random-reward');
    expect(referenceFor(catalog, 'tiny-random-llama')?.id).toBe('tiny-random-llama-base');
  });

  it('makes corpus-trained models the default as soon as the index lists them', () => {
    const catalog = parseCatalog([...randomOnly, ...trained]);
    expect(defaultGenerator(catalog)?.id).toBe('brown-bigram');
    expect(defaultRewardModel(catalog)?.id).toBe('afinn-sentiment');
  });

  it('pairs a reference with its generator when the index names it', () => {
    const catalog = parseCatalog([
      ...randomOnly,
      { id: 'brown-base', label: 'Brown base', kind: 'reference', bytes: 1, trained: true, referenceFor: 'brown-bigram' },
    ]);
    expect(referenceFor(catalog, 'brown-bigram')?.id).toBe('brown-base');
    expect(referenceFor(catalog, 'tiny-random-llama')?.id).toBe('tiny-random-llama-base');
  });

  it('lets a generator be another generator\'s base: the plain model is the reference of its tuned variant', () => {
    const catalog = parseCatalog([
      ...randomOnly,
      { id: 'brown', label: 'Brown', kind: 'generator', bytes: 1, trained: true, referenceFor: 'brown-positive' },
      { id: 'brown-positive', label: 'Brown, tuned positive', kind: 'generator', bytes: 1, trained: true },
    ]);
    expect(defaultGenerator(catalog)?.id).toBe('brown'); // the index's order among trained generators
    expect(referenceFor(catalog, 'brown-positive')?.id).toBe('brown');
    expect(referenceFor(catalog, 'brown')?.id).toBe('tiny-random-llama-base'); // no base of its own: an unpaired reference
    expect(referenceCandidates(catalog).map((e) => e.id)).toEqual(['tiny-random-llama-base', 'brown']);
  });
});
