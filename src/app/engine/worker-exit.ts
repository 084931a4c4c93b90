// The page's half of the worker's life lock (src/worker/alive-lock.ts): asking for the lock the worker
// holds is granted only once the worker is gone, so the grant is the news of its end.

/** Calls `onExit` once whoever holds `lock` is gone; returns a function that stops watching. */
export function watchLockRelease(lock: string, onExit: () => void): () => void {
  const locks = globalThis.navigator?.locks;
  if (!locks) return () => undefined;
  const watching = new AbortController();
  locks
    .request(lock, { signal: watching.signal }, () => {
      if (!watching.signal.aborted) onExit();
    })
    .catch(() => undefined); // aborted: we stopped watching
  return () => watching.abort();
}
