// Pure tests of the compute panel's view helpers (no model, no DOM).
import { describe, expect, it } from 'vitest';
import { logTicks } from './compute-view.ts';

const at = (...xs: number[]) => ({ bestOfN: xs.map((x) => ({ x, y: 0, label: '' })), replay: [], runs: [] });

describe('logTicks', () => {
  it('uses powers of ten when the points span three or more', () => {
    expect(logTicks(at(30, 4000, 250000))).toEqual([100, 1000, 10000, 100000]);
  });
  it('adds 2x and 5x steps over a narrower span', () => {
    expect(logTicks(at(150, 2100))).toEqual([200, 500, 1000, 2000]);
  });
});
