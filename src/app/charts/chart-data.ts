// Chart series cut down to the pixels they occupy, so that a redraw costs the same at any N and any
// run length: a step line keeps, per pixel column, its first, lowest, highest and last points (what the
// column shows); scatter marks keep one mark per pixel cell.
import type { XY } from './series.ts';

/** At most four points per pixel column over [x0, x1] (first, min, max, last, in order); the line drawn is the same. */
export function decimateToPixels(points: readonly XY[], x0: number, x1: number, columns: number): XY[] {
  if (points.length <= 4 * Math.max(1, columns)) return [...points];
  const span = x1 - x0 || 1;
  const out: XY[] = [];
  let column = NaN;
  let bucket: XY[] = [];
  const flushBucket = () => {
    if (bucket.length === 0) return;
    const first = bucket[0] as XY;
    const last = bucket[bucket.length - 1] as XY;
    let lo = first;
    let hi = first;
    for (const p of bucket) {
      if (p.y < lo.y) lo = p;
      if (p.y > hi.y) hi = p;
    }
    const kept = new Set([first, lo, hi, last]);
    for (const p of bucket) if (kept.has(p)) out.push(p);
  };
  for (const p of points) {
    const c = Math.floor(((p.x - x0) / span) * columns);
    if (c !== column) {
      flushBucket();
      bucket = [];
      column = c;
    }
    bucket.push(p);
  }
  flushBucket();
  return out;
}

/** Keeps the first mark that lands on each pixel cell, given where a value lands in pixels. */
export function onePerPixel<T extends XY>(points: readonly T[], toPixel: (p: T) => readonly [number, number]): T[] {
  const seen = new Set<number>();
  const out: T[] = [];
  for (const p of points) {
    const [px, py] = toPixel(p);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    const key = Math.round(px) * 100_003 + Math.round(py);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/**
 * Several series on one shared, sorted x array (what uPlot draws): each series has a value at its own
 * x values and null elsewhere (drawn across with spanGaps). Points at the same x keep the last value.
 */
export function alignSeries(series: readonly (readonly XY[])[]): [number[], ...(number | null)[][]] {
  const xs = [...new Set(series.flatMap((s) => s.map((p) => p.x)))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const columns = series.map((s) => {
    const ys: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    for (const p of s) ys[index.get(p.x) ?? 0] = p.y;
    return ys;
  });
  return [xs, ...columns];
}
