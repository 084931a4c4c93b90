// The archive on an in-memory IndexedDB: what a reload finds, settings, and a browser that keeps nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { bonEvents, sprEvents } from '../fixtures/two-method-run.ts';
import { createArchive, type Archive } from './archive.ts';
import { openArchiveDb } from './db.ts';

let databases = 0;
/** Two pages of one browser: archives over the same database, one after the other. */
function browser() {
  const name = `archive-test-${++databases}`;
  return () => createArchive({ open: () => openArchiveDb(name), locks: null, page: null });
}

const listed = async (archive: Archive) => {
  await vi.waitFor(() => expect(archive.state.get().runs).not.toBeNull());
  return archive.state.get().runs ?? [];
};

describe('the archive', () => {
  it('lists a finished run after a reload, opens its log and deletes it', async () => {
    const page = browser();
    const first = page();
    first.start();
    const recording = first.beginRun();
    expect(first.state.get().latest).toEqual({ id: recording.id, state: 'writing' });
    recording.add([...bonEvents, ...sprEvents]);
    expect(await recording.end('done')).toBe(true);
    expect(first.state.get().latest).toEqual({ id: recording.id, state: 'kept' });
    const second = page();
    second.start();
    const [run] = await listed(second);
    expect(run).toMatchObject({ id: recording.id, ending: 'done', digest: { prompt: 'Say something kind.' } });
    expect(await second.runEvents(recording.id)).toEqual([...bonEvents, ...sprEvents]);
    await second.deleteRun(recording.id);
    expect(second.state.get().runs).toEqual([]);
  });

  it('closes a run the last page left mid-run as "stopped by reload"', async () => {
    const page = browser();
    const first = page();
    first.start();
    const recording = first.beginRun();
    recording.add([...bonEvents, ...sprEvents.slice(0, 6)]);
    await recording.flush();
    // The page goes away: end() never comes.
    const second = page();
    second.start();
    await vi.waitFor(() => expect(second.state.get().runs?.[0]?.ending).toBe('reload'));
    expect((await second.runEvents(recording.id))?.at(-1)).toMatchObject({ type: 'run-end', method: 'spr', stopped: true });
  });

  it('keeps the latest settings across a reload', async () => {
    const page = browser();
    const first = page();
    first.start();
    expect(await first.loadSettings()).toBeNull();
    first.saveSettings({ form: { n: '3' }, selection: { device: 'wasm' } });
    first.saveSettings({ form: { n: '4' }, selection: { device: 'wasm' } });
    const second = page();
    await vi.waitFor(async () => expect(await second.loadSettings()).toEqual({ form: { n: '4' }, selection: { device: 'wasm' } }));
  });

  it('where the browser keeps nothing, says so once, and runs and settings still work', async () => {
    const archive = createArchive({ open: () => Promise.reject(new DOMException('no', 'InvalidStateError')), locks: null, page: null });
    archive.start();
    await vi.waitFor(() => expect(archive.state.get().available).toBe(false));
    expect(archive.state.get().problem).toMatchObject({ kind: 'unavailable' });
    archive.dismissProblem();
    const recording = archive.beginRun();
    recording.add(bonEvents);
    expect(await recording.end('done')).toBe(false);
    archive.saveSettings({ form: {}, selection: {} });
    expect(await archive.loadSettings()).toBeNull();
    expect(archive.state.get()).toMatchObject({ problem: null, runs: [], latest: { state: 'not-kept' } });
  });

  it('says when the storage is full, and the run goes on being recorded without error', async () => {
    const archive = createArchive({
      open: async () => {
        const db = await openArchiveDb(`archive-full-${++databases}`);
        const transaction = db.transaction.bind(db);
        // Every write transaction fails as a full disk makes it fail: at commit, with a QuotaExceededError.
        db.transaction = ((stores: never, mode?: IDBTransactionMode) => {
          const tx = transaction(stores, mode);
          if (mode === 'readwrite') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return tx;
        }) as typeof db.transaction;
        return db;
      },
      locks: null, page: null,
    });
    archive.start();
    const recording = archive.beginRun();
    recording.add(bonEvents);
    await recording.flush();
    recording.add(sprEvents);
    expect(await recording.end('done')).toBe(false);
    expect(archive.state.get().problem).toMatchObject({ kind: 'full', message: expect.stringMatching(/full, so this run was not kept/) });
  });
});
