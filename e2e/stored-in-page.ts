// What the app has kept in the page's IndexedDB, read from inside the page: a test waits for a state of
// the storage (a run written mid-flight, settings saved) before it reloads, instead of sleeping.
import type { Page } from 'playwright-core';

export interface StoredRunView {
  readonly id: string;
  readonly ending: string;
  readonly chunks: number;
}

/** Reads one object store of the app's database; [] until the app has created it (never creates it itself). */
function readStore(page: Page, store: 'runs' | 'settings'): Promise<unknown[]> {
  return page.evaluate(async (store) => {
    const name = 'aligned-in-the-browser';
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains(store)) return [];
      return await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

export async function storedRuns(page: Page): Promise<StoredRunView[]> {
  return (await readStore(page, 'runs')) as StoredRunView[];
}

/** The saved run form, or null before the app saved one. */
export async function storedForm(page: Page): Promise<Record<string, unknown> | null> {
  const values = await readStore(page, 'settings');
  // The store holds the form and the model choice; the form is the one with a prompt.
  return (values.find((v) => typeof v === 'object' && v !== null && 'prompt' in v) as Record<string, unknown> | undefined) ?? null;
}

/** Polls `read` until `done` holds (the page's storage is written asynchronously). */
export async function waitForStored<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 30_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`the page's storage never reached the state waited for (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
