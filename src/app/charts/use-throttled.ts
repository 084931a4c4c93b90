// Charts are the costliest thing to redraw; during a run they follow the store at most every
// `intervalMs` (the trees still update on every batch), and always show the latest value eventually.
// A change of `milestone` (a decision point, a method ending) shows at once, in the same commit as
// the trees, so the charts never lag the moment the trees are cut.
//
// The redraws are plain updates, not transitions: the store changes every batch (about 50 ms) with a
// synchronous update that would interrupt a transition's render each time, so a transition could be
// postponed until React's expiry (seconds), and on a busy machine the charts froze for a whole run.
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, intervalMs: number, milestone: unknown = null): T {
  const [shown, setShown] = useState<{ value: T; milestone: unknown }>({ value, milestone });
  const lastShown = useRef(0);
  const milestoneReached = !Object.is(shown.milestone, milestone);
  // React's pattern for state derived from a change: it re-renders before committing anything.
  if (milestoneReached) setShown({ value, milestone });
  useEffect(() => {
    if (Object.is(shown.value, value)) {
      lastShown.current = performance.now();
      return undefined;
    }
    const show = () => setShown({ value, milestone });
    const wait = lastShown.current + intervalMs - performance.now();
    if (wait <= 0) {
      show();
      return undefined;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, milestone, shown.value, intervalMs]);
  return milestoneReached ? value : shown.value;
}
