import { describe, expect, it } from 'vitest';
import { improvementScore, kendallTauB, pearson, roundHalfEven } from './stats.ts';

describe('roundHalfEven', () => {
  it('rounds halves to the even neighbour, like Python', () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, -1.5].map(roundHalfEven)).toEqual([0, 2, 2, 4, 0, -2]);
    expect([2.4, 2.6, 7, 0.49999].map(roundHalfEven)).toEqual([2, 3, 7, 0]);
    // (1 - 0.5) x 5 = 2.5 keeps 2 of 5, as round() does in the reference.
    expect(roundHalfEven((1 - 0.5) * 5)).toBe(2);
    // (1 - 0.7) x 10 is 3.0000000000000004 in floating point: 3.
    expect(roundHalfEven((1 - 0.7) * 10)).toBe(3);
  });
});

describe('pearson', () => {
  it('matches a hand computation', () => {
    // dx = [-2,-1,0,1,2], dy = [-2,0,1,0,1]: sxy = 6, sxx = 10, syy = 6 -> 6 / sqrt(60).
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('is NaN for a constant side or fewer than two points', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([1], [2])).toBeNaN();
    expect(() => pearson([1, 2], [1])).toThrow(/differ in length/);
  });
});

describe('kendallTauB', () => {
  it('matches a hand computation with ties', () => {
    // 10 pairs: 7 concordant, 1 discordant, 2 tied in y only -> (7 - 1) / sqrt(10 x 8).
    expect(kendallTauB([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(80), 12);
  });

  it('is 1 / -1 for monotone data and handles ties on both sides', () => {
    expect(kendallTauB([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTauB([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    // x ties (1,1) and y ties (5,5) in the same pair count for neither side's untied totals.
    // Pairs: (0,1) both tied; (0,2) C; (1,2) C -> 2 / sqrt(2 x 2) = 1.
    expect(kendallTauB([1, 1, 2], [5, 5, 6])).toBe(1);
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('improvementScore', () => {
  it('is 100 x (1 + mean((best - bestBoN) / (bestBoN - worstBoN)))', () => {
    const result = improvementScore([
      { methodBest: 5, baselineBest: 4, baselineWorst: 2 },
      { methodBest: 3, baselineBest: 3, baselineWorst: 1 },
      { methodBest: 0, baselineBest: 1, baselineWorst: -1 },
    ]);
    // ratios 0.5, 0, -0.5 -> mean 0 -> 100.
    expect(result).toEqual({ score: 100, prompts: 3, skipped: 0 });
    expect(improvementScore([{ methodBest: 5, baselineBest: 4, baselineWorst: 2 }]).score).toBe(150);
  });

  it('skips prompts whose baseline responses all scored the same', () => {
    expect(improvementScore([{ methodBest: 2, baselineBest: 1, baselineWorst: 1 }])).toEqual({ score: NaN, prompts: 0, skipped: 1 });
  });
});
