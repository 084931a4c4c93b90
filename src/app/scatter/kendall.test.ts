import { describe, expect, it } from 'vitest';
import { kendallTauB } from '../../core/stats.ts';
import { kendallTauBFast } from './kendall.ts';

/** A small seeded generator, so a failure reproduces. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

describe('kendallTauBFast', () => {
  it('equals the pair-by-pair tau-b, with and without ties', () => {
    const random = lcg(7);
    for (const [n, levels] of [[2, 0], [3, 2], [12, 2], [17, 0], [64, 5], [300, 0], [1024, 12]] as const) {
      const draw = () => (levels === 0 ? random() : Math.floor(random() * levels));
      const x = Array.from({ length: n }, draw);
      const y = x.map((v) => (random() < 0.6 ? v + draw() : draw()));
      const expected = kendallTauB(x, y);
      if (Number.isNaN(expected)) expect(kendallTauBFast(x, y)).toBeNaN();
      else expect(kendallTauBFast(x, y)).toBeCloseTo(expected, 12);
    }
  });

  it('is 1 and -1 on orderings and NaN without spread or pairs', () => {
    expect(kendallTauBFast([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(kendallTauBFast([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(kendallTauBFast([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(kendallTauBFast([1], [1])).toBeNaN();
  });
});
