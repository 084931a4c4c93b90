// Why the browser did not keep something, in words a person can act on. Storing never stops a run:
// these are shown, and the run goes on.

export type StorageProblemKind = 'full' | 'unavailable' | 'failed';

export interface StorageProblem {
  readonly kind: StorageProblemKind;
  readonly message: string;
}

const name = (error: unknown): string => (typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '');

/** Chromium and Safari say QuotaExceededError; older Firefox NS_ERROR_DOM_QUOTA_REACHED. */
export function isQuotaError(error: unknown): boolean {
  return name(error) === 'QuotaExceededError' || name(error) === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** `what`: what was not kept, e.g. "this run" or "your settings". */
export function storageProblem(error: unknown, what: string): StorageProblem {
  if (isQuotaError(error)) {
    return {
      kind: 'full',
      message: `The browser's storage for this app is full, so ${what} was not kept in this browser. `
        + 'Delete runs you no longer need under Recent runs on the start screen, or save runs as files (Save this run).',
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', message: `The browser could not keep ${what} (${detail || name(error) || 'no reason given'}). Save runs you want to keep as files.` };
}

/** IndexedDB missing or refusing to open (private browsing in some browsers, site data blocked). */
export function storageUnavailable(error: unknown): StorageProblem {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return {
    kind: 'unavailable',
    message: `This browser keeps no data for this app${detail}: private browsing or blocked site data. `
      + 'Runs and settings last until the page closes; save a run as a file to keep it.',
  };
}

/** Kept runs whose records do not read (left by another version of the app, or damaged): not listed, left as they are. */
export function unreadableRuns(count: number): StorageProblem {
  const [runs, them] = count === 1 ? ['1 run kept in this browser could', 'it'] : [`${count} runs kept in this browser could`, 'them'];
  return {
    kind: 'failed',
    message: `${runs} not be read (kept by another version of this app, or damaged), so Recent runs leaves ${them} out.`,
  };
}
