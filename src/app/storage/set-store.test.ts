// Prompt sets on an in-memory IndexedDB: a prompt kept is its run and its outcome together, kept again
// it replaces itself, and a set's removal takes its runs along; a version-1 database gains the new stores.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../../core/config.ts';
import { twoMethodRun } from '../fixtures/two-method-run.ts';
import { promptOutcome } from '../../promptset/promptOutcome.ts';
import { openArchiveDb } from './db.ts';
import { createRunStore } from './run-store.ts';
import { createSetStore } from './set-store.ts';
import type { StoredSet } from './stored-set.ts';

let databases = 0;
const fresh = async () => {
  const db = await openArchiveDb(`set-store-test-${++databases}`);
  return { db, sets: createSetStore(db), runs: createRunStore(db) };
};
const set = (id: string, createdAt = 1): StoredSet => ({
  id, name: 'p.json', prompts: ['a', 'b', 'c'], createdAt, updatedAt: createdAt, config: defaultRunConfig(''),
  models: { generator: 'g', scorers: ['r'] }, ending: 'running', refused: {},
});

describe('createSetStore', () => {
  it('keeps a finished prompt as a run of the shared run store and an outcome, once however often it is kept', async () => {
    const { sets, runs } = await fresh();
    await sets.save(set('s'));
    const id = await sets.keepPrompt('s', twoMethodRun, promptOutcome(2, twoMethodRun));
    await sets.keepPrompt('s', twoMethodRun, promptOutcome(2, twoMethodRun));
    await sets.keepPrompt('s', twoMethodRun, promptOutcome(0, twoMethodRun));
    expect((await sets.outcomes('s')).map((o) => o.index)).toEqual([0, 2]);
    const kept = await runs.list();
    expect(kept.map((r) => [r.set, r.ending])).toEqual(expect.arrayContaining([[{ id: 's', index: 2 }, 'done'], [{ id: 's', index: 0 }, 'done']]));
    expect(kept).toHaveLength(2);
    expect(await runs.events(id)).toEqual(twoMethodRun);
    expect(await sets.list()).toEqual([{ set: set('s'), finished: 2 }]);
  });

  it('removes a set with its runs, logs and outcomes, and leaves other sets and runs alone', async () => {
    const { db, sets, runs } = await fresh();
    await sets.save(set('s', 1));
    await sets.save(set('t', 2));
    await sets.keepPrompt('s', twoMethodRun, promptOutcome(0, twoMethodRun));
    await sets.keepPrompt('t', twoMethodRun, promptOutcome(0, twoMethodRun));
    await sets.remove('s');
    expect((await sets.list()).map((k) => k.set.id)).toEqual(['t']);
    expect((await runs.list()).map((r) => r.id)).toEqual(['t:0']);
    expect(await db.count('logs')).toBe(1);
    expect(await sets.outcomes('s')).toEqual([]);
  });

  it('opens a version-1 database with its runs and adds the set stores', async () => {
    const name = `set-store-upgrade-${++databases}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-set', 'set.id');
        db.createObjectStore('logs');
        db.createObjectStore('settings');
      },
    });
    await v1.put('runs', { id: 'old', createdAt: 1, updatedAt: 1, ending: 'done', chunks: 0 });
    v1.close();
    const db = await openArchiveDb(name);
    expect(await db.getAllKeys('runs')).toEqual(['old']);
    await createSetStore(db).save(set('s'));
    expect(await db.count('sets')).toBe(1);
  });
});
