// Pure logic: packing sequences into batches under a token budget.
import { describe, expect, it } from 'vitest';
import { packByTokenBudget } from './tokenBudget.ts';

describe('packByTokenBudget', () => {
  it('sorts by length and keeps rows x longest row within the budget', () => {
    const lengths = [10, 3, 7, 3, 9, 1];
    const batches = packByTokenBudget(lengths, 20);
    expect(batches.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const batch of batches) {
      const width = Math.max(...batch.map((i) => lengths[i] as number));
      expect(batch.length * width).toBeLessThanOrEqual(20);
    }
    expect(batches).toEqual([[5, 1, 3], [2, 4], [0]]);
  });

  it('gives a sequence longer than the budget a batch of its own', () => {
    expect(packByTokenBudget([50, 2, 2], 8)).toEqual([[1, 2], [0]]);
  });

  it('handles no sequences and rejects a non-positive budget', () => {
    expect(packByTokenBudget([], 8)).toEqual([]);
    expect(() => packByTokenBudget([1], 0)).toThrow();
  });
});
