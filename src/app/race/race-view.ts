// What the lanes and charts show: the whole run, or the run at a time on the race clock (the race replay
// and the guided walk's steps both move it). One per workspace; the timeline is read from the run's own
// event log (the one a saved run file holds) when first needed, and a new run clears the view.
import { createContext, useContext } from 'react';
import { parseRunFile } from '../../core/runFile.ts';
import type { AppController } from '../engine/controller.ts';
import { emptyRunState, type RunState } from '../state/run-state.ts';
import { createStore, type Store } from '../state/store.ts';
import { RaceCursor, raceTimeline, type RaceTimeline } from './race-timeline.ts';

export interface RaceView {
  /** ms since each method's start. */
  readonly time: number;
  readonly state: RunState;
}

export interface RaceController {
  /** null: the whole run. */
  readonly view: Store<RaceView | null>;
  /** The view's run state, for the components that read a run store (RunViewContext). */
  readonly run: Store<RunState>;
  /** The finished run on the race clock; null while none is shown, or when the run cannot be read. */
  timeline(): RaceTimeline | null;
  /** Shows the run at `time` on the race clock, or the whole run (null). */
  show(time: number | null): void;
  /** Follows the app's run store (a new run clears the view) until the returned function is called. */
  attach(): () => void;
}

export function createRaceController(controller: AppController): RaceController {
  const view = createStore<RaceView | null>(null);
  const run = createStore<RunState>(emptyRunState);
  let source: { state: RunState; timeline: RaceTimeline | null; cursor: RaceCursor | null } | null = null;
  const current = () => {
    const state = controller.run.get();
    if (source?.state !== state) {
      const parsed = state.methods.length > 0 ? parseRunFile(controller.savedRunText() ?? '') : null;
      const timeline = parsed?.ok ? raceTimeline(parsed.events, state.combine) : null;
      source = { state, timeline, cursor: timeline && new RaceCursor(timeline) };
    }
    return source;
  };
  return {
    view,
    run,
    timeline: () => current().timeline,
    show(time) {
      const { cursor } = current();
      if (time === null || !cursor) {
        view.set(null);
        return;
      }
      const state = cursor.stateAt(time);
      run.set(state);
      view.set({ time, state });
    },
    attach() {
      // Another run (or none) replaces the one being raced: the lanes follow it again.
      return controller.run.subscribe(() => {
        if (view.get() !== null && controller.run.get() !== source?.state) view.set(null);
      });
    },
  };
}

export const RaceContext = createContext<RaceController | null>(null);

export function useRace(): RaceController {
  const race = useContext(RaceContext);
  if (!race) throw new Error('useRace outside <RaceContext.Provider>');
  return race;
}
