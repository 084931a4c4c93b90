import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.ts';
import { runAlignment } from '../../core/runAlignment.ts';
import { FakeGenerator, FakeScorer } from '../../core/testing/fake-backend.ts';
import { fakeRunConfig } from '../../core/testing/trajectory.ts';
import { applyEvents, startRunState } from '../state/run-state.ts';
import { finishOrder, laneFinishes, raceTimeline, RaceCursor } from './race-timeline.ts';

/** A three-method log on the FAKE models, on a clock that ticks 1 ms per reading. */
async function log(): Promise<RunEvent[]> {
  let clock = 0;
  const config = fakeRunConfig({ n: 8, methods: ['bon', 'spr', 'treebon'], seed: 2, prefixScoreLengths: [4, 8], budgetTokens: 8 * 12 });
  return runAlignment(config, { generator: new FakeGenerator(), scorers: [new FakeScorer()], onEvent: () => {}, now: () => clock++ });
}

describe('the race clock', () => {
  it('ends on the whole run: every event applied, the same state as showing the log at once', async () => {
    const events = await log();
    const combine = fakeRunConfig().combine;
    const timeline = raceTimeline(events, combine);
    const cursor = new RaceCursor(timeline);
    expect(cursor.stateAt(timeline.duration)).toEqual(applyEvents(startRunState(combine), events));
  });

  it('shows each lane as it was the same time after its own start, forwards step by step or in one jump, and back', async () => {
    const events = await log();
    const timeline = raceTimeline(events, null);
    const walker = new RaceCursor(timeline);
    for (let t = 0; t <= timeline.duration; t += 7) {
      const walked = walker.stateAt(t);
      expect(new RaceCursor(timeline).stateAt(t)).toEqual(walked);
      for (const method of ['bon', 'spr', 'treebon'] as const) {
        const start = events.find((e) => e.method === method && e.type === 'run-start')!.t;
        const track = timeline.tracks.find((k) => k.method === method)!;
        const steps = events.filter((e) => e.method === method && e.type === 'step' && e.t - start <= t && e.t - start <= track.finish).length;
        expect(walked.lanes[method]!.steps.length).toBe(steps);
      }
    }
    const late = walker.stateAt(timeline.duration);
    expect(walker.stateAt(3)).toEqual(new RaceCursor(timeline).stateAt(3));
    expect(walker.stateAt(timeline.duration)).toEqual(late);
  });

  it('ends a method at its answer: analysis recorded after it (Best-of-N\'s prefix scores) is not run time', async () => {
    const events = await log();
    const timeline = raceTimeline(events, null);
    const bon = timeline.tracks.find((k) => k.method === 'bon')!;
    const start = events.find((e) => e.type === 'run-start')!.t;
    const final = events.find((e) => e.method === 'bon' && e.type === 'final')!.t - start;
    const end = events.find((e) => e.method === 'bon' && e.type === 'run-end')!.t - start;
    expect(end).toBeGreaterThan(final);
    expect(bon.finish).toBe(final);
    expect(timeline.starts.map((s) => s.method)).toEqual(['bon', 'spr', 'treebon']);
    // On the fake clock time is readings: Speculative Rejection, with the fewest steps, is first.
    expect(finishOrder(timeline)[0]!.method).toBe('spr');
    // The store knows the same finishes without the log.
    const state = new RaceCursor(timeline).stateAt(timeline.duration);
    expect(laneFinishes(state)).toEqual(finishOrder(timeline).map((k) => ({ method: k.method, finish: k.finish })));
  });
});
