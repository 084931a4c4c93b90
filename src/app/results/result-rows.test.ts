// Pure logic: result rows of a hand-written event log (a fixture), not of engine output.
import { describe, expect, it } from 'vitest';
import { sprEvents, twoMethodRun } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { describeVersusBon, resultRows, rewardCostNote } from './result-rows.ts';

describe('resultRows', () => {
  it('reports each method and what Speculative Rejection saved against Best-of-N', () => {
    const [bon, spr] = resultRows(applyEvents(emptyRunState, twoMethodRun));
    expect(bon).toMatchObject({ method: 'bon', bestReward: 2.5, winnerId: 2, decodedTokens: 15, wallMs: 100, versusBon: null });
    expect(spr?.method).toBe('spr');
    // The fixture records no model sizes: its total cost is every token, decoded + prefill (20) + reward model (0).
    expect(spr?.cost).toEqual({ value: 12 + 20, unit: 'tokens' });
    expect(spr?.versusBon?.computeSaved).toBeCloseTo(1 - (12 + 20) / (15 + 20));
    expect(spr?.versusBon?.speedup).toBeCloseTo(100 / 55);
    expect(spr?.versusBon?.rewardGap).toBe(0);
  });

  it('compares nothing while Best-of-N is missing or unfinished', () => {
    const [spr] = resultRows(applyEvents(emptyRunState, sprEvents));
    expect(spr?.versusBon).toBeNull();
    const inFlight = resultRows(applyEvents(emptyRunState, sprEvents.slice(0, 4)));
    expect(inFlight[0]).toMatchObject({ finished: false, bestReward: null, decodedTokens: 8 });
  });

  it('says "less" or "more" compute, "as fast" or "slower"', () => {
    expect(describeVersusBon({ computeSaved: 0.68, speedup: 2.8, rewardGap: 0 })).toBe('68% less compute, 2.8x as fast, same best reward');
    expect(describeVersusBon({ computeSaved: -0.92, speedup: 0.3, rewardGap: null })).toBe('92% more compute, 3.3x slower');
    expect(describeVersusBon({ computeSaved: 0.001, speedup: 0.97, rewardGap: null })).toBe('as much compute, about as fast');
  });

  it('says how the reward models spent their tokens: streamed, re-reading prefixes, or both', () => {
    expect(rewardCostNote(1, 1)).toMatch(/^The implicit DPO reward was streamed/);
    expect(rewardCostNote(1, 0)).toMatch(/re-reads every live candidate's whole prefix/);
    expect(rewardCostNote(2, 1)).toMatch(/streamed.*each other reward model re-reads/);
    expect(rewardCostNote(0, 0)).toBeNull();
  });
});
