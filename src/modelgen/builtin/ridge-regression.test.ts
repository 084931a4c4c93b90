import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { fitRidge, ridgeProblem, solveSymmetricPositiveDefinite } from './ridge-regression.ts';

/** Rows of 3 random features and y = 2 + 3 x0 - x1 (+ noise): x2 is irrelevant. */
function linearData(rows: number, noise: number, seed = 5) {
  const random = seededRandom(seed);
  const features = Float64Array.from({ length: rows * 3 }, () => random.symmetric(2));
  const targets = Float64Array.from({ length: rows }, (_, i) => 2 + 3 * features[i * 3]! - features[i * 3 + 1]! + noise * random.symmetric(0.5));
  return { features, targets };
}

describe('solveSymmetricPositiveDefinite', () => {
  it('solves a known system, reading only the lower triangle', () => {
    // A = [[4, 2], [2, 3]], b = A · [1, 2] = [8, 8]; the upper entry is garbage and must be ignored.
    const x = solveSymmetricPositiveDefinite(Float64Array.from([4, 999, 2, 3]), 2, Float64Array.from([8, 8]));
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(2, 12);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => solveSymmetricPositiveDefinite(Float64Array.from([1, 0, 2, 1]), 2, Float64Array.from([1, 1]))).toThrow(
      /not positive definite/,
    );
  });
});

describe('fitRidge', () => {
  it('recovers a linear function when the penalty is tiny', () => {
    const { features, targets } = linearData(50, 0);
    const model = fitRidge(features, 50, 3, targets, 1e-9);
    const predicted = model.predict(Float64Array.from([0, 0, 0, 1, 1, 5, -1, 2, -3]), 3);
    expect(predicted[0]).toBeCloseTo(2, 6);
    expect(predicted[1]).toBeCloseTo(4, 6);
    expect(predicted[2]).toBeCloseTo(-3, 6);
  });

  it('shrinks predictions toward the mean target as the penalty grows, never the intercept', () => {
    const { features, targets } = linearData(200, 1);
    const meanTarget = targets.reduce((s, y) => s + y, 0) / targets.length;
    const spread = (lambda: number) => {
      const predicted = fitRidge(features, 200, 3, targets, lambda).predict(features, 200);
      const meanPredicted = predicted.reduce((s, y) => s + y, 0) / predicted.length;
      expect(meanPredicted).toBeCloseTo(meanTarget, 9); // the intercept is not penalised
      return Math.max(...predicted) - Math.min(...predicted);
    };
    const spreads = [1e-3, 10, 1e3, 1e7].map(spread);
    for (let i = 1; i < spreads.length; i++) expect(spreads[i]).toBeLessThan(spreads[i - 1]!);
    expect(spreads[3]).toBeLessThan(0.01);
  });

  it('gives the same model for the same data, and ridgeProblem the same as fitRidge', () => {
    const { features, targets } = linearData(30, 1);
    const a = fitRidge(features, 30, 3, targets, 3).predict(features, 30);
    const b = ridgeProblem(features, 30, 3, targets).fit(3).predict(features, 30);
    expect([...b]).toEqual([...a]);
  });

  it('copes with a constant column and refuses bad shapes or penalties', () => {
    const features = Float64Array.from([1, 7, 2, 7, 3, 7]);
    const predicted = fitRidge(features, 3, 2, Float64Array.from([2, 4, 6]), 1e-9).predict(Float64Array.from([4, 7]), 1);
    expect(predicted[0]).toBeCloseTo(8, 6);
    expect(() => fitRidge(features, 3, 3, Float64Array.from([1, 2, 3]), 1)).toThrow(/shapes/);
    expect(() => fitRidge(features, 3, 2, Float64Array.from([1, 2, 3]), 0)).toThrow(/lambda must be positive/);
  });
});
