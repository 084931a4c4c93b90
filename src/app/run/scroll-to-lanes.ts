// After Run, the page scrolls to the lanes (the candidate trees), where the run shows first: smoothly,
// or at once when the reader asked the system for reduced motion. It waits for the run's first lanes,
// so the page below is tall enough to bring the lanes to the top.
import { useEffect, useState } from 'react';
import { useRun } from '../engine/controller-context.ts';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function scrollToLanes(): void {
  const lanes = document.querySelector('section.lanes');
  if (!lanes) return;
  if (prefersReducedMotion()) {
    lanes.scrollIntoView({ behavior: 'instant', block: 'start' });
    return;
  }
  lanes.scrollIntoView({ behavior: 'smooth', block: 'start' });
  // Panels that appear above the lanes while the scroll glides move its target (the browser keeps a
  // scrolled view in place only once it has stopped): where it stops short, it finishes the move at once.
  window.addEventListener('scrollend', () => {
    if (Math.abs(lanes.getBoundingClientRect().top) > 24) lanes.scrollIntoView({ behavior: 'instant', block: 'start' });
  }, { once: true });
}

/** A function to call on Run: the next render that shows a lane (this run's, or the last one's) scrolls to the lanes. */
export function useScrollToLanesOnRun(): () => void {
  const [requested, setRequested] = useState(0);
  const lanes = useRun((s) => s.methods.length);
  useEffect(() => {
    if (requested === 0 || lanes === 0) return;
    setRequested(0);
    // After the frame that lays the lanes out (the charts under them make the page tall enough).
    requestAnimationFrame(scrollToLanes);
  }, [requested, lanes]);
  return () => setRequested((r) => r + 1);
}
