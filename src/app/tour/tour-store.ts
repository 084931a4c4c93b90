// Whether the guided walk is open, over which run and at which step: the start screen opens it (with
// the recording), the workspace shows it. It belongs to the run it was opened on: another run (or none)
// leaves it closed. The focus is the current step's, for the lanes' overlay.
import type { RunState } from '../state/run-state.ts';
import { createStore } from '../state/store.ts';
import type { TourFocus } from './tour-steps.ts';

export interface TourState {
  /** The run state the walk was opened on; null when closed. */
  readonly run: RunState | null;
  readonly step: number;
  readonly focus: TourFocus | null;
}

export const closedTour: TourState = { run: null, step: 0, focus: null };

export const tourStore = createStore<TourState>(closedTour);

export function openTour(run: RunState): void {
  tourStore.set({ run, step: 0, focus: null });
}

export function closeTour(): void {
  tourStore.set(closedTour);
}

/** Open over this run. */
export function isOpenOn(tour: TourState, run: RunState): boolean {
  return tour.run !== null && tour.run === run;
}
