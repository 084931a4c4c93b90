// Pure logic: the reducer is driven by a hand-written event log (a fixture), not by the engine.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.ts';
import { bonEvents, sprEvents, twoMethodRun } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState, type LaneState } from './run-state.ts';

const lane = (events: readonly RunEvent[], method: 'bon' | 'spr'): LaneState => {
  const l = applyEvents(emptyRunState, events).lanes[method];
  if (!l) throw new Error(`no ${method} lane`);
  return l;
};

describe('applyEvents', () => {
  it('keeps methods in order of appearance and counts events', () => {
    const state = applyEvents(emptyRunState, twoMethodRun);
    expect(state.methods).toEqual(['bon', 'spr']);
    expect(state.eventCount).toBe(twoMethodRun.length);
  });

  it('gives the same state whether events arrive at once or in batches', () => {
    const once = applyEvents(emptyRunState, twoMethodRun);
    let batched = emptyRunState;
    for (let i = 0; i < twoMethodRun.length; i += 3) batched = applyEvents(batched, twoMethodRun.slice(i, i + 3));
    expect(batched).toEqual(once);
  });

  it('grows alive branches one token per step and queues later Best-of-N batches', () => {
    const afterTwoSteps = lane(bonEvents.slice(0, 4), 'bon');
    expect(afterTwoSteps.candidates.get(0)?.length).toBe(2);
    // Batch 1 spawned up front would wait: simulate by spawning it early.
    const early: RunEvent = { method: 'bon', t: 1002, type: 'spawn', candidates: [{ id: 9, parent: null, batch: 1, prefixLength: 0 }] };
    const withQueued = lane([...bonEvents.slice(0, 2), early, ...bonEvents.slice(2, 4)], 'bon');
    expect(withQueued.candidates.get(9)).toMatchObject({ status: 'queued', length: 0 });
    expect(withQueued.candidates.get(0)).toMatchObject({ status: 'alive', length: 2 });
  });

  it('starts the queued batch once the running one has finished', () => {
    const early: RunEvent = { method: 'bon', t: 1002, type: 'spawn', candidates: [{ id: 9, parent: null, batch: 1, prefixLength: 0 }] };
    const upToFinish = bonEvents.slice(0, 8);
    const l = lane([...upToFinish.slice(0, 2), early, ...upToFinish.slice(2)], 'bon');
    expect(l.candidates.get(9)?.status).toBe('alive');
  });

  it('records finished candidates with their exact length and text', () => {
    const l = lane(bonEvents, 'bon');
    expect(l.candidates.get(1)).toMatchObject({ status: 'finished', length: 3, finishReason: 'stop-token', text: 'You are kind.' });
    expect(l.candidates.get(2)).toMatchObject({ finalReward: 2.5, batch: 1 });
    expect(l.end?.winner?.id).toBe(2);
    expect(l.steps.map((s) => s.alive)).toEqual([2, 2, 2, 1, 2, 2, 2, 2]);
    expect(l.prefixScores?.lengths).toEqual([2, 4]);
  });

  it('cuts rejected candidates at the decision and keeps their partial reward', () => {
    const l = lane(sprEvents, 'spr');
    expect(l.candidates.get(0)).toMatchObject({ status: 'rejected', length: 2 });
    expect(l.candidates.get(0)?.partials).toEqual([{ round: 1, length: 2, reward: -0.4, kept: false }]);
    expect(l.candidates.get(3)).toMatchObject({ status: 'finished', length: 4, finalReward: 2.5 });
    expect(l.decisions).toHaveLength(1);
    expect(l.decisions[0]).toMatchObject({ kept: 2, total: 4, decodedTokens: 8, t: 25 });
  });

  it('times events from the method run-start', () => {
    const l = lane(sprEvents, 'spr');
    expect(l.steps[0]?.t).toBe(10);
    expect(l.lastT).toBe(55);
  });

  it('marks still-alive candidates as stopped when the run was stopped', () => {
    const partial = sprEvents.slice(0, 6);
    const stop: RunEvent = {
      method: 'spr', t: 2035, type: 'run-end', winner: null, stopped: true,
      totals: { decodedTokens: 10, prefillTokens: 0, rewardTokens: 0, steps: 3, peakKvBytes: 0, wallMs: 35, generateMs: 35, scoreMs: 0, pruneMs: 0 },
    };
    const l = lane([...partial, stop], 'spr');
    expect(l.candidates.get(1)?.status).toBe('stopped');
    expect(l.candidates.get(0)?.status).toBe('rejected');
  });

  it('marks a TreeBoN parent as branched when children continue it', () => {
    const events: RunEvent[] = [
      { ...(sprEvents[0] as RunEvent), method: 'treebon' } as RunEvent,
      { method: 'treebon', t: 2001, type: 'spawn', candidates: [{ id: 0, parent: null, batch: 0, prefixLength: 0 }] },
      { method: 'treebon', t: 2002, type: 'spawn', candidates: [{ id: 1, parent: 0, batch: 0, prefixLength: 2 }] },
    ];
    const l = applyEvents(emptyRunState, events).lanes.treebon;
    expect(l?.candidates.get(0)?.status).toBe('branched');
    expect(l?.candidates.get(1)).toMatchObject({ status: 'alive', length: 2, parent: 0 });
  });

  it('resets a lane on a new run-start', () => {
    const twice = applyEvents(applyEvents(emptyRunState, sprEvents), sprEvents.slice(0, 1));
    expect(twice.lanes.spr?.candidates.size).toBe(0);
    expect(twice.lanes.bon).toBeUndefined();
  });

  it('takes the combine settings from the log when run-start carries them', () => {
    const combine = { rule: 'softmin', normalize: 'rank', temperature: 0.3 } as const;
    const events = twoMethodRun.map((e) => (e.type === 'run-start' ? { ...e, combine } : e));
    expect(applyEvents(emptyRunState, events).combine).toEqual(combine);
    expect(applyEvents(emptyRunState, twoMethodRun).combine).toBeNull();
  });
});
