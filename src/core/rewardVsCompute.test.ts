// The reward-versus-compute picture from real engine runs on the FAKE backend (testing/fake-backend.ts): pure logic, no model.
import { describe, expect, it } from 'vitest';
import type { RunConfig } from './config.ts';
import type { RunEvent } from './events.ts';
import { bestOfNCatchUp, doublings, rewardVersusCompute } from './rewardVsCompute.ts';
import { meanRewardVsCompute } from './rewardVsComputeMean.ts';
import { runAlignment } from './runAlignment.ts';
import { FakeGenerator, FakeScorer } from './testing/fake-backend.ts';
import { eventsOf, fakeRunConfig } from './testing/trajectory.ts';

const ALPHAS = [0, 0.5, 0.8];

async function run(config: RunConfig): Promise<RunEvent[]> {
  const generator = new FakeGenerator({ parameters: 1000 });
  return runAlignment(config, { generator, scorers: [new FakeScorer('fake', 0, 300)], onEvent: () => {} });
}

function config(alpha: number, extra: Partial<RunConfig> = {}): RunConfig {
  const base = fakeRunConfig({ n: 10, methods: ['bon', 'spr'], replayAlphas: ALPHAS, ...extra });
  return { ...base, spr: { ...base.spr, alpha, ...extra.spr } };
}

describe('reward versus compute', () => {
  it('counts FLOPs as 2 x parameters x tokens, generator and reward model added', async () => {
    const events = await run(config(0.5));
    for (const method of ['bon', 'spr'] as const) {
      const t = eventsOf(events, method, 'run-end')[0]!.totals;
      expect(t.generatorFlops).toBe(2 * 1000 * (t.decodedTokens + t.prefillTokens));
      expect(t.rewardFlops).toBe(2 * 300 * t.rewardTokens);
    }
    expect(eventsOf(events, 'bon', 'run-start')[0]!.parameters).toEqual({ generator: 1000, scorers: [300] });
  });

  it('draws Best-of-N as best-of-k over its first k candidates; at k = N it is the run', async () => {
    const events = await run(config(0.5));
    const picture = rewardVersusCompute(events, ALPHAS)!;
    expect(picture.bestOfN.map((p) => p.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(doublings(10)).toEqual([1, 2, 4, 8, 10]);
    expect(picture.bestOfNWorst).toBe(Math.min(...eventsOf(events, 'bon', 'final')[0]!.candidates.map((c) => c.reward)));
    const bon = picture.runs.find((r) => r.method === 'bon')!;
    const last = picture.bestOfN.at(-1)!;
    expect(last).toMatchObject({ reward: bon.reward, decodedTokens: bon.decodedTokens, rewardTokens: bon.rewardTokens, prefillTokens: bon.prefillTokens, flops: bon.flops });
    // More candidates: never a lower best reward, never less compute.
    for (let i = 1; i < picture.bestOfN.length; i++) {
      expect(picture.bestOfN[i]!.reward).toBeGreaterThanOrEqual(picture.bestOfN[i - 1]!.reward);
      expect(picture.bestOfN[i]!.decodedTokens).toBeGreaterThan(picture.bestOfN[i - 1]!.decodedTokens);
    }
  });

  it('places each alpha where a same-N run lands: reward, decoded and reward-model tokens', async () => {
    for (const alpha of ALPHAS) {
      const events = await run(config(alpha));
      const point = rewardVersusCompute(events, ALPHAS)!.replay.find((p) => p.alpha === alpha)!;
      const spr = rewardVersusCompute(events, ALPHAS)!.runs.find((r) => r.method === 'spr')!;
      expect(point.exact).toBe(true);
      expect(point).toMatchObject({ reward: spr.reward, decodedTokens: spr.decodedTokens, rewardTokens: spr.rewardTokens, flops: spr.flops });
    }
  });

  it('says how much compute Best-of-N needs to reach a reward', async () => {
    const events = await run(config(0.5));
    const picture = rewardVersusCompute(events, ALPHAS)!;
    const bon = picture.runs.find((r) => r.method === 'bon')!;
    const catchUp = bestOfNCatchUp(picture.bestOfN, bon)!;
    // Best-of-N reaches its own reward at the first k that holds its winner, for at most its own compute.
    const winner = eventsOf(events, 'bon', 'run-end')[0]!.winner!;
    expect(catchUp.k).toBeLessThanOrEqual(winner.id + 1);
    expect(catchUp.ratios.decodedTokens).toBeLessThanOrEqual(1);
    const unreachable = bestOfNCatchUp(picture.bestOfN, { ...bon, reward: bon.reward + 1 })!;
    expect(unreachable.k).toBeNull();
    expect(unreachable.ratios.decodedTokens).toBe(1);
  });

  it('averages a prompt set, with the reference\'s improvement score per point (Best-of-N = 100)', async () => {
    const pictures = [];
    for (const seed of [1, 2, 3]) pictures.push(rewardVersusCompute(await run({ ...config(0.5), seed }), ALPHAS)!);
    const mean = meanRewardVsCompute(pictures)!;
    expect(mean.prompts).toBe(3);
    const bon = mean.runs.find((r) => r.method === 'bon')!;
    expect(bon.reward).toBeCloseTo((pictures[0]!.runs[0]!.reward + pictures[1]!.runs[0]!.reward + pictures[2]!.runs[0]!.reward) / 3, 12);
    expect(bon.improvement).toBeCloseTo(100, 12);
    expect(mean.bestOfN.at(-1)!.improvement).toBeCloseTo(100, 12);
    expect(mean.bestOfN[0]!.improvement!).toBeLessThan(100);
    expect(mean.replay.map((r) => r.alpha)).toEqual(ALPHAS);
    // Replayed on Best-of-N's own candidates, Speculative Rejection can match Best-of-N but never beat it.
    for (const r of mean.replay) expect(r.improvement!).toBeLessThanOrEqual(100 + 1e-9);
  });
});
