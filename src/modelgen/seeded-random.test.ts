// Pure logic: the weight generator's determinism and moments.
import { describe, expect, it } from 'vitest';
import { deriveSeed, seededRandom } from './seeded-random.ts';

describe('seededRandom', () => {
  it('repeats a sequence for a seed and differs between seeds', () => {
    const a = seededRandom(42).fill(1000, 1);
    expect(seededRandom(42).fill(1000, 1)).toEqual(a);
    expect(seededRandom(43).fill(1000, 1)).not.toEqual(a);
  });

  it('fills with mean 0 and the requested standard deviation', () => {
    const values = seededRandom(1).fill(20000, 0.5);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(std).toBeGreaterThan(0.49);
    expect(std).toBeLessThan(0.51);
  });

  it('derives distinct seeds per label', () => {
    const seeds = ['layers.0.q_proj', 'layers.0.k_proj', 'layers.1.q_proj'].map((label) => deriveSeed(7, label));
    expect(new Set(seeds).size).toBe(3);
    expect(deriveSeed(7, 'x')).toBe(deriveSeed(7, 'x'));
    expect(deriveSeed(8, 'x')).not.toBe(deriveSeed(7, 'x'));
  });
});
