// Records read back from IndexedDB go through their schemas: a record another version left, or a damaged
// one, is left out (and counted) instead of reaching the page; the rest still read. In-memory IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { defaultRunConfig } from '../../core/config.ts';
import { promptOutcome } from '../../promptset/promptOutcome.ts';
import { bonEvents, twoMethodRun } from '../fixtures/two-method-run.ts';
import { createArchive } from './archive.ts';
import { openArchiveDb, type ArchiveDb } from './db.ts';
import { readRecord, StoredRunSchema, StoredSetSchema } from './record-schemas.ts';
import { digestRun } from './run-digest.ts';
import { createRunStore } from './run-store.ts';
import { createSetStore } from './set-store.ts';
import type { StoredRun } from './stored-run.ts';
import type { StoredSet } from './stored-set.ts';

let databases = 0;
const name = () => `record-schemas-test-${++databases}`;
const run = (id: string, createdAt = 1): StoredRun => ({ id, createdAt, updatedAt: createdAt, ending: 'done', digest: digestRun(bonEvents), chunks: 0 });
const set = (id: string): StoredSet => ({
  id, name: 'p.json', prompts: ['a', 'b'], createdAt: 1, updatedAt: 1, config: defaultRunConfig(''),
  models: { generator: 'g', scorers: ['r'] }, ending: 'stopped', refused: { 1: 'too long' },
});
/** Writes a raw value where the app keeps its records, as another version (or a damaged profile) could. */
const putRaw = async (db: ArchiveDb, store: 'runs' | 'sets', value: unknown) => db.put(store, value as never);

describe('kept records', () => {
  it('read back as their type, and refuse what their type does not allow', () => {
    expect(readRecord(StoredRunSchema, structuredClone(run('a')))).toEqual(run('a'));
    expect(readRecord(StoredSetSchema, structuredClone(set('s')))).toEqual(set('s'));
    expect(readRecord(StoredRunSchema, { ...run('a'), ending: 'exploded' })).toBeNull();
    expect(readRecord(StoredRunSchema, { ...run('a'), digest: { ...run('a').digest, methods: ['bon', 'magic'] } })).toBeNull();
    expect(readRecord(StoredRunSchema, { ...run('a'), chunks: -1 })).toBeNull();
    // A set's settings go through the run settings' checks (α must be below 1), its prompt aside.
    expect(readRecord(StoredSetSchema, { ...set('s'), config: { ...defaultRunConfig(''), spr: { ...defaultRunConfig('').spr, alpha: 3 } } })).toBeNull();
    expect(readRecord(StoredSetSchema, { ...set('s'), prompts: 'a,b' })).toBeNull();
  });

  it('that do not read are left out of the lists, counted, and the rest still read', async () => {
    const db = await openArchiveDb(name());
    const runs = createRunStore(db);
    await runs.save(run('good', 2), bonEvents);
    await putRaw(db, 'runs', { id: 'old', createdAt: 'yesterday' });
    await putRaw(db, 'runs', { ...run('half'), digest: null });
    expect(await runs.listAll()).toEqual({ runs: [{ ...run('good', 2), chunks: 0 }], unreadable: 2 });
    expect(await runs.get('old')).toBeNull();
    expect(await runs.closeLeftRunning('old')).toBe(false);
    // Pruning counts only what reads, and never deletes what it cannot read.
    expect(await runs.prune(0)).toEqual(['good']);
    expect(await db.count('runs')).toBe(2);
  });

  it('of a prompt set: a set that does not read is not listed; an outcome that does not read counts as not run', async () => {
    const db = await openArchiveDb(name());
    const sets = createSetStore(db);
    await sets.save(set('s'));
    await putRaw(db, 'sets', { ...set('broken'), ending: 'half-way' });
    await sets.keepPrompt('s', twoMethodRun, promptOutcome(0, twoMethodRun));
    await sets.keepPrompt('s', twoMethodRun, promptOutcome(1, twoMethodRun));
    await db.put('outcomes', { ...promptOutcome(1, twoMethodRun), methods: 'none' } as never, ['s', 1]);
    expect((await sets.list()).map((k) => k.set.id)).toEqual(['s']);
    expect(await sets.get('broken')).toBeNull();
    // Resume runs prompt 1 again: only prompt 0's outcome reads.
    expect((await sets.outcomes('s')).map((o) => o.index)).toEqual([0]);
  });

  it('the start screen says how many kept runs could not be read', async () => {
    const dbName = name();
    const db = await openArchiveDb(dbName);
    await putRaw(db, 'runs', { id: 'x', junk: true });
    await createRunStore(db).save(run('good'), bonEvents);
    db.close();
    const archive = createArchive({ open: () => openArchiveDb(dbName), locks: null, page: null });
    archive.start();
    await vi.waitFor(() => expect(archive.state.get().problem).not.toBeNull());
    expect(archive.state.get().runs?.map((r) => r.id)).toEqual(['good']);
    expect(archive.state.get().problem?.message).toMatch(/^1 run kept in this browser could not be read .* leaves it out\.$/);
  });
});
