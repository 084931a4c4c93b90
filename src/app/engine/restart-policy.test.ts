import { describe, expect, it } from 'vitest';
import { failuresAfter, HEALTHY_AFTER_MS, restartDelay } from './restart-policy.ts';

describe('restart policy', () => {
  it('restarts at once after one failure, then waits longer each time, then gives up', () => {
    expect([1, 2, 3, 4, 5].map(restartDelay)).toEqual([0, 500, 1000, 2000, null]);
  });

  it('counts failures in a row, and a worker that stayed up a while starts a new count', () => {
    expect(failuresAfter(0, null)).toBe(1);
    expect(failuresAfter(3, null)).toBe(4); // never came up (its script did not load)
    expect(failuresAfter(3, 200)).toBe(4); // came up and fell over at once
    expect(failuresAfter(3, HEALTHY_AFTER_MS)).toBe(1);
  });
});
