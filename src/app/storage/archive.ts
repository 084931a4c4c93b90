// What the app keeps in this browser, behind one object that never throws: finished runs and the run in
// flight (Recent runs), and the settings. Anything the browser refuses (storage full, no IndexedDB)
// becomes a `problem` in words, shown to the user, and running goes on.
import type { RunEvent } from '../../core/events.ts';
import { createStore, type Store } from '../state/store.ts';
import { openArchiveDb, writeAll, type ArchiveDb } from './db.ts';
import { recordRun, type FinalEnding, type RunRecording } from './run-recording.ts';
import { createRunStore, type RunStore } from './run-store.ts';
import { createSetStore, type SetStore } from './set-store.ts';
import { storageProblem, storageUnavailable, unreadableRuns, type StorageProblem } from './storage-problem.ts';
import type { StoredRun } from './stored-run.ts';

/** How often a run in flight is written: what a reload can lose at most. */
export const FLUSH_INTERVAL_MS = 2000;
/** Settings are read before the model defaults are shown; a storage that does not answer by then is skipped. */
const SETTINGS_WAIT_MS = 3000;

export interface ArchiveState {
  /** null until the database answered; false when this browser keeps nothing (`problem` says why). */
  readonly available: boolean | null;
  /** The runs started by hand, newest first; null until listed. */
  readonly runs: readonly StoredRun[] | null;
  /** What the browser did not keep, until dismissed. */
  readonly problem: StorageProblem | null;
  /** The latest run recorded in this page, and whether all of it is kept. */
  readonly latest: { readonly id: string; readonly state: 'writing' | 'kept' | 'not-kept' } | null;
}

export interface SavedSettings {
  readonly form: unknown;
  readonly selection: unknown;
}

export interface Archive {
  readonly state: Store<ArchiveState>;
  /** Opens the database, closes the runs that pages left mid-run, lists the runs, and writes on page hide. */
  start(): void;
  /** Starts keeping a run (`set`: the prompt set it is a prompt of); end it with end(). */
  beginRun(set?: StoredRun['set']): RunRecording;
  /** The settings saved last (unchecked: the caller reads them leniently); null when none or unreadable. */
  loadSettings(): Promise<SavedSettings | null>;
  saveSettings(settings: SavedSettings): void;
  runEvents(id: string): Promise<RunEvent[] | null>;
  /** The prompt sets kept here (rejects where the browser keeps nothing). */
  sets(): Promise<SetStore>;
  deleteRun(id: string): Promise<void>;
  dismissProblem(): void;
}

export interface ArchiveOptions {
  readonly open?: () => Promise<ArchiveDb>;
  /** Web Locks: a run in flight holds one, so another tab never closes it as left by a reload. */
  readonly locks?: LockManager | null;
  /** Where pagehide and visibilitychange are heard; null: nowhere (tests). */
  readonly page?: { window: EventTarget; document: Document } | null;
}

const lockName = (id: string) => `aligned-in-the-browser:run:${id}`;
const newRunId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const defaultLocks = () => (typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null);
const defaultPage = () => (typeof window !== 'undefined' && typeof document !== 'undefined' ? { window, document } : null);

/** An archive without a database, for unit tests of other parts: it keeps nothing. */
export const unkeptArchive = (): Archive =>
  createArchive({ open: () => Promise.reject(new Error('nothing is kept here')), locks: null, page: null });

export function createArchive(options: ArchiveOptions = {}): Archive {
  const state = createStore<ArchiveState>({ available: null, runs: null, problem: null, latest: null });
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const page = options.page === undefined ? defaultPage() : options.page;
  let opened: Promise<ArchiveDb> | null = null;
  const db = () => (opened ??= (options.open ?? openArchiveDb)());
  const runStore = async (): Promise<RunStore> => createRunStore(await db());
  /** Writes what the run in flight produced since its last write: called when the page goes away. */
  const flushers = new Set<() => void>();

  const report = (problem: StorageProblem) => state.update((s) => ({ ...s, problem }));
  const refresh = async () => {
    try {
      const runs = (await (await runStore()).list()).filter((r) => r.set === undefined);
      state.update((s) => ({ ...s, runs }));
    } catch {
      // the list stays as it was; opening failures are reported by start()
    }
  };

  /** Closes a run a page left 'running' once no page holds its lock (at once after a reload). */
  const closeLeftRun = async (store: RunStore, id: string) => {
    const close = () => store.closeLeftRunning(id);
    const closed = locks ? await locks.request(lockName(id), close) : await close();
    if (closed) await refresh();
  };

  // A store whose every call waits for the database: a run can start before it has opened.
  const lazyStore: RunStore = {
    save: async (...a) => (await runStore()).save(...a),
    list: async () => (await runStore()).list(),
    listAll: async () => (await runStore()).listAll(),
    get: async (id) => (await runStore()).get(id),
    events: async (id) => (await runStore()).events(id),
    remove: async (ids) => (await runStore()).remove(ids),
    prune: async (cap) => (await runStore()).prune(cap),
    closeLeftRunning: async (id, now) => (await runStore()).closeLeftRunning(id, now),
  };

  let settingsFailed = false;
  let writingSettings = false;
  let nextSettings: SavedSettings | null = null;
  const writeSettings = async () => {
    while (nextSettings) {
      const settings = nextSettings;
      nextSettings = null;
      try {
        // Both or neither: a reload never finds a form from one moment and models from another.
        await writeAll(await db(), ['settings'], (tx, requests) => {
          const store = tx.objectStore('settings');
          requests.push(store.put(settings.form, 'form'), store.put(settings.selection, 'selection'));
        });
      } catch (error) {
        // Once per page: a full storage would otherwise say so at every keystroke.
        if (!settingsFailed && state.get().available !== false) report(storageProblem(error, 'your settings'));
        settingsFailed = true;
      }
    }
    writingSettings = false;
  };

  return {
    state,
    start() {
      db().then(
        async (database) => {
          state.update((s) => ({ ...s, available: true }));
          const store = createRunStore(database);
          const { runs, unreadable } = await store.listAll();
          state.update((s) => ({ ...s, runs: runs.filter((r) => r.set === undefined) }));
          if (unreadable > 0) report(unreadableRuns(unreadable));
          const left = runs.filter((r) => r.ending === 'running');
          await Promise.all(left.map((r) => closeLeftRun(store, r.id).catch(() => undefined)));
        },
        (error: unknown) => state.update((s) => ({ ...s, available: false, runs: [], problem: storageUnavailable(error) })),
      ).catch((error: unknown) => state.update((s) => ({
        ...s, runs: s.runs ?? [], problem: { kind: 'failed', message: `The runs kept in this browser could not be read (${error instanceof Error ? error.message : String(error)}).` },
      })));
      if (!page) return;
      const flushAll = () => flushers.forEach((flush) => flush());
      page.window.addEventListener('pagehide', flushAll);
      page.document.addEventListener('visibilitychange', () => {
        if (page.document.visibilityState === 'hidden') flushAll();
      });
    },
    beginRun(set) {
      const id = newRunId();
      state.update((s) => ({ ...s, latest: { id, state: 'writing' } }));
      const recording = recordRun(lazyStore, {
        id, set,
        // No IndexedDB was reported at start; anything else is news.
        onFailure: (error) => {
          if (state.get().available !== false) report(storageProblem(error, 'this run'));
        },
      });
      const flush = () => void recording.flush();
      const timer = setInterval(flush, FLUSH_INTERVAL_MS);
      flushers.add(flush);
      let release: () => void = () => undefined;
      if (locks) {
        const held = new Promise<void>((resolve) => (release = resolve));
        locks.request(lockName(id), () => held).catch(() => undefined);
      }
      return {
        id,
        add: recording.add,
        flush: recording.flush,
        async end(ending: FinalEnding) {
          clearInterval(timer);
          flushers.delete(flush);
          const kept = await recording.end(ending);
          release();
          state.update((s) => (s.latest?.id === id ? { ...s, latest: { id, state: kept ? 'kept' : 'not-kept' } } : s));
          if (kept) await lazyStore.prune().catch(() => undefined);
          await refresh();
          return kept;
        },
      };
    },
    async loadSettings() {
      const read = (async () => {
        const database = await db();
        const [form, selection] = await Promise.all([database.get('settings', 'form'), database.get('settings', 'selection')]);
        return form === undefined && selection === undefined ? null : { form, selection };
      })().catch(() => null);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), SETTINGS_WAIT_MS)));
      try {
        return await Promise.race([read, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    saveSettings(settings) {
      nextSettings = settings;
      if (writingSettings) return;
      writingSettings = true;
      void writeSettings();
    },
    runEvents: (id) => lazyStore.events(id).catch(() => null),
    sets: async () => createSetStore(await db()),
    async deleteRun(id) {
      try {
        await lazyStore.remove([id]);
      } catch (error) {
        report({ kind: 'failed', message: `The run could not be deleted (${error instanceof Error ? error.message : String(error)}).` });
      }
      await refresh();
    },
    dismissProblem: () => state.update((s) => ({ ...s, problem: null })),
  };
}
