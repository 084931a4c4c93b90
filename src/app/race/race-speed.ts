// The race's speeds: 1× is the recorded pace. Runs of the built-in models take tenths of a second, runs of
// hub models minutes, so the speeds go both ways and the first one offered makes the race watchable.
export const RACE_SPEEDS: readonly number[] = [1 / 64, 1 / 16, 1 / 4, 1, 4, 16];

/** Seconds a race should last at least, when a speed allows. */
const WATCHABLE_MS = 4000;

/** The fastest speed at which a race of `durationMs` lasts at least a few seconds (else the slowest). */
export function defaultSpeed(durationMs: number): number {
  const fits = RACE_SPEEDS.filter((s) => durationMs / s >= WATCHABLE_MS);
  return fits.at(-1) ?? RACE_SPEEDS[0]!;
}

export function speedLabel(speed: number): string {
  return speed >= 1 ? `${speed}×` : `1/${Math.round(1 / speed)}×`;
}
