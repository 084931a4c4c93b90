// Charts are the costliest thing to redraw; during a run they follow the store at most every
// `intervalMs` (the trees still update on every batch), and always show the latest value eventually.
// The periodic redraws are transitions, rendered in slices so the page stays responsive. But the
// store changes every batch (about 50 ms) with a synchronous update that interrupts a transition's
// render, so on a busy machine a transition can be put off for seconds (until React expires it). So a
// change of `milestone` (the caller names them: a method starting, its first cut) shows at once, in the
// same commit as the trees, so the charts never miss the moment the trees are first cut.
import { startTransition, useEffect, useRef, useState } from 'react';

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
    const show = () => startTransition(() => setShown({ value, milestone }));
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
