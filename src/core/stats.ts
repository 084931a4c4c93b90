// Statistics for the partial-vs-final reward scatter and the paper's improvement score.

/** Python's round(): halves go to the even neighbour (round(2.5) = 2, round(3.5) = 4). */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Pearson correlation; NaN when fewer than two points or either side is constant. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y);
  if (x.length < 2) return NaN;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Kendall's tau-b, which corrects for ties on either side (as scipy.stats.kendalltau does by default):
 * (concordant - discordant) / sqrt((n0 - tiesX) (n0 - tiesY)). NaN when a side is all ties.
 * Quadratic in the number of points, which is fine for a few thousand candidates.
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y);
  let concordant = 0;
  let discordant = 0;
  let tiedXOnly = 0;
  let tiedYOnly = 0;
  let tiedBoth = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = Math.sign(x[j]! - x[i]!);
      const dy = Math.sign(y[j]! - y[i]!);
      if (dx === 0 && dy === 0) tiedBoth++;
      else if (dx === 0) tiedXOnly++;
      else if (dy === 0) tiedYOnly++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const pairs = (x.length * (x.length - 1)) / 2;
  const untiedX = pairs - tiedXOnly - tiedBoth;
  const untiedY = pairs - tiedYOnly - tiedBoth;
  if (untiedX === 0 || untiedY === 0) return NaN;
  return (concordant - discordant) / Math.sqrt(untiedX * untiedY);
}

function checkPaired(x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length) throw new Error(`paired samples differ in length: ${x.length} vs ${y.length}`);
}

/** One prompt's outcome: the method's best reward and the spread of the baseline Best-of-N's rewards. */
export interface PromptOutcome {
  readonly methodBest: number;
  readonly baselineBest: number;
  readonly baselineWorst: number;
}

export interface ImprovementScore {
  /** 100 x (1 + mean((best_method - best_BoN) / (best_BoN - worst_BoN))); the baseline itself scores 100. NaN if no prompt counted. */
  readonly score: number;
  readonly prompts: number;
  /** Prompts left out because every baseline response scored the same (the ratio is undefined). */
  readonly skipped: number;
}

/** The improvement score of the reference's plot_compare.py. */
export function improvementScore(outcomes: readonly PromptOutcome[]): ImprovementScore {
  const ratios: number[] = [];
  for (const o of outcomes) {
    const spread = o.baselineBest - o.baselineWorst;
    if (spread > 0) ratios.push((o.methodBest - o.baselineBest) / spread);
  }
  const score = ratios.length === 0 ? NaN : 100 * (1 + mean(ratios));
  return { score, prompts: ratios.length, skipped: outcomes.length - ratios.length };
}
