// Coalesces a stream of small messages into batches so the UI gets a handful of messages per second
// instead of one per token: a batch goes out after `intervalMs`, or at once when an urgent item arrives
// (a decision point, the end of a run) so that those moments show without delay.

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Batcher<T> {
  push(item: T): void;
  /** Sends whatever is pending now (call at the end of a job so nothing is left behind). */
  flush(): void;
}

export function createBatcher<T>(
  send: (items: T[]) => void,
  options: { intervalMs: number; isUrgent?: (item: T) => boolean; timers?: Timers; now?: () => number },
): Batcher<T> {
  const timers = options.timers ?? globalTimers;
  const now = options.now ?? (() => performance.now());
  let pending: T[] = [];
  let timer: unknown = null;
  let lastSent = now();
  const flush = () => {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    lastSent = now();
    send(items);
  };
  return {
    push(item) {
      pending.push(item);
      // Also by the clock, not only by the timer: a busy worker may not run its timers on time.
      if (options.isUrgent?.(item) || now() - lastSent >= options.intervalMs) flush();
      else if (timer === null) timer = timers.setTimeout(flush, options.intervalMs);
    },
    flush,
  };
}
