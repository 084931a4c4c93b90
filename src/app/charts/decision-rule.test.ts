// The decision-length rule over a FIXTURE log (hand-written) and over an engine run with the FAKE backend.
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../core/config.ts';
import type { RunEvent } from '../../core/events.ts';
import { runAlignment } from '../../core/runAlignment.ts';
import { FakeGenerator, FakeScorer } from '../../core/testing/fake-backend.ts';
import { fakeRunConfig } from '../../core/testing/trajectory.ts';
import { sprEvents } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { decisionRules } from './decision-rule.ts';

describe('decisionRules', () => {
  it('names a fixed length when the budget did not set it', () => {
    const lane = applyEvents(emptyRunState, sprEvents).lanes.spr!;
    // The fixture's budget holds its 4 rows to the end (4 × 9 tokens): its decision at 2 was scheduled.
    expect(decisionRules(lane, 'tokens')).toEqual([{ round: 1, x: 8, length: 2, rows: 4, byBudget: false, label: 'decision 1: at the fixed length 2' }]);
  });

  it('gives every budget-full decision of a real run as ⌊budget ÷ rows⌋ − prompt tokens, the rows counted when its round starts', async () => {
    const base = fakeRunConfig({ n: 16, methods: ['spr'], budgetTokens: 200 });
    const config: RunConfig = { ...base, maxNewTokens: 48 };
    const events: RunEvent[] = await runAlignment(config, { generator: new FakeGenerator({ stopBias: -2, stopRise: 0.05 }), scorers: [new FakeScorer()], onEvent: () => {} });
    const lane = applyEvents(emptyRunState, events).lanes.spr!;
    const rules = decisionRules(lane, 'tokens');
    const decisions = events.filter((e) => e.type === 'decision');
    expect(rules.length).toBe(decisions.length);
    expect(rules.length).toBeGreaterThan(1);
    const start = lane.start!;
    const budget = Math.floor(start.kvBudgetBytes / start.kvBytesPerToken);
    let previous = 0;
    for (const [i, d] of decisions.entries()) {
      if (d.type !== 'decision') continue;
      const rule = rules[i]!;
      // The engine's own trigger agrees with the rule's arithmetic.
      expect(rule.byBudget).toBe(d.trigger === 'budget-full');
      if (rule.byBudget) expect(d.length).toBe(Math.max(previous + 1, Math.floor(budget / rule.rows) - start.promptTokens));
      expect(rule.label).toBe(`decision ${i + 1}: ⌊${budget} ÷ ${rule.rows} rows⌋ − ${start.promptTokens} = ${d.length} tokens`);
      previous = d.length;
    }
    expect(rules[0]!.rows).toBe(start.n);
  });
});
