// The streamed implicit reward on the FAKE backend (testing/fake-backend.ts): pure logic, no model.
// Kept up to date while rows decode, it must equal scoring each text from scratch, cost the reference
// one token per decoded token, and leave every selection as it would be.
import { describe, expect, it } from 'vitest';
import type { Scorer } from './backend.ts';
import type { MethodId, RunEvent } from './events.ts';
import { replaySpeculativeRejection } from './replay.ts';
import { rewardVersusCompute } from './rewardVsCompute.ts';
import { runAlignment } from './runAlignment.ts';
import { FakeGenerator, FakeImplicitReward } from './testing/fake-backend.ts';
import { eventsOf, fakeRunConfig } from './testing/trajectory.ts';

const generator = () => new FakeGenerator({ stopBias: -3 });
const reference = () => new FakeGenerator({ stopBias: -3, salt: 99 });

/** The same reward without the streamed path: every decision scores every text from scratch. */
function fromScratch(reward: FakeImplicitReward): Scorer {
  return { id: reward.id, label: reward.label, score: (requests) => reward.score(requests) };
}

async function runWith(methods: MethodId[], streamed: boolean, budgetTokens = 120): Promise<{ events: RunEvent[]; reward: FakeImplicitReward }> {
  const policy = generator();
  const reward = new FakeImplicitReward(policy, reference());
  const config = { ...fakeRunConfig({ n: 12, methods, budgetTokens, replayAlphas: [0.5] }) };
  const events = await runAlignment(config, { generator: policy, scorers: [streamed ? reward : fromScratch(reward)], onEvent: () => {} });
  return { events, reward };
}

describe('the streamed implicit reward', () => {
  it('equals scoring every text from scratch, at every decision and at the end, for every method', async () => {
    for (const methods of [['bon'], ['spr'], ['treebon']] as MethodId[][]) {
      for (const budget of [120, 2000]) {
        const streamed = await runWith(methods, true, budget);
        const scratch = await runWith(methods, false, budget);
        const scores = (events: RunEvent[]) => events.flatMap((e) => (e.type === 'decision' || e.type === 'final' ? e.candidates.map((c) => [c.id, c.length, c.reward]) : []));
        const a = scores(streamed.events);
        const b = scores(scratch.events);
        expect(a.length).toBeGreaterThan(0);
        expect(a.map(([id, length]) => [id, length])).toEqual(b.map(([id, length]) => [id, length]));
        a.forEach(([, , reward], i) => expect(reward).toBeCloseTo(b[i]![2]!, 9));
        // The streamed path never called the scorer.
        expect(streamed.reward.calls).toBe(0);
        expect(eventsOf(streamed.events, methods[0]!, 'run-end')[0]!.winner!.id).toBe(eventsOf(scratch.events, methods[0]!, 'run-end')[0]!.winner!.id);
      }
    }
  });

  it('costs the reference the prompt once and every decoded token but each row\'s last, never a re-read at a decision', async () => {
    const { events } = await runWith(['spr'], true);
    const start = eventsOf(events, 'spr', 'run-start')[0]!;
    const totals = eventsOf(events, 'spr', 'run-end')[0]!.totals;
    expect(start.streamedScorers).toEqual([0]);
    expect(totals.rewardTokens).toBe(start.promptTokens + totals.decodedTokens - start.n);
    const scratch = eventsOf((await runWith(['spr'], false)).events, 'spr', 'run-end')[0]!.totals;
    expect(totals.rewardTokens).toBeLessThan(scratch.rewardTokens);
  });

  it('replays exactly (reward-model tokens included) and puts Best-of-N\'s own point on its curve', async () => {
    const bon = (await runWith(['bon'], true)).events;
    const spr = (await runWith(['spr'], true)).events;
    const replayed = replaySpeculativeRejection(bon, { alpha: 0.5, decision: { mode: 'memory' } });
    const end = eventsOf(spr, 'spr', 'run-end')[0]!;
    expect(replayed.approximate).toBe(false);
    expect(replayed.winner?.id).toBe(end.winner?.id);
    expect(replayed.rewardTokens).toBe(end.totals.rewardTokens);
    const picture = rewardVersusCompute(bon, [])!;
    expect(picture.bestOfN.at(-1)!.rewardTokens).toBe(eventsOf(bon, 'bon', 'run-end')[0]!.totals.rewardTokens);
  });
});
