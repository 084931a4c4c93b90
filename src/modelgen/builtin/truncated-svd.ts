// Truncated SVD by randomized subspace iteration (Halko, Martinsson & Tropp 2011): the top
// singular triplets of a matrix known only through products with blocks of vectors, so a
// sparse count matrix never has to be made dense. Deterministic for a given seed.
import { seededRandom } from '../seeded-random.ts';

/** A rows x cols matrix seen through block products. Blocks are row-major [n x width]. */
export interface LinearOperator {
  readonly rows: number;
  readonly cols: number;
  /** A X for X of shape [cols x width]; returns [rows x width]. */
  times(x: Float64Array, width: number): Float64Array;
  /** Aᵀ Y for Y of shape [rows x width]; returns [cols x width]. */
  transposeTimes(y: Float64Array, width: number): Float64Array;
}

/** A dense row-major [rows x cols] matrix as a LinearOperator. */
export function denseOperator(a: Float64Array, rows: number, cols: number): LinearOperator {
  return {
    rows,
    cols,
    times(x, width) {
      const y = new Float64Array(rows * width);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const value = a[i * cols + j]!;
          for (let k = 0; k < width; k++) y[i * width + k]! += value * x[j * width + k]!;
        }
      }
      return y;
    },
    transposeTimes(y, width) {
      const x = new Float64Array(cols * width);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const value = a[i * cols + j]!;
          for (let k = 0; k < width; k++) x[j * width + k]! += value * y[i * width + k]!;
        }
      }
      return x;
    },
  };
}

export interface SvdResult {
  readonly rank: number;
  /** Left singular vectors, row-major [rows x rank]. */
  readonly u: Float64Array;
  /** Singular values, descending. */
  readonly s: Float64Array;
  /** Right singular vectors, row-major [cols x rank]. */
  readonly v: Float64Array;
}

/**
 * Orthonormalize the columns of Q [n x width] in place: classical Gram-Schmidt applied twice
 * per column ("twice is enough"), with loops running along rows so memory is read in order.
 */
function orthonormalizeColumns(q: Float64Array, n: number, width: number): void {
  const dots = new Float64Array(width);
  for (let j = 0; j < width; j++) {
    for (let pass = 0; pass < 2; pass++) {
      dots.fill(0);
      for (let i = 0; i < n; i++) {
        const row = i * width;
        const x = q[row + j]!;
        for (let k = 0; k < j; k++) dots[k]! += x * q[row + k]!;
      }
      for (let i = 0; i < n; i++) {
        const row = i * width;
        let x = q[row + j]!;
        for (let k = 0; k < j; k++) x -= dots[k]! * q[row + k]!;
        q[row + j] = x;
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i * width + j]! ** 2;
    norm = Math.sqrt(norm);
    // A column that vanished (rank deficiency) stays zero rather than becoming noise.
    const scale = norm > 1e-300 ? 1 / norm : 0;
    for (let i = 0; i < n; i++) q[i * width + j]! *= scale;
  }
}

/** Eigen-decomposition of a symmetric [n x n] matrix by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i++) vectors[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = vectors[k * n + p]!;
          const vkq = vectors[k * n + q]!;
          vectors[k * n + p] = c * vkp - s * vkq;
          vectors[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors };
}

export interface SvdOptions {
  readonly seed: number;
  /** Extra directions sampled beyond `rank` (accuracy of the trailing triplets). */
  readonly oversample?: number;
  /** Power iterations (accuracy when singular values decay slowly). */
  readonly iterations?: number;
}

export function truncatedSvd(op: LinearOperator, rank: number, options: SvdOptions): SvdResult {
  const width = Math.min(rank + (options.oversample ?? 10), op.rows, op.cols);
  const random = seededRandom(options.seed);
  const omega = new Float64Array(op.cols * width);
  for (let i = 0; i < omega.length; i++) omega[i] = random.symmetric(1);
  let q = op.times(omega, width);
  orthonormalizeColumns(q, op.rows, width);
  for (let it = 0; it < (options.iterations ?? 3); it++) {
    const z = op.transposeTimes(q, width);
    orthonormalizeColumns(z, op.cols, width);
    q = op.times(z, width);
    orthonormalizeColumns(q, op.rows, width);
  }
  // B = Qᵀ A is small [width x cols]; B Bᵀ = Wᵀ diag(σ²) W gives A ≈ (Q W) diag(σ) (Bᵀ W / σ)ᵀ.
  const bt = op.transposeTimes(q, width);
  const gram = new Float64Array(width * width);
  for (let i = 0; i < op.cols; i++) {
    for (let a = 0; a < width; a++) {
      const x = bt[i * width + a]!;
      for (let b = 0; b < width; b++) gram[a * width + b]! += x * bt[i * width + b]!;
    }
  }
  const { values, vectors } = symmetricEigen(gram, width);
  const order = Array.from({ length: width }, (_, i) => i).sort((i, j) => values[j]! - values[i]! || i - j);
  const kept = order.slice(0, Math.min(rank, width));
  const s = Float64Array.from(kept, (i) => Math.sqrt(Math.max(values[i]!, 0)));
  const u = new Float64Array(op.rows * kept.length);
  const v = new Float64Array(op.cols * kept.length);
  kept.forEach((e, k) => {
    for (let i = 0; i < op.rows; i++) {
      let sum = 0;
      for (let a = 0; a < width; a++) sum += q[i * width + a]! * vectors[a * width + e]!;
      u[i * kept.length + k] = sum;
    }
    const inv = s[k]! > 0 ? 1 / s[k]! : 0;
    for (let i = 0; i < op.cols; i++) {
      let sum = 0;
      for (let a = 0; a < width; a++) sum += bt[i * width + a]! * vectors[a * width + e]!;
      v[i * kept.length + k] = sum * inv;
    }
  });
  return { rank: kept.length, u, s, v };
}
