import { describe, expect, it } from 'vitest';
import { parseRunFile, runFileText } from '../../core/runFile.ts';
import { bonEvents, sprEvents, twoMethodRun } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { closingEvents } from './close-log.ts';

describe('closingEvents', () => {
  it('closes nothing in a log where every method ended', () => {
    expect(closingEvents(twoMethodRun)).toEqual([]);
  });

  it('ends each open method stopped, at its last event, with its last totals and its best complete response so far', () => {
    // Cut after Speculative Rejection's final scoring, before its run-end.
    const cut = [...bonEvents, ...sprEvents.slice(0, -1)];
    const [end, ...more] = closingEvents(cut);
    expect(more).toEqual([]);
    expect(end).toMatchObject({ type: 'run-end', method: 'spr', t: 2050, stopped: true, winner: { id: 3, reward: 2.5 } });
    expect(end?.totals).toMatchObject({ decodedTokens: 12, steps: 4, wallMs: 50 });
  });

  it('names no winner while nothing complete was scored (a partial answer never wins)', () => {
    // Cut after the first decision: every scored candidate is unfinished.
    const [end] = closingEvents([...bonEvents, ...sprEvents.slice(0, 5)]);
    expect(end).toMatchObject({ method: 'spr', winner: null, stopped: true });
  });

  it('gives a log the recorded view shows as stopped and a run file that opens', () => {
    const cut = [...bonEvents, ...sprEvents.slice(0, 6)];
    const closed = [...cut, ...closingEvents(cut)];
    const state = applyEvents(emptyRunState, closed);
    expect(state.lanes.spr?.end?.stopped).toBe(true);
    expect(state.lanes.bon?.end?.stopped).toBe(false);
    const parsed = parseRunFile(runFileText(closed));
    expect(parsed.ok).toBe(true);
  });

  it('closes a method that only started', () => {
    const [end] = closingEvents(sprEvents.slice(0, 1));
    expect(end).toMatchObject({ method: 'spr', t: 2000, winner: null, totals: { decodedTokens: 0, wallMs: 0 } });
  });
});
