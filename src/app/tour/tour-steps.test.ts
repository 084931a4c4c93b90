// The guided walk's steps from real engine logs (FAKE models): every number a step states is checked
// against the log it came from.
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../core/config.ts';
import type { RunEvent } from '../../core/events.ts';
import { runAlignment } from '../../core/runAlignment.ts';
import { FakeGenerator, FakeScorer } from '../../core/testing/fake-backend.ts';
import { fakeRunConfig } from '../../core/testing/trajectory.ts';
import { raceTimeline } from '../race/race-timeline.ts';
import { applyEvents, startRunState } from '../state/run-state.ts';
import { tourSteps } from './tour-steps.ts';

async function walk(overrides: Partial<RunConfig> & { budgetTokens?: number } = {}, cut?: (events: RunEvent[]) => RunEvent[]) {
  const config = fakeRunConfig({ n: 8, methods: ['bon', 'spr', 'treebon'], seed: 5, prefixScoreLengths: [4, 8, 16], replayAlphas: [0, 0.5, 0.9], budgetTokens: 8 * 12, ...overrides });
  let clock = 0;
  const all = await runAlignment(config, { generator: new FakeGenerator(), scorers: [new FakeScorer()], onEvent: () => {}, now: () => clock++ });
  const events = cut ? cut(all) : all;
  const state = applyEvents(startRunState(config.combine), events);
  return { config, events, state, steps: tourSteps(state, raceTimeline(events, config.combine)) };
}

describe('tourSteps', () => {
  it('walks from the prompt through every decision to the answer, the miss, the race, α, TreeBoN and compute', async () => {
    const { state, steps } = await walk();
    const decisions = state.lanes.spr!.decisions;
    expect(decisions.length).toBeGreaterThan(0);
    expect(steps.map((s) => s.id)).toEqual([
      'prompt', 'bon', 'spr-start', 'memory-full', ...decisions.map((d) => `decision-${d.round}`), 'spr-answer', 'miss', 'race', 'alpha', 'treebon', 'compute',
    ]);
    for (const s of steps) {
      expect(s.text.length).toBeGreaterThan(20);
      expect(s.takeaway.length).toBeGreaterThan(10);
      expect(s.focus.targets.length).toBeGreaterThan(0);
    }
  });

  it('says how many each decision scored, kept and cut, shown at its moment with its mark ringed', async () => {
    const { state, steps } = await walk();
    for (const d of state.lanes.spr!.decisions) {
      const step = steps.find((s) => s.id === `decision-${d.round}`)!;
      expect(step.text).toContain(`scored all ${d.total} partial answers`);
      expect(step.text).toContain(`${d.total - d.kept} are cut`);
      expect(step.focus).toMatchObject({ at: d.t, decision: { method: 'spr', round: d.round } });
    }
  });

  it('explains the first decision by the memory: its rows times (prompt + length) fill the budget, one token more would not fit', async () => {
    const { config, state, steps } = await walk();
    const spr = state.lanes.spr!;
    const first = spr.decisions[0]!;
    expect(first.trigger).toBe('budget-full');
    const prompt = spr.start!.promptTokens;
    const budget = config.kvBudgetBytes / 64;
    const rows = spr.start!.n;
    expect(rows * (prompt + first.length)).toBeLessThanOrEqual(budget);
    expect(rows * (prompt + first.length + 1)).toBeGreaterThan(budget);
    const memory = steps.find((s) => s.id === 'memory-full')!;
    expect(memory.text).toContain(`${rows} × (${prompt} + ${first.length}) = ${rows * (prompt + first.length)} tokens`);
    // Shown just before the decision: the lanes have every step of the round and not the cut.
    expect(memory.focus.at).toBeLessThan(first.t);
    expect(memory.focus.at).toBeGreaterThanOrEqual(spr.steps.filter((s) => s.t < first.t).at(-1)!.t);
  });

  it('follows Best-of-N\'s answer in the miss step and ends the race at each answer', async () => {
    const { state, steps } = await walk();
    const miss = steps.find((s) => s.id === 'miss')!;
    const bonAnswer = state.lanes.bon!.end!.winner!.id;
    expect(miss.text).toContain(`Best-of-N's answer (#${bonAnswer})`);
    expect(miss.focus.candidate).toMatchObject({ method: 'spr', id: bonAnswer });
    const race = steps.find((s) => s.id === 'race')!;
    expect(race.focus.at).toBe(state.lanes.spr!.finalAt!.t);
  });

  it('leaves out what a run did not do, and waits for the run to end', async () => {
    const { steps } = await walk({ methods: ['spr'] });
    expect(steps.map((s) => s.id)).not.toContain('bon');
    expect(steps.map((s) => s.id)).not.toContain('miss');
    expect(steps.map((s) => s.id)).not.toContain('compute');
    expect(steps[0]!.id).toBe('prompt');
    const unfinished = await walk({}, (events) => events.slice(0, events.length - 5));
    expect(unfinished.steps).toEqual([]);
  });
});
