// Speculative Rejection on the FAKE backend (testing/fake-backend.ts): pure logic, no model.
import { describe, expect, it } from 'vitest';
import type { ScoreRequest, Scorer } from './backend.ts';
import type { RunConfig } from './config.ts';
import type { RunEvent } from './events.ts';
import { runAlignment } from './runAlignment.ts';
import { roundHalfEven } from './stats.ts';
import { FakeGenerator, FakeScorer } from './testing/fake-backend.ts';
import { eventsOf, fakeRunConfig, soloTrajectory } from './testing/trajectory.ts';

async function run(config: RunConfig, generator = new FakeGenerator(), scorers: Scorer[] = [new FakeScorer()]): Promise<RunEvent[]> {
  return runAlignment(config, { generator, scorers, onEvent: () => {} });
}

const spr = (alpha: number, extra: Partial<RunConfig> & { budgetTokens?: number } = {}): RunConfig => {
  const base = fakeRunConfig({ n: 24, methods: ['spr'], ...extra });
  return { ...base, spr: { ...base.spr, alpha, ...extra.spr } };
};

describe('Speculative Rejection', () => {
  it('with alpha = 0 returns exactly what Best-of-N returns on the same seed', async () => {
    // A budget that holds all 24 full rows (36 tokens each) and a fixed schedule: Speculative
    // Rejection decides three times, keeping everyone; the candidates sample the same tokens.
    const base = spr(0, { methods: ['bon', 'spr'], budgetTokens: 24 * 36 });
    const config = { ...base, spr: { ...base.spr, decision: { mode: 'fixed' as const, lengths: [4, 9, 17] } } };
    const events = await run(config);
    expect(eventsOf(events, 'spr', 'decision').length).toBe(3);
    expect(eventsOf(events, 'bon', 'run-start')[0]!.params['batches']).toBe(1);
    const bonFinal = eventsOf(events, 'bon', 'final')[0]!.candidates;
    const sprFinal = eventsOf(events, 'spr', 'final')[0]!.candidates;
    expect(sprFinal).toEqual(bonFinal);
    expect(eventsOf(events, 'spr', 'run-end')[0]!.winner).toEqual(eventsOf(events, 'bon', 'run-end')[0]!.winner);
    expect(eventsOf(events, 'spr', 'run-end')[0]!.totals.decodedTokens).toBe(eventsOf(events, 'bon', 'run-end')[0]!.totals.decodedTokens);
  });

  it('with alpha = 0 and a full budget still rejects: rows whose next token would not fit are cut', async () => {
    const events = await run(spr(0));
    const decisions = eventsOf(events, 'spr', 'decision');
    expect(decisions.length).toBeGreaterThan(1);
    for (const d of decisions) {
      const dropped = d.candidates.filter((c) => !c.kept).length;
      expect(dropped).toBe(d.cutForMemory ?? 0);
      expect(d.trigger).toBe('budget-full');
    }
  });

  it('keeps round_half_even((1 - alpha) x pool) at each decision, and the pool is survivors plus kept finished ones', async () => {
    for (const alpha of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      for (const decision of [{ mode: 'memory' as const }, { mode: 'fixed' as const, lengths: [2, 5, 9, 14, 20, 27] }]) {
        const base = spr(alpha);
        const events = await run({ ...base, spr: { ...base.spr, decision } });
        const decisions = eventsOf(events, 'spr', 'decision');
        expect(decisions.length).toBeGreaterThan(0);
        // 120 tokens hold 10 rows of 4 prompt + 8 first-round tokens: it starts 10 of the 24 asked for.
        expect(eventsOf(events, 'spr', 'run-start')[0]!).toMatchObject({ n: 10, params: { requestedStart: 24 } });
        let expectedPool = new Set(Array.from({ length: 10 }, (_, i) => i));
        for (const d of decisions) {
          expect(new Set(d.candidates.map((c) => c.id))).toEqual(expectedPool);
          const kept = d.candidates.filter((c) => c.kept);
          expect(kept.length + (d.cutForMemory ?? 0)).toBe(Math.max(1, roundHalfEven((1 - alpha) * d.candidates.length)));
          // The kept ones are the best ones.
          const worstKept = Math.min(...kept.map((c) => c.reward));
          for (const c of d.candidates.filter((c) => !c.kept)) expect(c.reward).toBeLessThanOrEqual(worstKept);
          expectedPool = new Set(kept.map((c) => c.id));
        }
      }
    }
  });

  it('decides where the KV budget is full: each alive row holds budget / alive tokens', async () => {
    const events = await run(spr(0.5));
    const decisions = eventsOf(events, 'spr', 'decision');
    // 10 rows start (see above): 120 tokens / 10 rows = 12 per row, 4 of them prompt: first decision
    // at 8, then 120 / 5 - 4 = 16, 120 / 2 - 4 = 56 >= 32: run to the end.
    const alive = (d: (typeof decisions)[number]): number => d.candidates.filter((c) => !c.finished).length;
    expect(decisions[0]!.length).toBe(8);
    for (let i = 1; i < decisions.length; i++) {
      const previous = decisions[i - 1]!;
      const survivors = previous.candidates.filter((c) => c.kept && !c.finished).length;
      expect(decisions[i]!.length).toBe(Math.floor(120 / survivors) - 4);
      expect(alive(decisions[i]!)).toBeLessThanOrEqual(survivors);
    }
  });

  it('follows a fixed schedule, and survivors keep their cache rows and token ids', async () => {
    const generator = new FakeGenerator();
    const base = spr(0.5);
    const config = { ...base, spr: { ...base.spr, decision: { mode: 'fixed' as const, lengths: [3, 8, 16] } } };
    const events = await run(config, generator);
    const decisions = eventsOf(events, 'spr', 'decision');
    expect(decisions.map((d) => d.length)).toEqual([3, 8, 16].slice(0, decisions.length));
    // Every trajectory, pruned or not, equals the candidate decoded alone: no row ever got another's cache.
    for (const d of decisions) {
      for (const c of d.candidates) {
        const solo = soloTrajectory(generator, config.prompt, config, c.id);
        expect(c.text).toBe(generator.decode(solo.slice(0, c.length)));
      }
    }
    for (const c of eventsOf(events, 'spr', 'final')[0]!.candidates) {
      expect(c.text).toBe(generator.decode(soloTrajectory(generator, config.prompt, config, c.id)));
    }
    // Only the prompt is ever prefilled: survivors are never re-tokenised.
    expect(generator.stats.prefills).toBe(1);
    expect(eventsOf(events, 'spr', 'run-end')[0]!.totals.prefillTokens).toBe(4);
  });

  it('lets a candidate that finished early compete and win', async () => {
    // Ends come early with this fake generator; the FAKE scorer below prizes a short complete answer.
    const generator = new FakeGenerator({ stopBias: -0.5, stopRise: 0.05 });
    const base = spr(0.5, { methods: ['bon', 'spr'], budgetTokens: 24 * 12 });
    const probe = await run({ ...base, methods: ['bon'] }, generator);
    const shortest = eventsOf(probe, 'bon', 'final')[0]!.candidates.reduce((a, b) => (b.length < a.length ? b : a));
    expect(shortest.length).toBeLessThan(6);
    const prizeShort: Scorer = {
      id: 'short',
      label: 'prefers short answers',
      score: async (requests: readonly ScoreRequest[]) => ({
        scores: requests.map((r) => (r.response === shortest.text ? 100 : -r.response.split(' ').length)),
        tokens: requests.length,
      }),
    };
    const config = { ...base, methods: ['spr' as const], spr: { ...base.spr, decision: { mode: 'fixed' as const, lengths: [8, 16] } } };
    const events = await run(config, generator, [prizeShort]);
    const first = eventsOf(events, 'spr', 'decision')[0]!;
    const early = first.candidates.find((c) => c.id === shortest.id)!;
    expect(early).toMatchObject({ finished: true, kept: true, length: shortest.length, reward: 100 });
    const end = eventsOf(events, 'spr', 'run-end')[0]!;
    expect(end.winner).toMatchObject({ id: shortest.id, finished: true, text: shortest.text });
  });

  it('fits the initial batch to memory when asked', async () => {
    const base = spr(0.5);
    const big = { ...base, kvBudgetBytes: 2400 * 64 };
    const events = await run({ ...big, spr: { ...big.spr, initial: 'memory', maxInitial: 1000 } });
    // 2400 tokens / (4 prompt + 8 first-round tokens) = 200 rows (N is 24), first decision at 2400 / 200 - 4 = 8.
    expect(eventsOf(events, 'spr', 'run-start')[0]!).toMatchObject({ n: 200, params: { initial: 'memory', requestedStart: 1000 } });
    expect(eventsOf(events, 'spr', 'decision')[0]!.length).toBe(8);
    const capped = await run({ ...big, spr: { ...big.spr, initial: 'memory', maxInitial: 50 } });
    expect(eventsOf(capped, 'spr', 'run-start')[0]!.n).toBe(50);
  });

  it('keeps raw scores per scorer and selects by their combination', async () => {
    const base = spr(0.5);
    const config = { ...base, combine: { rule: 'min' as const, normalize: 'rank' as const, temperature: 1 } };
    const a = new FakeScorer('a', 1);
    const b = new FakeScorer('b', 2);
    const events = await run(config, new FakeGenerator(), [a, b]);
    const d = eventsOf(events, 'spr', 'decision')[1]!;
    for (const c of d.candidates) expect(c.scores).toEqual([a.scoreText(c.text), b.scoreText(c.text)]);
    const n = d.candidates.length;
    const rank = (values: number[], v: number): number => {
      const below = values.filter((x) => x < v).length;
      const equal = values.filter((x) => x === v).length;
      return (below + (equal - 1) / 2) / (n - 1);
    };
    const col = (s: number): number[] => d.candidates.map((c) => c.scores[s]!);
    for (const c of d.candidates) expect(c.reward).toBeCloseTo(Math.min(rank(col(0), c.scores[0]!), rank(col(1), c.scores[1]!)), 12);
  });
});
