// Charts are the costliest thing to redraw; during a run they follow the store at most every
// `intervalMs` (the trees still update on every batch), and always show the latest value eventually.
// Each redraw is a transition, so input and the trees' updates can interrupt it.
import { startTransition, useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(0);
  useEffect(() => {
    const wait = lastShown.current + intervalMs - performance.now();
    const show = () => {
      lastShown.current = performance.now();
      // A transition: React renders the charts in slices between which the page stays responsive.
      startTransition(() => setShown(value));
    };
    if (wait <= 0) {
      show();
      return undefined;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}
