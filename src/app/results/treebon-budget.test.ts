// Pure logic on an engine run with the FAKE backend (core/testing/fake-backend.ts: no model): the
// lane-based account must agree with the engine's own account of the full log and with its meter.
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../core/config.ts';
import { runAlignment } from '../../core/runAlignment.ts';
import { FakeGenerator, FakeScorer } from '../../core/testing/fake-backend.ts';
import { fakeRunConfig } from '../../core/testing/trajectory.ts';
import { treeBoNTokenAccount } from '../../core/treeBoNTokens.ts';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { describeTreeBoNBudget, treeBoNBudget } from './treebon-budget.ts';

async function treeBoNRun(stopBias: number, stopRise = 0.1) {
  const base = fakeRunConfig({ n: 8, methods: ['treebon'], budgetTokens: 10_000 });
  const config: RunConfig = { ...base, maxNewTokens: 24, treebon: { children: 2, layers: 3, ucb: null } };
  const events = await runAlignment(config, { generator: new FakeGenerator({ stopBias, stopRise }), scorers: [new FakeScorer()], onEvent: () => {} });
  return { events, lane: applyEvents(emptyRunState, events).lanes.treebon! };
}

describe('TreeBoN against Best-of-N\'s budget', () => {
  it('matches the engine\'s account when answers end early, and says how', async () => {
    const { events, lane } = await treeBoNRun(-1, 0.3);
    const b = treeBoNBudget(lane)!;
    const engine = treeBoNTokenAccount(events)!;
    expect(b).toMatchObject({ n: 8, maxNewTokens: 24, budget: 192, afterStops: engine.afterStops, emptySlots: engine.emptySlots });
    expect(b.decoded).toBe(engine.decoded);
    expect(b.decoded).toBeLessThan(192);
    expect(describeTreeBoNBudget(b)).toMatch(/^\d+ of Best-of-N's budget N × max length \(8 × 24 = 192\); \d+ left unused by answers that ended early \(\d+ after/);
    // Next to Best-of-N's own decoded tokens (less of the same budget), it says why they differ.
    expect(describeTreeBoNBudget(b, b.decoded - 10)).toMatch(new RegExp(`Best-of-N decoded ${b.decoded - 10} of the same budget: .*TreeBoN re-spends slots`));
    expect(describeTreeBoNBudget(b, b.decoded + 10)).not.toMatch(/Best-of-N decoded/);
  });

  it('says "equal" when no answer ends early, and nothing for other lanes or unfinished runs', async () => {
    const { lane } = await treeBoNRun(-60);
    const b = treeBoNBudget(lane)!;
    expect(b.decoded).toBe(192);
    expect(describeTreeBoNBudget(b)).toBe("All of Best-of-N's budget N × max length (8 × 24 = 192).");
    expect(treeBoNBudget({ ...lane, end: null })).toBeNull();
    expect(treeBoNBudget({ ...lane, method: 'bon' })).toBeNull();
  });
});
