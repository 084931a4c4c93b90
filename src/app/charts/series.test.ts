// Pure logic: series of a hand-written event log (a fixture), not of engine output.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.ts';
import { bonEvents, sprEvents } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState, type LaneState } from '../state/run-state.ts';
import { prefixPairs, rewardSeries, stepSeries, xExtent } from './series.ts';

const laneOf = (events: readonly RunEvent[]): LaneState => {
  const state = applyEvents(emptyRunState, events);
  const lane = state.lanes[state.methods[0] ?? 'bon'];
  if (!lane) throw new Error('no lane');
  return lane;
};

describe('chart series', () => {
  it('plots alive rows and KV bytes per step over tokens or seconds', () => {
    const spr = laneOf(sprEvents);
    expect(stepSeries(spr, 'alive', 'tokens')).toEqual([
      { x: 4, y: 4 }, { x: 8, y: 4 }, { x: 10, y: 2 }, { x: 12, y: 2 },
    ]);
    expect(stepSeries(spr, 'kvBytes', 'time').map((p) => p.x)).toEqual([0.01, 0.02, 0.03, 0.04]);
    expect(stepSeries(spr, 'kvBytes', 'time')[0]?.y).toBe(4 * 6 * 64);
  });

  it('puts partial rewards at their decision and final rewards at the end', () => {
    const { partial, final } = rewardSeries(laneOf(sprEvents), 'tokens');
    expect(partial).toHaveLength(4);
    expect(partial.filter((p) => !p.kept).map((p) => p.id)).toEqual([0, 2]);
    expect(partial.every((p) => p.x === 8)).toBe(true);
    expect(final.map((p) => [p.id, p.x, p.y])).toEqual([[1, 12, 1.4], [3, 12, 2.5]]);
  });

  it('shares one x extent across methods', () => {
    expect(xExtent([laneOf(bonEvents), laneOf(sprEvents)], 'tokens')).toEqual([0, 15]);
    expect(xExtent([], 'tokens')).toEqual([0, 1]);
  });

  it('pairs partial and final rewards at a prefix length, skipping responses too short for it', () => {
    const bon = laneOf(bonEvents);
    expect(prefixPairs(bon, 0)).toHaveLength(4);
    expect(prefixPairs(bon, 1).map((p) => p.id)).toEqual([0, 2, 3]);
    expect(prefixPairs(laneOf(sprEvents), 0)).toEqual([]);
  });
});
