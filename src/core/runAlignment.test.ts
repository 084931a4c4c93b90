// The run loop on the FAKE backend (testing/fake-backend.ts): pure logic, no model.
import { describe, expect, it } from 'vitest';
import type { Scorer } from './backend.ts';
import type { RunConfig } from './config.ts';
import { EngineError } from './errors.ts';
import type { RunEvent } from './events.ts';
import { runAlignment } from './runAlignment.ts';
import { FakeGenerator, FakeScorer } from './testing/fake-backend.ts';
import { eventsOf, fakeRunConfig, withoutTimes } from './testing/trajectory.ts';

async function run(config: RunConfig, generator = new FakeGenerator(), scorers: Scorer[] = [new FakeScorer()], signal?: { aborted: boolean }) {
  const seen: RunEvent[] = [];
  const events = await runAlignment(config, { generator, scorers, onEvent: (e) => seen.push(e), ...(signal && { signal }) });
  return { events, seen, generator };
}

describe('runAlignment', () => {
  it('emits every event to onEvent and returns the same log, in a sensible order per method', async () => {
    const { events, seen } = await run(fakeRunConfig({ n: 6 }));
    expect(seen).toEqual(events);
    for (const method of ['bon', 'spr'] as const) {
      const types = events.filter((e) => e.method === method).map((e) => e.type);
      expect(types[0]).toBe('run-start');
      expect(types[1]).toBe('spawn');
      expect(types.at(-2)).toBe('final');
      expect(types.at(-1)).toBe('run-end');
    }
    expect(events.findIndex((e) => e.method === 'spr')).toBe(events.findIndex((e) => e.type === 'run-end') + 1);
    const times = events.map((e) => e.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('gives an identical event log for the same seed, and another for another seed', async () => {
    const config = fakeRunConfig({ n: 12, prefixScoreLengths: [4, 12] });
    const first = await run(config);
    const second = await run(config);
    expect(withoutTimes(second.events)).toEqual(withoutTimes(first.events));
    const other = await run({ ...config, seed: 2 });
    expect(withoutTimes(other.events)).not.toEqual(withoutTimes(first.events));
  });

  it('gives each method the same results whatever ran before it', async () => {
    const forward = await run(fakeRunConfig({ n: 12, methods: ['bon', 'spr'] }));
    const backward = await run(fakeRunConfig({ n: 12, methods: ['spr', 'bon'] }));
    for (const method of ['bon', 'spr'] as const) {
      expect(withoutTimes(backward.events.filter((e) => e.method === method))).toEqual(withoutTimes(forward.events.filter((e) => e.method === method)));
    }
  });

  it('stamps t from the given clock and splits wall time by phase', async () => {
    let clock = 1000;
    const now = (): number => (clock += 1);
    const events = await runAlignment(fakeRunConfig({ n: 4 }), { generator: new FakeGenerator(), scorers: [new FakeScorer()], onEvent: () => {}, now });
    // t counts from the run's start on the given clock, not from its origin.
    expect(events[0]!.t).toBeGreaterThan(0);
    expect(events[0]!.t).toBeLessThan(10);
    for (const end of events.filter((e) => e.type === 'run-end')) {
      const { wallMs, generateMs, scoreMs, pruneMs } = end.totals;
      expect(generateMs).toBeGreaterThan(0);
      expect(scoreMs).toBeGreaterThan(0);
      expect(generateMs + scoreMs + pruneMs).toBeLessThanOrEqual(wallMs);
    }
  });

  it('stops within one decode step of an abort, ends the method with the best so far, and starts no other', async () => {
    const signal = { aborted: false };
    let appendsAtAbort = -1;
    // Batches of 3 (120-token budget): abort during the second batch, after the first was scored.
    const generator = new FakeGenerator({
      onAppend: (appends) => {
        if (appends === 45) {
          signal.aborted = true;
          appendsAtAbort = appends;
        }
      },
    });
    const { events } = await run(fakeRunConfig({ n: 8 }), generator, [new FakeScorer()], signal);
    expect(generator.stats.appends).toBe(appendsAtAbort);
    expect(generator.stats.liveBatches).toBe(0);
    expect(events.some((e) => e.method === 'spr')).toBe(false);
    const end = eventsOf(events, 'bon', 'run-end')[0]!;
    expect(end.stopped).toBe(true);
    const firstBatch = eventsOf(events, 'bon', 'finish').filter((f) => f.id < 3);
    expect(firstBatch).toHaveLength(3);
    expect([0, 1, 2]).toContain(end.winner?.id);
    // The step after the abort's append ran (its logits were paid for); no step after that.
    const lastStep = eventsOf(events, 'bon', 'step').at(-1)!;
    expect(end.totals.steps).toBe(lastStep.step);
  });

  it('ends with no winner when stopped before anything was scored, and checks before scoring', async () => {
    const signal = { aborted: false };
    const generator = new FakeGenerator({ onAppend: (appends) => appends === 3 && (signal.aborted = true) });
    const { events } = await run(fakeRunConfig({ n: 4, methods: ['spr'] }), generator, [new FakeScorer()], signal);
    const end = eventsOf(events, 'spr', 'run-end')[0]!;
    expect(end).toMatchObject({ stopped: true, winner: null });

    const scorer = new FakeScorer();
    const early = { aborted: true };
    expect((await run(fakeRunConfig({ n: 4 }), new FakeGenerator(), [scorer], early)).events).toEqual([]);
    expect(scorer.calls).toBe(0);
  });

  it('refuses an invalid configuration with a field, before any work', async () => {
    const generator = new FakeGenerator();
    // One response is 4 + 32 tokens; 30 tokens of budget cannot hold it.
    const attempt = run(fakeRunConfig({ budgetTokens: 30 }), generator);
    await expect(attempt).rejects.toBeInstanceOf(EngineError);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-config', field: 'kvBudgetBytes' });
    await expect(run(fakeRunConfig(), generator, [])).rejects.toMatchObject({ code: 'invalid-config' });
    expect(generator.stats.prefills).toBe(0);
  });

  it('disposes the batch when the backend fails mid-run and lets the error through', async () => {
    const generator = new FakeGenerator({
      onAppend: (appends) => {
        if (appends === 5) throw new Error('device lost');
      },
    });
    await expect(run(fakeRunConfig({ n: 4, methods: ['spr'] }), generator)).rejects.toThrow('device lost');
    expect(generator.stats.liveBatches).toBe(0);
  });
});
