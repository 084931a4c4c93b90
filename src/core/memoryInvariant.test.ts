// Invariants over many random configurations on the FAKE backend (testing/fake-backend.ts): pure
// logic, no model. No method ever holds more KV cache than the budget (measured by the fake batches
// themselves, not by the engine's meter), and every answer is a complete response.
import { describe, expect, it } from 'vitest';
import type { DecisionSchedule, RunConfig } from './config.ts';
import { runAlignment } from './runAlignment.ts';
import { FakeGenerator, FakeScorer } from './testing/fake-backend.ts';
import { eventsOf, fakeRunConfig } from './testing/trajectory.ts';
import { candidateRng } from './random.ts';

function randomConfig(pick: (lo: number, hi: number) => number, random: () => number): RunConfig {
  const n = pick(1, 40);
  const maxNewTokens = pick(2, 40);
  const promptWords = pick(1, 6);
  const prompt = Array.from({ length: promptWords }, (_, i) => `w${i}${pick(0, 9)}`).join(' ');
  const fullRow = promptWords + maxNewTokens;
  const budgetTokens = pick(fullRow, Math.max(fullRow, Math.round(n * fullRow * 1.2)));
  const fixed = Array.from(new Set(Array.from({ length: pick(1, 4) }, () => pick(1, maxNewTokens - 1)))).sort((a, b) => a - b);
  const decision: DecisionSchedule = random() < 0.5 ? { mode: 'memory' } : { mode: 'fixed', lengths: fixed };
  const base = fakeRunConfig({ n, maxNewTokens, budgetTokens, methods: ['bon', 'spr', 'treebon'] });
  return {
    ...base,
    prompt,
    seed: pick(1, 1000),
    spr: { alpha: [0, 0.1, 0.5, 0.7, 0.9][pick(0, 4)]!, decision, initial: random() < 0.5 ? 'n' : 'memory', maxInitial: pick(1, 300) },
    treebon: { children: Math.min(n, pick(1, 4)), layers: Math.min(maxNewTokens, pick(1, 4)), ucb: null },
  };
}

describe('engine invariants over random configurations', () => {
  it('keeps every method inside the KV budget and answers with complete responses only', async () => {
    const random = candidateRng(20261202, 0);
    const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    for (let trial = 0; trial < 80; trial++) {
      const config = randomConfig(pick, random);
      const label = JSON.stringify({ trial, n: config.n, maxNew: config.maxNewTokens, budget: config.kvBudgetBytes / 64, spr: config.spr });
      for (const method of config.methods) {
        const generator = new FakeGenerator({ stopBias: -4 + 3 * random(), stopRise: 0.1 });
        const events = await runAlignment({ ...config, methods: [method] }, { generator, scorers: [new FakeScorer()], onEvent: () => {} });
        const budgetTokens = config.kvBudgetBytes / generator.info.kvBytesPerToken;
        expect(generator.stats.peakCacheTokens, `${method} ${label}`).toBeLessThanOrEqual(budgetTokens);
        const end = eventsOf(events, method, 'run-end')[0]!;
        expect(end.totals.peakKvBytes, `${method} ${label}`).toBeLessThanOrEqual(config.kvBudgetBytes);
        const finals = eventsOf(events, method, 'final')[0]!.candidates;
        expect(finals.length, `${method} ${label}`).toBeGreaterThan(0);
        expect(finals.every((c) => c.finished)).toBe(true);
        expect(end.winner?.finished, `${method} ${label}`).toBe(true);
        expect(finals.find((c) => c.id === end.winner!.id)).toEqual(end.winner);
      }
    }
  });
});
