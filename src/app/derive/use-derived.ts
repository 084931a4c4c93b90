// A value derived off the page's thread (derive-client.ts), as React state: null while it is computed
// (and when there is nothing to derive), then the value for the latest inputs. An answer for inputs that
// have changed since is dropped.
import { useEffect, useState } from 'react';

export function useDerived<T>(compute: (() => Promise<T>) | null, deps: readonly unknown[]): T | null {
  const [state, setState] = useState<{ deps: readonly unknown[]; value: T } | null>(null);
  useEffect(() => {
    if (!compute) return undefined;
    let current = true;
    void compute().then((value) => {
      if (current) setState({ deps, value });
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the value depends on
  }, deps);
  const fresh = state !== null && state.deps.length === deps.length && state.deps.every((d, i) => Object.is(d, deps[i]));
  return compute && fresh ? state.value : null;
}
