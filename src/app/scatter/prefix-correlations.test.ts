// Pure logic on a hand-written event log (a fixture).
import { describe, expect, it } from 'vitest';
import { bonEvents } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { prefixCorrelations } from './prefix-correlations.ts';

describe('prefixCorrelations', () => {
  it('correlates partial with final rewards per prefix length, leaving out responses that had ended', () => {
    const lane = applyEvents(emptyRunState, bonEvents).lanes.bon;
    if (!lane) throw new Error('no lane');
    const [at2, at4] = prefixCorrelations(lane);
    expect(at2?.length).toBe(2);
    expect(at2?.points).toHaveLength(4);
    // Partial order at 2 tokens (-0.5, 0.1, 1.0, 2.0) matches the final order (-1, 0.5, 1.5, 2.5).
    expect(at2?.kendall).toBeCloseTo(1);
    expect(at2?.pearson).toBeGreaterThan(0.9);
    expect(at4?.points.map((p) => p.id)).toEqual([0, 2, 3]);
    // n of all: #1 ended at 3 tokens, so it has no partial reward at 4.
    expect([at2?.total, at4?.total]).toEqual([4, 4]);
    expect(at4?.pearson).toBeCloseTo(1);
  });
});
