// When the engine worker fails, when to start the next one. A worker whose script cannot even be
// fetched (offline, the server gone) fails in milliseconds: restarting at once, every time, is a
// loop of thousands of fetches a second. So: the first failure restarts at once (a crash mid-run
// should not keep the user waiting), the next ones wait longer and longer, and after a few the
// client stops and says why; the user retries. A worker that ran well for a while clears the count.

/** Waits before the 2nd, 3rd and 4th restart in a row; there is no 5th. */
export const RESTART_DELAYS_MS: readonly number[] = [0, 500, 1000, 2000];

/** A worker that stayed up this long was healthy: its failure starts a new count. */
export const HEALTHY_AFTER_MS = 10_000;

/** Milliseconds to wait before the next start after `failures` failures in a row, or null to give up. */
export function restartDelay(failures: number): number | null {
  if (failures < 1) return 0;
  return RESTART_DELAYS_MS[failures - 1] ?? null;
}

/** The count of failures in a row once a worker that lived `livedMs` (null: never came up) has failed. */
export function failuresAfter(previous: number, livedMs: number | null): number {
  return livedMs !== null && livedMs >= HEALTHY_AFTER_MS ? 1 : previous + 1;
}
