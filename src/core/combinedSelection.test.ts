// Several scorers on the FAKE backend (testing/fake-backend.ts): pure logic, no model. The combined
// score (normalised per scorer over the pool, then min / soft-min / mean) must be what every method
// prunes by and picks its winner by.
import { describe, expect, it } from 'vitest';
import type { CombineConfig, RunConfig } from './config.ts';
import type { RunEvent } from './events.ts';
import { runAlignment } from './runAlignment.ts';
import { combinePool } from './scorePool.ts';
import { bestOf } from './selection.ts';
import { FakeGenerator, FakeScorer } from './testing/fake-backend.ts';
import { eventsOf, fakeRunConfig } from './testing/trajectory.ts';

async function run(combine: CombineConfig): Promise<RunEvent[]> {
  const base = fakeRunConfig({ n: 12, methods: ['bon', 'spr', 'treebon'], budgetTokens: 10_000 });
  const config: RunConfig = { ...base, combine, spr: { ...base.spr, decision: { mode: 'fixed', lengths: [6, 14, 22] } }, treebon: { children: 3, layers: 4, ucb: null } };
  const scorers = [new FakeScorer('a', 1), new FakeScorer('b', 2)];
  return runAlignment(config, { generator: new FakeGenerator({ stopBias: -3, stopRise: 0.1 }), scorers, onEvent: () => {} });
}

describe('several scorers, combined', () => {
  for (const combine of [
    { rule: 'min', normalize: 'z', temperature: 1 },
    { rule: 'softmin', normalize: 'rank', temperature: 0.3 },
    { rule: 'mean', normalize: 'z', temperature: 1 },
  ] as const) {
    it(`prunes and picks by the ${combine.rule} of ${combine.normalize}-normalised scores in every method`, async () => {
      const events = await run(combine);
      for (const method of ['bon', 'spr', 'treebon'] as const) {
        const start = eventsOf(events, method, 'run-start')[0]!;
        expect(start.scorers).toEqual(['a', 'b']);
        for (const d of eventsOf(events, method, 'decision')) {
          // Each candidate carries both raw scores; its reward is their combination over the decision's pool.
          for (const c of d.candidates) expect(c.scores).toHaveLength(2);
          const rewards = combinePool(d.candidates.map((c) => c.scores), combine);
          d.candidates.forEach((c, i) => expect(c.reward).toBe(rewards[i]));
          const worstKept = Math.min(...d.candidates.filter((c) => c.kept).map((c) => c.reward));
          for (const c of d.candidates.filter((c) => !c.kept)) expect(c.reward).toBeLessThanOrEqual(worstKept);
        }
        const end = eventsOf(events, method, 'run-end')[0]!;
        if (method === 'spr') continue; // Its winner is combined over every trajectory scored, rejected ones included (replay.test covers it).
        const final = eventsOf(events, method, 'final')[0]!.candidates;
        const rewards = combinePool(final.map((c) => c.scores), combine);
        final.forEach((c, i) => expect(c.reward).toBe(rewards[i]));
        expect(end.winner).toEqual(bestOf(final));
      }
      expect(eventsOf(events, 'spr', 'decision').length).toBeGreaterThan(0);
      expect(eventsOf(events, 'treebon', 'decision').length).toBe(3);
    });
  }
});
