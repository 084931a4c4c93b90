// Replay against real engine runs on the FAKE backend (testing/fake-backend.ts): pure logic, no model.
import { describe, expect, it } from 'vitest';
import type { Scorer } from './backend.ts';
import type { DecisionSchedule, RunConfig } from './config.ts';
import type { RunEvent } from './events.ts';
import { replaySpeculativeRejection } from './replay.ts';
import { runAlignment } from './runAlignment.ts';
import { FakeGenerator, FakeScorer } from './testing/fake-backend.ts';
import { eventsOf, fakeRunConfig } from './testing/trajectory.ts';

const everyLength = Array.from({ length: 31 }, (_, i) => i + 1);

function configFor(alpha: number, decision: DecisionSchedule, prefixScoreLengths: number[]): RunConfig {
  const base = fakeRunConfig({ n: 24, prefixScoreLengths });
  return { ...base, spr: { ...base.spr, alpha, decision } };
}

async function record(config: RunConfig, scorers: () => Scorer[] = () => [new FakeScorer()]): Promise<RunEvent[]> {
  return runAlignment(config, { generator: new FakeGenerator(), scorers: scorers(), onEvent: () => {} });
}

function expectSameSelection(events: RunEvent[], replayed: ReturnType<typeof replaySpeculativeRejection>): void {
  const decisions = eventsOf(events, 'spr', 'decision');
  expect(replayed.rounds.map((r) => r.length)).toEqual(decisions.map((d) => d.length));
  replayed.rounds.forEach((r, i) => {
    const d = decisions[i]!;
    expect(r.pool.map((c) => c.id)).toEqual(d.candidates.map((c) => c.id));
    expect(r.pool.map((c) => c.kept)).toEqual(d.candidates.map((c) => c.kept));
    expect(r.pool.map((c) => c.finished)).toEqual(d.candidates.map((c) => c.finished));
    r.pool.forEach((c, j) => expect(c.reward).toBeCloseTo(d.candidates[j]!.reward, 12));
  });
  const end = eventsOf(events, 'spr', 'run-end')[0]!;
  expect(replayed.winner?.id).toBe(end.winner?.id);
  expect(replayed.winner?.reward).toBeCloseTo(end.winner!.reward, 12);
  expect(replayed.decodedTokens).toBe(end.totals.decodedTokens);
  expect(replayed.bestOfNDecodedTokens).toBe(eventsOf(events, 'bon', 'run-end')[0]!.totals.decodedTokens);
}

describe('replaySpeculativeRejection', () => {
  it('reproduces a fixed-schedule run at its recorded alpha', async () => {
    const decision: DecisionSchedule = { mode: 'fixed', lengths: [3, 8, 16] };
    const events = await record(configFor(0.5, decision, [3, 8, 16]));
    const replayed = replaySpeculativeRejection(events, { alpha: 0.5, decision });
    expect(replayed.approximate).toBe(false);
    expect(replayed.rounds.length).toBeGreaterThan(1);
    expectSameSelection(events, replayed);
  });

  it('re-runs the selection for other alphas with memory-driven decisions, matching real runs', async () => {
    const bon = await record({ ...configFor(0.5, { mode: 'memory' }, everyLength), methods: ['bon'] });
    for (const alpha of [0, 0.3, 0.5, 0.8]) {
      const spr = await record({ ...configFor(alpha, { mode: 'memory' }, []), methods: ['spr'] });
      const replayed = replaySpeculativeRejection(bon, { alpha, decision: { mode: 'memory' } });
      expect(replayed.approximate).toBe(false);
      expectSameSelection([...bon, ...spr], replayed);
    }
  });

  it('re-combines several scorers over each replayed pool', async () => {
    const combine = { rule: 'min' as const, normalize: 'z' as const, temperature: 1 };
    const config = { ...configFor(0.5, { mode: 'memory' }, everyLength), combine };
    const events = await record(config, () => [new FakeScorer('a', 1), new FakeScorer('b', 2)]);
    const replayed = replaySpeculativeRejection(events, { alpha: 0.5, decision: { mode: 'memory' }, combine });
    expectSameSelection(events, replayed);
  });

  it('stands in the nearest recorded length when the schedule decides off the grid', async () => {
    const events = await record({ ...configFor(0.5, { mode: 'memory' }, [4, 12]), methods: ['bon'] });
    const replayed = replaySpeculativeRejection(events, { alpha: 0.5, decision: { mode: 'fixed', lengths: [6, 20] } });
    expect(replayed.approximate).toBe(true);
    expect(replayed.rounds[0]).toMatchObject({ length: 6, scoredAt: 4 });
    expect(replayed.decodedTokens).toBeLessThan(replayed.bestOfNDecodedTokens);
  });

  it('needs a Best-of-N run recorded with prefix scores', async () => {
    const events = await record({ ...configFor(0.5, { mode: 'memory' }, []), methods: ['bon'] });
    expect(() => replaySpeculativeRejection(events, { alpha: 0.5, decision: { mode: 'memory' } })).toThrow(/prefix scores/);
  });
});
