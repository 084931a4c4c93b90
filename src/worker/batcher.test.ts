// Pure logic with vitest's fake timers (no worker, no models).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatcher } from './batcher.ts';

describe('createBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends items together once per interval, not one message each', () => {
    const sent: number[][] = [];
    const batcher = createBatcher<number>((items) => sent.push(items), { intervalMs: 50 });
    for (let i = 0; i < 100; i++) batcher.push(i);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(100);
    batcher.push(100);
    vi.advanceTimersByTime(49);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent[1]).toEqual([100]);
  });

  it('sends at once, with what was pending, when an urgent item arrives', () => {
    const sent: string[][] = [];
    const batcher = createBatcher<string>((items) => sent.push(items), { intervalMs: 50, isUrgent: (s) => s === 'decision' });
    batcher.push('step');
    batcher.push('decision');
    expect(sent).toEqual([['step', 'decision']]);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(1);
  });

  it('sends when the interval has passed even if its timer has not fired (a busy worker)', () => {
    let clock = 0;
    const sent: number[][] = [];
    const stalled = { setTimeout: () => 0, clearTimeout: () => undefined };
    const batcher = createBatcher<number>((items) => sent.push(items), { intervalMs: 50, timers: stalled, now: () => clock });
    for (let i = 0; i < 10; i++) {
      clock += 20;
      batcher.push(i);
    }
    // Pushes every 20 ms: each batch goes out with the push that is 60 ms after the previous send.
    expect(sent).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8]]);
  });

  it('flushes the remainder on demand and sends nothing when empty', () => {
    const sent: number[][] = [];
    const batcher = createBatcher<number>((items) => sent.push(items), { intervalMs: 50 });
    batcher.flush();
    batcher.push(1);
    batcher.flush();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([[1]]);
  });
});
