import { describe, expect, it } from 'vitest';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { warmUpStages } from './warm-up-run.ts';

describe('the warm-up run', () => {
  it('plays every method from start to a winner, with a decision and (TreeBoN) children, in the stages asked for', () => {
    for (const method of ['bon', 'spr', 'treebon'] as const) {
      const stages = warmUpStages(method, 4);
      expect(stages).toHaveLength(4);
      const lane = stages.reduce((s, events) => applyEvents(s, events), emptyRunState).lanes[method];
      expect(lane?.end?.winner).not.toBeNull();
      expect(lane?.steps.length).toBeGreaterThan(10);
      if (method !== 'bon') expect(lane?.decisions).toHaveLength(1);
      if (method === 'treebon') expect([...(lane?.candidates.values() ?? [])].some((c) => c.parent !== null)).toBe(true);
    }
  });
});
