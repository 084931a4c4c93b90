// Pure logic. The first tests use hand-made pools; the last runs the engine on the FAKE backend
// (core/testing/fake-backend.ts: no model) to check that the pools the UI reproduces are the engine's.
import { describe, expect, it } from 'vitest';
import type { CombineConfig, RunConfig } from '../../core/config.ts';
import { runAlignment } from '../../core/runAlignment.ts';
import { combinePool } from '../../core/scorePool.ts';
import { FakeGenerator, FakeScorer } from '../../core/testing/fake-backend.ts';
import { fakeRunConfig } from '../../core/testing/trajectory.ts';
import { applyEvents, startRunState } from './run-state.ts';
import { explainEvent } from './scorer-breakdown.ts';

const minZ: CombineConfig = { rule: 'min', normalize: 'z', temperature: 1 };

describe('explainEvent', () => {
  // Scorer 0 ranks a > b > c, scorer 1 ranks c > b > a: each candidate's weakest scorer differs.
  const pool = [{ id: 1, scores: [3, -1] }, { id: 2, scores: [2, 0] }, { id: 3, scores: [1, 1] }];
  const rewards = combinePool(pool.map((c) => c.scores), minZ);
  const event = pool.map((c, i) => ({ ...c, reward: rewards[i]! }));

  it('normalises each scorer over the pool and names the lowest per candidate', () => {
    const explained = explainEvent(event, [event], minZ);
    expect(explained?.get(1)?.weakest).toBe(1);
    expect(explained?.get(3)?.weakest).toBe(0);
    expect(explained?.get(2)?.normalized).toEqual([0, 0]);
    expect(explained?.get(1)?.normalized[0]).toBeCloseTo(Math.sqrt(1.5));
  });

  it('uses the first pool that reproduces the rewards, and claims nothing when none does', () => {
    const bigger = [...pool, { id: 4, scores: [0, 5] }];
    const combined = combinePool(bigger.map((c) => c.scores), minZ);
    const finalOnly = event.slice(0, 2).map((c, i) => ({ ...c, reward: combined[i]! }));
    expect(explainEvent(finalOnly, [finalOnly, bigger], minZ)?.get(1)?.normalized[1]).toBeCloseTo((-1 - 1.25) / Math.sqrt(5.1875));
    expect(explainEvent(event, [event], { ...minZ, normalize: 'rank' })).toBeNull();
    expect(explainEvent([{ id: 1, scores: [1], reward: 1 }], [[{ id: 1, scores: [1] }]], minZ)).toBeNull();
  });
});

describe('the run store explains every scored candidate of a real engine run (fake models)', () => {
  for (const combine of [minZ, { rule: 'softmin', normalize: 'rank', temperature: 0.3 }] as const) {
    it(`under ${combine.rule} of ${combine.normalize} scores, in all three methods`, async () => {
      const base = fakeRunConfig({ n: 12, methods: ['bon', 'spr', 'treebon'], budgetTokens: 10_000 });
      const config: RunConfig = {
        ...base, combine, spr: { ...base.spr, decision: { mode: 'fixed', lengths: [6, 14] } }, treebon: { children: 3, layers: 3, ucb: 1, ucbFloor: 0 },
      };
      const events = await runAlignment(config, {
        generator: new FakeGenerator({ stopBias: -3, stopRise: 0.1 }), scorers: [new FakeScorer('a', 1), new FakeScorer('b', 2)], onEvent: () => {},
      });
      const state = applyEvents(startRunState(combine), events);
      for (const method of ['bon', 'spr', 'treebon'] as const) {
        const scored = [...(state.lanes[method]?.candidates.values() ?? [])].filter((c) => c.scores.length > 0);
        expect(scored.length).toBeGreaterThan(0);
        for (const c of scored) {
          expect(c.breakdown, `${method} #${c.id}`).not.toBeNull();
          const b = c.breakdown!;
          expect(b.normalized[b.weakest]).toBe(Math.min(...b.normalized));
          // Under MaxMin the weakest scorer's normalised score is the candidate's reward.
          if (combine.rule === 'min') expect(c.finalReward ?? c.partials.at(-1)?.reward).toBe(b.normalized[b.weakest]);
        }
      }
    });
  }
});
