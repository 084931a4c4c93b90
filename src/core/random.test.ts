import { describe, expect, it } from 'vitest';
import { candidateRng, mix32 } from './random.ts';

const draws = (rng: () => number, n: number): number[] => Array.from({ length: n }, () => rng());

describe('candidate streams', () => {
  it('repeat for the same seed and candidate', () => {
    expect(draws(candidateRng(1, 5), 50)).toEqual(draws(candidateRng(1, 5), 50));
  });

  it('differ between candidates and between seeds', () => {
    const base = draws(candidateRng(1, 5), 20);
    expect(draws(candidateRng(1, 6), 20)).not.toEqual(base);
    expect(draws(candidateRng(2, 5), 20)).not.toEqual(base);
    // Seeds beyond 32 bits keep their high part.
    expect(draws(candidateRng(2 ** 32 + 1, 5), 20)).not.toEqual(draws(candidateRng(1, 5), 20));
    expect(draws(candidateRng(-1, 5), 20)).not.toEqual(draws(candidateRng(1, 5), 20));
  });

  it('are uniform on [0, 1)', () => {
    const xs = draws(candidateRng(42, 0), 20000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const deciles = new Array<number>(10).fill(0);
    for (const x of xs) deciles[Math.floor(x * 10)]!++;
    for (const count of deciles) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('mix32 spreads neighbouring keys', () => {
    expect(new Set([0, 1, 2, 3, 4].map(mix32)).size).toBe(5);
    expect(mix32(7)).toBe(mix32(7));
  });
});
