// After Run, the page goes to the lanes (the candidate trees), where the run shows first: smoothly, or
// at once when the reader asked the system for reduced motion. It waits until the engine has accepted
// the run (the run store holds this run's first lanes): a run it refuses leaves the view by its error,
// next to Run.
import type { RunState } from '../state/run-state.ts';
import type { Store } from '../state/store.ts';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Close enough to the top: nothing to do. */
const AT_TOP_PX = 24;

export function scrollToLanes(): void {
  const lanes = document.querySelector('section.lanes');
  if (!lanes || Math.abs(lanes.getBoundingClientRect().top) <= AT_TOP_PX) return;
  if (prefersReducedMotion()) {
    lanes.scrollIntoView({ behavior: 'instant', block: 'start' });
    return;
  }
  lanes.scrollIntoView({ behavior: 'smooth', block: 'start' });
  // Panels that appear above the lanes while the scroll glides move its target (the browser holds a view
  // in place only once it has stopped): where it stops short, it finishes the move at once, unless the
  // reader took over the scrolling meanwhile. Nothing is left listening after the glide.
  const stop = () => {
    window.clearTimeout(timer);
    window.removeEventListener('scrollend', settle);
    for (const type of READER_SCROLLS) window.removeEventListener(type, stop, true);
  };
  const settle = () => {
    stop();
    if (Math.abs(lanes.getBoundingClientRect().top) > AT_TOP_PX) lanes.scrollIntoView({ behavior: 'instant', block: 'start' });
  };
  const timer = window.setTimeout(stop, 3000);
  window.addEventListener('scrollend', settle);
  for (const type of READER_SCROLLS) window.addEventListener(type, stop, true);
}

const READER_SCROLLS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Called on Run: once the run store moves on from the state it held at the click to one with lanes
 * (the engine accepted the run and its first events arrived), the page goes to the lanes, a frame later.
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

let waiting: (() => void) | null = null;
