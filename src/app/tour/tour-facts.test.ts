import { describe, expect, it } from 'vitest';
import { runAlignment } from '../../core/runAlignment.ts';
import { FakeGenerator, FakeScorer } from '../../core/testing/fake-backend.ts';
import { fakeRunConfig } from '../../core/testing/trajectory.ts';
import type { LaneState } from '../state/run-state.ts';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { decisionFacts, memoryFacts } from './tour-facts.ts';

async function sprLane(decision: 'memory' | 'fixed'): Promise<LaneState> {
  const base = fakeRunConfig({ n: 8, methods: ['spr'], seed: 4, budgetTokens: 8 * 12 });
  const config = { ...base, spr: { ...base.spr, decision: decision === 'fixed' ? { mode: 'fixed' as const, lengths: [3, 5] } : { mode: 'memory' as const } } };
  const events = await runAlignment(config, { generator: new FakeGenerator(), scorers: [new FakeScorer()], onEvent: () => {} });
  return applyEvents(emptyRunState, events).lanes.spr!;
}

describe('decisionFacts', () => {
  it('counts the rows each round began with: the first round all started, later ones the unfinished survivors', async () => {
    const lane = await sprLane('memory');
    const facts = decisionFacts(lane, memoryFacts(lane)!);
    expect(facts[0]!.rows).toBe(8);
    facts.slice(1).forEach((f, i) => expect(f.rows).toBe(lane.decisions[i]!.candidates.filter((c) => c.kept && !c.finished).length));
    for (const f of facts) {
      expect(f.trigger).toBe('budget-full');
      expect(f.plannedTokens).toBeLessThanOrEqual(8 * 12);
      expect(f.cut).toBe(f.pool - f.kept);
    }
  });

  it('tells a fixed decision from a full memory, also in a log that does not say (older run files)', async () => {
    const lane = await sprLane('fixed');
    const older: LaneState = { ...lane, decisions: lane.decisions.map((d) => ({ ...d, trigger: null })) };
    const said = decisionFacts(lane, memoryFacts(lane)!).map((f) => f.trigger);
    expect(said[0]).toBe('schedule');
    expect(decisionFacts(older, memoryFacts(older)!).map((f) => f.trigger)).toEqual(said);
  });
});
