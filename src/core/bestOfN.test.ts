// Best-of-N on the FAKE backend (testing/fake-backend.ts): pure logic, no model.
import { describe, expect, it } from 'vitest';
import { runAlignment } from './runAlignment.ts';
import { FakeGenerator, FakeScorer } from './testing/fake-backend.ts';
import { eventsOf, fakeRunConfig, soloTrajectory } from './testing/trajectory.ts';

async function runBoN(config = fakeRunConfig({ methods: ['bon'], n: 10 }), generator = new FakeGenerator(), scorer = new FakeScorer()) {
  const events = await runAlignment(config, { generator, scorers: [scorer], onEvent: () => {} });
  return { events, generator, scorer, config };
}

describe('Best-of-N', () => {
  it('runs ceil(N / capacity) sequential batches under the KV budget', async () => {
    // Rows of 4 + 32 tokens; 120 tokens hold 3: batches of 3, 3, 3, 1.
    const { events, generator } = await runBoN();
    expect(generator.stats.prefills).toBe(4);
    expect(generator.stats.disposes).toBe(4);
    expect(generator.stats.liveBatches).toBe(0);
    const [start] = eventsOf(events, 'bon', 'run-start');
    expect(start?.capacityRows).toBe(3);
    expect(eventsOf(events, 'bon', 'spawn')[0]?.candidates.map((c) => c.batch)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
    const end = eventsOf(events, 'bon', 'run-end')[0]!;
    expect(end.totals.peakKvBytes).toBeLessThanOrEqual(120 * 64);
    // One prompt prefill per sequential batch: the rows of a batch are the same sequence.
    expect(end.totals.prefillTokens).toBe(4 * 4);
  });

  it('samples each candidate exactly as if it were decoded alone', async () => {
    const { events, generator, config } = await runBoN();
    const final = eventsOf(events, 'bon', 'final')[0]!;
    expect(final.candidates).toHaveLength(10);
    for (const c of final.candidates) {
      const solo = soloTrajectory(generator, config.prompt, config, c.id);
      expect(c.length).toBe(solo.length);
      expect(c.text).toBe(generator.decode(solo));
    }
    // The batch split does not matter: one batch gives the same responses.
    const single = await runBoN(fakeRunConfig({ methods: ['bon'], n: 10, budgetTokens: 10_000 }));
    expect(single.generator.stats.prefills).toBe(1);
    expect(eventsOf(single.events, 'bon', 'final')[0]!.candidates).toEqual(final.candidates);
  });

  it('drops finished rows from the batch as they finish', async () => {
    const { events, generator } = await runBoN(fakeRunConfig({ methods: ['bon'], n: 6, budgetTokens: 10_000 }));
    const finishes = eventsOf(events, 'bon', 'finish');
    expect(finishes).toHaveLength(6);
    // Every append carries only the rows still decoding: 6 rows, shrinking as they end.
    const rows = generator.stats.appendRows;
    expect(rows[0]).toBe(6);
    for (let i = 1; i < rows.length; i++) expect(rows[i]).toBeLessThanOrEqual(rows[i - 1]!);
    const decoded = finishes.reduce((sum, f) => sum + f.length, 0);
    const end = eventsOf(events, 'bon', 'run-end')[0]!;
    expect(end.totals.decodedTokens).toBe(decoded);
    expect(end.totals.steps).toBe(Math.max(...finishes.map((f) => f.length)));
    // Finished rows never cost a forward pass: appends = decoded tokens - the tokens of each row's last step.
    expect(rows.reduce((a, b) => a + b, 0)).toBe(decoded - 6);
    const steps = eventsOf(events, 'bon', 'step');
    expect(steps.map((s) => s.step)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.at(-1)!.totals.decodedTokens).toBe(decoded);
  });

  it('scores every complete response once and returns the argmax', async () => {
    const { events, scorer } = await runBoN();
    const final = eventsOf(events, 'bon', 'final')[0]!;
    expect(scorer.scored).toBe(10);
    for (const c of final.candidates) expect(c.reward).toBe(scorer.scoreText(c.text));
    const best = Math.max(...final.candidates.map((c) => c.reward));
    const end = eventsOf(events, 'bon', 'run-end')[0]!;
    expect(end.winner?.reward).toBe(best);
    expect(end.winner?.id).toBe(final.candidates.find((c) => c.reward === best)!.id);
    expect(end.stopped).toBe(false);
    expect(end.totals.rewardTokens).toBeGreaterThan(0);
  });

  it('records prefix scores for analysis without counting them', async () => {
    const plain = await runBoN();
    const lengths = [4, 8, 16, 24];
    const { events, generator, scorer, config } = await runBoN(fakeRunConfig({ methods: ['bon'], n: 10, prefixScoreLengths: lengths }));
    const prefix = eventsOf(events, 'bon', 'prefix-scores')[0]!;
    expect(prefix.lengths).toEqual(lengths);
    for (const c of prefix.candidates) {
      const solo = soloTrajectory(generator, config.prompt, config, c.id);
      expect(c.length).toBe(solo.length);
      expect(c.final).toBe(scorer.scoreText(generator.decode(solo)));
      lengths.forEach((l, i) => {
        expect(c.partial[i]).toBe(solo.length > l ? scorer.scoreText(generator.decode(solo.slice(0, l))) : null);
      });
    }
    const totals = eventsOf(events, 'bon', 'run-end')[0]!.totals;
    const plainTotals = eventsOf(plain.events, 'bon', 'run-end')[0]!.totals;
    expect(totals.rewardTokens).toBe(plainTotals.rewardTokens);
    expect(totals.decodedTokens).toBe(plainTotals.decodedTokens);
  });

  it('counts the padded width when the backend pads rows', async () => {
    const { events } = await runBoN(fakeRunConfig({ methods: ['bon'], n: 3, budgetTokens: 10_000 }), new FakeGenerator({ padTo: 8 }));
    const steps = eventsOf(events, 'bon', 'step');
    // Step s feeds the token of step s - 1: the cache then holds 4 + s - 1 tokens per row, in blocks of 8.
    for (const s of steps.slice(1)) expect(s.kvBytes).toBe(s.alive * Math.ceil((4 + s.step - 1) / 8) * 8 * 64);
    const peak = eventsOf(events, 'bon', 'run-end')[0]!.totals.peakKvBytes;
    expect(peak).toBe(Math.max(...steps.map((s) => s.kvBytes)));
  });
});
