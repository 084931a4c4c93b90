// The engine is pure (no DOM lib), so it names only what it reads of an AbortSignal.
// A real AbortSignal from Node or the browser fits this shape.
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** Thrown by the engine when its signal fires between steps; `name` matches the DOM's AbortError. */
export class AbortedError extends Error {
  constructor() {
    super('Stopped.');
    this.name = 'AbortError';
  }
}

export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw new AbortedError();
}
