// Ridge regression in closed form: features standardised per column, an unpenalised intercept,
// and (ZᵀZ + λI) β = Zᵀ(y − ȳ) solved by Cholesky. Plain loops in a fixed order, so the same
// inputs give the same bits on every machine (the built models must be byte-for-byte reproducible).

export interface RidgeModel {
  /** Predictions for row-major [rows x cols] features. */
  predict(features: Float64Array, rows: number): Float64Array;
}

/** The normal equations of one data set, solvable for any regularisation strength. */
export interface RidgeProblem {
  fit(lambda: number): RidgeModel;
}

/** Fit y ≈ intercept + Σ β_j (x_j − mean_j) / sd_j on row-major [rows x cols] features. */
export function fitRidge(features: Float64Array, rows: number, cols: number, targets: Float64Array, lambda: number): RidgeModel {
  return ridgeProblem(features, rows, cols, targets).fit(lambda);
}

/** Standardises the features and forms ZᵀZ and Zᵀ(y − ȳ) once, for trying several lambdas. */
export function ridgeProblem(features: Float64Array, rows: number, cols: number, targets: Float64Array): RidgeProblem {
  if (features.length !== rows * cols || targets.length !== rows) throw new Error('ridgeProblem: shapes do not match');
  if (rows === 0) throw new Error('ridgeProblem: no rows');
  const mean = new Float64Array(cols);
  const scale = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j]! += features[i * cols + j]!;
  for (let j = 0; j < cols; j++) mean[j]! /= rows;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) scale[j]! += (features[i * cols + j]! - mean[j]!) ** 2;
  // A constant column stays 0 after centring whatever its scale: 1 avoids dividing by zero.
  for (let j = 0; j < cols; j++) scale[j] = Math.sqrt(scale[j]! / rows) || 1;
  let intercept = 0;
  for (const y of targets) intercept += y;
  intercept /= rows;

  const gram = new Float64Array(cols * cols);
  const rhs = new Float64Array(cols);
  const z = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) z[j] = (features[i * cols + j]! - mean[j]!) / scale[j]!;
    const y = targets[i]! - intercept;
    for (let j = 0; j < cols; j++) {
      rhs[j]! += z[j]! * y;
      for (let k = 0; k <= j; k++) gram[j * cols + k]! += z[j]! * z[k]!;
    }
  }

  return {
    fit(lambda) {
      if (!(lambda > 0)) throw new Error(`ridge: lambda must be positive (got ${lambda})`);
      const regularised = Float64Array.from(gram);
      for (let j = 0; j < cols; j++) regularised[j * cols + j]! += lambda;
      const beta = solveSymmetricPositiveDefinite(regularised, cols, rhs);
      return {
        predict(x, n) {
          if (x.length !== n * cols) throw new Error('predict: shapes do not match');
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            let sum = intercept;
            for (let j = 0; j < cols; j++) sum += (beta[j]! * (x[i * cols + j]! - mean[j]!)) / scale[j]!;
            out[i] = sum;
          }
          return out;
        },
      };
    },
  };
}

/** Solve A x = b for symmetric positive definite A, of which only the lower triangle is read. */
export function solveSymmetricPositiveDefinite(a: Float64Array, n: number, b: Float64Array): Float64Array {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 0)) throw new Error('solveSymmetricPositiveDefinite: matrix is not positive definite');
    const root = Math.sqrt(d);
    l[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / root;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}
