// Pure logic: row copies with leading columns cut, on small hand-made arrays.
import { describe, expect, it } from 'vitest';
import { copyRows } from './kvRows.ts';

describe('copyRows', () => {
  // [batch 3, heads 2, width 3, headDim 2]: value = 1000*row + 100*head + 10*column + d
  const shape = { outer: 2, width: 3, columnSize: 2 };
  const source = new Float32Array(3 * 2 * 3 * 2);
  for (let r = 0; r < 3; r++)
    for (let h = 0; h < 2; h++)
      for (let c = 0; c < 3; c++) for (let d = 0; d < 2; d++) source[((r * 2 + h) * 3 + c) * 2 + d] = 1000 * r + 100 * h + 10 * c + d;

  it('keeps, drops and repeats rows and cuts leading columns', () => {
    const out = copyRows(source, shape, [2, 0, 0], 1);
    expect(out).toBeInstanceOf(Float32Array);
    expect(out.length).toBe(3 * 2 * 2 * 2);
    const at = (r: number, h: number, c: number, d: number) => out[((r * 2 + h) * 2 + c) * 2 + d];
    expect(at(0, 0, 0, 0)).toBe(2010);
    expect(at(0, 1, 1, 1)).toBe(2121);
    expect(at(1, 0, 0, 1)).toBe(11);
    expect(at(2, 1, 1, 0)).toBe(120);
  });

  it('works on int64 masks and selects nothing when asked for no rows', () => {
    const mask = BigInt64Array.from([0n, 1n, 1n, 1n, 1n, 1n]);
    expect(copyRows(mask, { outer: 1, width: 3, columnSize: 1 }, [1, 0], 1)).toEqual(BigInt64Array.from([1n, 1n, 1n, 1n]));
    expect(copyRows(source, shape, [], 0).length).toBe(0);
  });
});
