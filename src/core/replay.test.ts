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

  it('records the decision lengths its own replays need, so every alpha replays exactly', async () => {
    const alphas = [0, 0.3, 0.5, 0.8];
    for (const decision of [{ mode: 'memory' as const }, { mode: 'fixed' as const, lengths: [5, 11] }]) {
      const bon = await record({ ...configFor(0.5, decision, [8, 16]), methods: ['bon'], replayAlphas: alphas });
      const lengths = eventsOf(bon, 'bon', 'prefix-scores')[0]!.lengths;
      expect(lengths.length).toBeGreaterThan(2);
      expect(lengths.length).toBeLessThan(31);
      for (const alpha of alphas) {
        const spr = await record({ ...configFor(alpha, decision, []), methods: ['spr'] });
        const replayed = replaySpeculativeRejection(bon, { alpha, decision });
        expect(replayed.approximate).toBe(false);
        expectSameSelection([...bon, ...spr], replayed);
        // Reward-model tokens too: the recorded prefix costs add up to what the run spent.
        expect(replayed.rewardTokens).toBe(eventsOf(spr, 'spr', 'run-end')[0]!.totals.rewardTokens);
      }
    }
  });

  it('never answers with a response it cut off, in the run or in the replay', async () => {
    // A FAKE scorer with a length penalty: a prefix cut early scores higher than most complete answers.
    const penalised = (): Scorer[] => {
      const inner = new FakeScorer();
      return [{ id: 'penalised', label: 'fake minus length', score: async (requests) => {
        const result = await inner.score(requests);
        return { ...result, scores: requests.map((r, i) => result.scores[i]! - 0.3 * r.response.split(' ').length) };
      } }];
    };
    let leaks = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const config = { ...configFor(0.5, { mode: 'memory' }, []), seed, methods: ['bon' as const, 'spr' as const], replayAlphas: [0.5] };
      const events = await record(config, penalised);
      const finals = new Map(eventsOf(events, 'spr', 'final')[0]!.candidates.map((c) => [c.id, c]));
      const winner = eventsOf(events, 'spr', 'run-end')[0]!.winner!;
      expect(winner.finished).toBe(true);
      expect(finals.get(winner.id)).toEqual(winner);
      expect(Math.max(...[...finals.values()].map((c) => c.reward))).toBe(winner.reward);
      const rejected = eventsOf(events, 'spr', 'decision').flatMap((d) => d.candidates.filter((c) => !c.kept && !c.finished));
      if (rejected.some((c) => c.reward > winner.reward)) leaks += 1;
      const replayed = replaySpeculativeRejection(events, { alpha: 0.5, decision: { mode: 'memory' } });
      expect(replayed.winner?.id).toBe(winner.id);
    }
    // The scenario is real: in some seeds a cut-off prefix out-scored the answer.
    expect(leaks).toBeGreaterThan(0);
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
