import { describe, expect, it } from 'vitest';
import { batchKvBytes, bestOfNPlan, budgetTokens, initialBatchPlan, kvBytesPerToken, memoryDecisionLength, rowsThatCanContinue, rowsThatFit } from './memory.ts';

describe('KV memory model', () => {
  it('bytes per token = 2 x layers x kv heads x head dim x bytes per element', () => {
    // SmolLM2-135M: 30 layers, 3 KV heads of 64, fp32.
    expect(kvBytesPerToken({ layers: 30, kvHeads: 3, headDim: 64, bytesPerElement: 4 })).toBe(46080);
    expect(kvBytesPerToken({ layers: 2, kvHeads: 1, headDim: 8, bytesPerElement: 2 })).toBe(64);
  });

  it('budget tokens and rows that fit round down', () => {
    expect(budgetTokens(64 * 1024 * 1024, 46080)).toBe(1456);
    expect(rowsThatFit(1456, 50 + 128)).toBe(8);
  });

  it('plans Best-of-N as ceil(N / capacity) sequential batches', () => {
    expect(bestOfNPlan(10, 4, 32, 120)).toEqual({ capacity: 3, batchSizes: [3, 3, 3, 1] });
    expect(bestOfNPlan(2, 4, 32, 1000)).toEqual({ capacity: 2, batchSizes: [2] });
    expect(bestOfNPlan(16, 50, 128, 1456)?.batchSizes).toEqual([8, 8]);
    expect(bestOfNPlan(4, 4, 32, 35)).toBeNull();
  });

  it('fits Speculative Rejection\'s initial batch to memory, capped', () => {
    const memory = (maxInitial: number) => ({ initial: 'memory' as const, maxInitial });
    // 120 tokens / (4 prompt + 8 first-round tokens) = 10 rows.
    expect(initialBatchPlan(memory(1000), 16, 4, 120, 32)).toEqual({ rows: 10, requested: 1000, limitedByMemory: true });
    expect(initialBatchPlan(memory(6), 16, 4, 120, 32)).toEqual({ rows: 6, requested: 6, limitedByMemory: false });
    expect(initialBatchPlan(memory(1000), 16, 200, 120, 32).rows).toBe(1);
    // A first round shorter than 8 tokens when the answers are: 120 / (4 + 3) = 17 rows.
    expect(initialBatchPlan(memory(1000), 16, 4, 120, 3).rows).toBe(17);
  });

  it('starts Best-of-N\'s N when N rows get a first round, and fewer (saying so) when they do not', () => {
    const sameN = { initial: 'n' as const, maxInitial: 1000 };
    expect(initialBatchPlan(sameN, 8, 4, 120, 32)).toEqual({ rows: 8, requested: 8, limitedByMemory: false });
    expect(initialBatchPlan(sameN, 24, 4, 120, 32)).toEqual({ rows: 10, requested: 24, limitedByMemory: true });
  });

  it('lets as many rows continue after a decision as can take one more token', () => {
    // At length 8 each row holds 4 + 8 tokens; one more makes 13: 120 / 13 = 9 rows.
    expect(rowsThatCanContinue(120, 4, 8)).toBe(9);
  });

  it('decides when each alive row holds budget / alive tokens', () => {
    expect(memoryDecisionLength(120, 8, 4)).toBe(11);
    expect(memoryDecisionLength(120, 4, 4)).toBe(26);
    expect(memoryDecisionLength(120, 100, 4)).toBe(-3);
  });

  it('counts the padded width when the backend pads', () => {
    expect(batchKvBytes({ rows: 2, lengths: [3, 5] }, 10)).toBe(80);
    expect(batchKvBytes({ rows: 2, lengths: [3, 5], cacheWidth: 5 }, 10)).toBe(100);
  });
});
