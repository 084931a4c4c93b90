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
  // Where the glide ends: fixed when it starts, whatever appears on the page meanwhile.
  const aim = Math.round(window.scrollY + lanes.getBoundingClientRect().top - scrollMarginOf(lanes));
  lanes.scrollIntoView({ behavior: 'smooth', block: 'start' });
  let frame = 0;
  const stop = () => {
    window.clearTimeout(timer);
    cancelAnimationFrame(frame);
    window.removeEventListener('scrollend', settle);
    for (const type of READER_SCROLLS) window.removeEventListener(type, stop, true);
  };
  // Panels that appear above the lanes while the scroll glides move them off its aim (the browser holds
  // a view in place only once it has stopped): a glide that ended on its aim finishes the move at once.
  // One that ended elsewhere was taken over (the reader, an error panel showing itself): left alone.
  const settle = () => {
    stop();
    if (lanes.isConnected && Math.abs(window.scrollY - aim) <= 2 && Math.abs(lanes.getBoundingClientRect().top) > AT_TOP_PX) {
      lanes.scrollIntoView({ behavior: 'instant', block: 'start' });
    }
  };
  // The lanes left the page mid-glide (the engine stopped, new models): the glide stops where it is.
  const watch = () => {
    if (!lanes.isConnected) {
      stop();
      window.scrollTo({ top: window.scrollY, behavior: 'instant' });
      return;
    }
    frame = requestAnimationFrame(watch);
  };
  frame = requestAnimationFrame(watch);
  const timer = window.setTimeout(stop, 3000);
  window.addEventListener('scrollend', settle);
  for (const type of READER_SCROLLS) window.addEventListener(type, stop, true);
}

function scrollMarginOf(element: Element): number {
  return Number.parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
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
