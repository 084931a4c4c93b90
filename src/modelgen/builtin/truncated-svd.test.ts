// Pure numerics: the randomized SVD against matrices with known singular values.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { denseOperator, symmetricEigen, truncatedSvd } from './truncated-svd.ts';

/** A = sum_k s_k u_k v_kᵀ with orthonormal u, v built by Gram-Schmidt of random vectors. */
function knownMatrix(rows: number, cols: number, singular: readonly number[]) {
  const random = seededRandom(7);
  const orthonormal = (n: number) => {
    const vs: Float64Array[] = [];
    for (let k = 0; k < singular.length; k++) {
      const v = Float64Array.from({ length: n }, () => random.symmetric(1));
      for (const u of vs) {
        const dot = v.reduce((s, x, i) => s + x * u[i]!, 0);
        v.forEach((x, i) => (v[i] = x - dot * u[i]!));
      }
      const norm = Math.hypot(...v);
      vs.push(v.map((x) => x / norm));
    }
    return vs;
  };
  const u = orthonormal(rows);
  const v = orthonormal(cols);
  const a = new Float64Array(rows * cols);
  singular.forEach((s, k) => {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) a[i * cols + j]! += s * u[k]![i]! * v[k]![j]!;
  });
  return a;
}

describe('truncatedSvd', () => {
  it('recovers the singular values and reconstructs an exactly low-rank matrix', () => {
    const rows = 40;
    const cols = 30;
    const singular = [9, 5, 3, 1, 0.5];
    const a = knownMatrix(rows, cols, singular);
    const svd = truncatedSvd(denseOperator(a, rows, cols), 5, { seed: 1, oversample: 5, iterations: 2 });
    singular.forEach((s, k) => expect(svd.s[k]).toBeCloseTo(s, 8));
    let maxError = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        let value = 0;
        for (let k = 0; k < svd.rank; k++) value += svd.u[i * svd.rank + k]! * svd.s[k]! * svd.v[j * svd.rank + k]!;
        maxError = Math.max(maxError, Math.abs(value - a[i * cols + j]!));
      }
    }
    expect(maxError).toBeLessThan(1e-9);
  });

  it('keeps the leading directions when truncating below the rank', () => {
    const a = knownMatrix(25, 25, [10, 8, 0.1, 0.05]);
    const svd = truncatedSvd(denseOperator(a, 25, 25), 2, { seed: 3 });
    expect(svd.rank).toBe(2);
    expect(svd.s[0]).toBeCloseTo(10, 6);
    expect(svd.s[1]).toBeCloseTo(8, 6);
  });

  it('is deterministic for a seed', () => {
    const a = knownMatrix(20, 15, [4, 2, 1]);
    const first = truncatedSvd(denseOperator(a, 20, 15), 3, { seed: 5 });
    const second = truncatedSvd(denseOperator(a, 20, 15), 3, { seed: 5 });
    expect(Array.from(second.u)).toEqual(Array.from(first.u));
  });
});

describe('symmetricEigen', () => {
  it('diagonalizes a symmetric matrix: A v = lambda v', () => {
    const n = 6;
    const random = seededRandom(11);
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) m[i * n + j] = m[j * n + i] = random.symmetric(1);
    const { values, vectors } = symmetricEigen(m, n);
    for (let e = 0; e < n; e++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += m[i * n + j]! * vectors[j * n + e]!;
        expect(av).toBeCloseTo(values[e]! * vectors[i * n + e]!, 10);
      }
    }
  });
});
