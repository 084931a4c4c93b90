import { describe, expect, it } from 'vitest';
import { alignSeries, decimateToPixels, onePerPixel } from './chart-data.ts';

describe('decimateToPixels', () => {
  it('keeps at most four points per pixel column: the first, lowest, highest and last, in order', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: Math.sin(i / 7) * 100 }));
    const kept = decimateToPixels(points, 0, 9999, 100);
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept[0]).toBe(points[0]);
    expect(kept.at(-1)).toBe(points.at(-1));
    expect(Math.max(...kept.map((p) => p.y))).toBe(Math.max(...points.map((p) => p.y)));
    expect(Math.min(...kept.map((p) => p.y))).toBe(Math.min(...points.map((p) => p.y)));
    expect(kept.map((p) => p.x)).toEqual([...kept.map((p) => p.x)].sort((a, b) => a - b));
  });

  it('leaves a series that already fits its pixels alone', () => {
    const points = [{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: 2 }];
    expect(decimateToPixels(points, 0, 2, 400)).toEqual(points);
  });
});

describe('onePerPixel', () => {
  it('draws marks landing on the same pixel once', () => {
    const points = [{ x: 0, y: 0 }, { x: 0.1, y: 0.1 }, { x: 3, y: 0 }];
    expect(onePerPixel(points, (p) => [p.x, p.y])).toEqual([{ x: 0, y: 0 }, { x: 3, y: 0 }]);
  });
});

describe('alignSeries', () => {
  it('puts every series on one sorted x array, null where a series has no point', () => {
    expect(alignSeries([[{ x: 0, y: 4 }, { x: 2, y: 2 }], [{ x: 1, y: 8 }]])).toEqual([[0, 1, 2], [4, null, 2], [null, 8, null]]);
  });
});
