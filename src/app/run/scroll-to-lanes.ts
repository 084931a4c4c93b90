// After Run, the page goes to the lanes (the candidate trees), where the run shows first. It waits until
// the engine has accepted the run (the run store holds this run's first lanes): a run it refuses leaves
// the view by its error, next to Run. The move is a jump, not a glide: panels appear above the lanes
// as the run starts and the engine may stop at any moment (its error then shows itself by Load), and a
// page that has stopped scrolling keeps the lanes in place (scroll anchoring) where a glide in flight
// would carry on to a stale target. So it also honours reduced motion.
import type { RunState } from '../state/run-state.ts';
import type { Store } from '../state/store.ts';

/** Close enough to the top: nothing to do. */
const AT_TOP_PX = 24;

export function scrollToLanes(): void {
  const lanes = document.querySelector('section.lanes');
  if (!lanes || Math.abs(lanes.getBoundingClientRect().top) <= AT_TOP_PX) return;
  lanes.scrollIntoView({ behavior: 'instant', block: 'start' });
}

let waiting: (() => void) | null = null;

/**
 * Called on Run: once the run store moves on from the state it held at the click to one with lanes
 * (the engine accepted the run and its first events arrived), the page goes to the lanes, once they
 * are laid out.
 */
export function scrollToLanesWhenShown(run: Store<RunState>): void {
  // A run the engine refused left its wait behind: the new Run replaces it.
  waiting?.();
  const before = run.get();
  const unsubscribe = run.subscribe(() => {
    const now = run.get();
    if (now === before || now.methods.length === 0) return;
    stopWaiting();
    requestAnimationFrame(() => requestAnimationFrame(scrollToLanes));
  });
  const stopWaiting = () => {
    unsubscribe();
    if (waiting === stopWaiting) waiting = null;
  };
  waiting = stopWaiting;
}
