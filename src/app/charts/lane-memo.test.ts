import { describe, expect, it } from 'vitest';
import { memoByLane } from './lane-memo.ts';

describe('memoByLane', () => {
  it('computes once per lane object and key, and again for a new lane object', () => {
    let calls = 0;
    const series = memoByLane((lane: { n: number }, key: 'a' | 'b') => {
      calls++;
      return [lane.n, key];
    });
    const lane = { n: 1 };
    const first = series(lane, 'a');
    expect(series(lane, 'a')).toBe(first);
    expect(series(lane, 'b')).toEqual([1, 'b']);
    expect(series({ n: 1 }, 'a')).not.toBe(first);
    expect(calls).toBe(3);
  });
});
