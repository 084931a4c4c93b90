// The run store on an in-memory IndexedDB (fake-indexeddb), each test in a database of its own.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bonEvents, sprEvents, twoMethodRun } from '../fixtures/two-method-run.ts';
import { openArchiveDb } from './db.ts';
import { digestRun, type RunDigest } from './run-digest.ts';
import { createRunStore } from './run-store.ts';
import type { StoredRun } from './stored-run.ts';

let databases = 0;
const freshStore = async () => createRunStore(await openArchiveDb(`run-store-test-${++databases}`));
const record = (id: string, createdAt: number, chunks: number, digest: RunDigest, extra: Partial<StoredRun> = {}): StoredRun => ({
  id, createdAt, updatedAt: createdAt, ending: 'done', digest, chunks, ...extra,
});

describe('the run store', () => {
  it('keeps a log written in chunks and reads it back whole, in order', async () => {
    const store = await freshStore();
    await store.save(record('a', 1, 1, digestRun(bonEvents), { ending: 'running' }), bonEvents);
    await store.save(record('a', 1, 2, digestRun(twoMethodRun)), sprEvents);
    expect(await store.events('a')).toEqual(twoMethodRun);
    expect(await store.get('a')).toMatchObject({ ending: 'done', chunks: 2 });
    expect(await store.events('nothing')).toBeNull();
  });

  it('keeps what structured clone keeps: a reward that is not finite stays so', async () => {
    const store = await freshStore();
    const end = bonEvents.at(-1);
    if (end?.type !== 'run-end' || !end.winner) throw new Error('fixture');
    const odd = { ...end, winner: { ...end.winner, reward: Number.NEGATIVE_INFINITY } };
    await store.save(record('a', 1, 1, digestRun([odd])), [odd]);
    expect((await store.events('a'))?.[0]).toEqual(odd);
  });

  it('lists newest first, deletes a run with its log, and deletes the oldest beyond the cap', async () => {
    const store = await freshStore();
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) await store.save(record(id, i, 1, digestRun(bonEvents)), bonEvents);
    expect((await store.list()).map((r) => r.id)).toEqual(['d', 'c', 'b', 'a']);
    await store.remove(['c']);
    expect(await store.events('c')).toBeNull();
    expect(await store.prune(2)).toEqual(['a']);
    expect((await store.list()).map((r) => r.id)).toEqual(['d', 'b']);
    expect(await store.events('b')).toEqual(bonEvents);
  });

  it('closes a run a page left running: stopped run-ends appended, ending "reload", once', async () => {
    const store = await freshStore();
    const cut = [...bonEvents, ...sprEvents.slice(0, 6)];
    await store.save(record('a', 1, 1, digestRun(bonEvents), { ending: 'running' }), bonEvents);
    await store.save(record('a', 1, 2, digestRun(cut), { ending: 'running' }), sprEvents.slice(0, 6));
    expect(await store.closeLeftRunning('a', 99)).toBe(true);
    const events = await store.events('a');
    expect(events?.slice(0, cut.length)).toEqual(cut);
    expect(events?.slice(cut.length)).toMatchObject([{ type: 'run-end', method: 'spr', stopped: true }]);
    const closed = await store.get('a');
    expect(closed).toMatchObject({ ending: 'reload', chunks: 3, updatedAt: 99, digest: { open: [], stopped: ['spr'], events: cut.length + 1 } });
    expect(await store.closeLeftRunning('a')).toBe(false);
    expect(await store.events('a')).toHaveLength(cut.length + 1);
  });

  it('writes nothing of a save that fails: the record and its chunk go together', async () => {
    const store = await freshStore();
    await store.save(record('a', 1, 1, digestRun(bonEvents), { ending: 'running' }), bonEvents);
    // A chunk that cannot be cloned fails the whole transaction.
    const bad = [{ ...bonEvents[0], oops: () => 1 }] as unknown as typeof bonEvents;
    await expect(store.save(record('a', 1, 2, digestRun(twoMethodRun)), bad)).rejects.toThrow();
    expect(await store.get('a')).toMatchObject({ ending: 'running', chunks: 1 });
    expect(await store.events('a')).toEqual(bonEvents);
  });
});
