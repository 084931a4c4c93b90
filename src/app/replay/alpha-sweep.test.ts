// The α sweep over a hand-written Best-of-N log (fixtures/two-method-run.ts: a FIXTURE, not engine
// output); the replay itself is tested against real runs in src/core/replay.test.ts.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.ts';
import { bonEvents } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { alphaSweep, cutForMemoryIn, sweepInputOf } from './alpha-sweep.ts';

const sprStart = (lengths: number[], initial = 'n'): RunEvent => ({
  method: 'spr', t: 2000, type: 'run-start', prompt: 'Say something kind.', promptTokens: 5, n: 4, maxNewTokens: 4,
  kvBytesPerToken: 64, kvBudgetBytes: 4 * 9 * 64, capacityRows: 4, generator: 'fixture-gen', scorers: ['fixture-reward'],
  params: { alpha: 0.5, decision: 'fixed', decisionLengths: lengths, initial },
});

describe('alphaSweep', () => {
  it('replays every α from Best-of-N\'s answers on the schedule Speculative Rejection ran with', () => {
    // Best-of-N's budget holds 2 full rows (18 tokens): a same-N Speculative Rejection gets 2 rows of
    // 5 prompt + 4 tokens for its first round, so it starts #0 and #1 of Best-of-N's 4.
    const sweep = alphaSweep(sweepInputOf(applyEvents(emptyRunState, [...bonEvents, sprStart([2])])), [0, 0.5]);
    expect(sweep).toMatchObject({ decision: { mode: 'fixed', lengths: [2] }, bestOfNDecodedTokens: 15, started: 2, n: 4, prefixLengths: [2, 4] });
    // The fixture's Speculative Rejection started 4: not the replay's candidates, so no row is "this run".
    expect(sweep?.runAlpha).toBeNull();
    // At 2 tokens the partial rewards of #0 and #1 are 0.1 and 1.0: α = 0.5 keeps #1 (3 tokens long), cuts #0.
    expect(sweep?.rows).toEqual([
      { alpha: 0, reward: 1.5, winnerId: 1, decodedTokens: 4 + 3, rewardTokens: null, rounds: 1, cutForMemory: 0, approximate: false },
      { alpha: 0.5, reward: 1.5, winnerId: 1, decodedTokens: 2 + 3, rewardTokens: null, rounds: 1, cutForMemory: 0, approximate: false },
    ]);
  });

  it('says when a decision length was not recorded, and has no run α when the methods started different candidates', () => {
    const sweep = alphaSweep(sweepInputOf(applyEvents(emptyRunState, [...bonEvents, sprStart([3], 'memory')])), [0.5]);
    expect(sweep?.rows[0]?.approximate).toBe(true);
    expect(sweep?.runAlpha).toBeNull();
  });

  it('counts what a decision cut beyond α, for memory', () => {
    const pool = [0, 1, 2, 3].map((id) => ({ id, reward: id, finished: false, kept: id < 1 }));
    // α = 0 keeps all 4, but only one row could go on inside the budget: 3 cut for memory.
    expect(cutForMemoryIn({ pool, kept: [0] }, 0)).toBe(3);
    expect(cutForMemoryIn({ pool, kept: [0, 1] }, 0.5)).toBe(0);
  });

  it('waits for Best-of-N\'s prefix scores', () => {
    expect(alphaSweep(sweepInputOf(applyEvents(emptyRunState, bonEvents.filter((e) => e.type !== 'prefix-scores'))))).toBeNull();
    expect(alphaSweep(sweepInputOf(emptyRunState))).toBeNull();
  });
});
