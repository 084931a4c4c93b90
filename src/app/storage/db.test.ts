// writeAll on an in-memory IndexedDB: a request that fails later (as a full disk fails a write at
// commit) rejects the whole write, and nothing of it is kept. Vitest fails the run on any unhandled
// rejection, so these also check that no request's failure goes unobserved.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyDigest } from './run-digest.ts';
import { openArchiveDb, writeAll } from './db.ts';
import type { StoredRun } from './stored-run.ts';

const run = (id: string): StoredRun => ({ id, createdAt: 1, updatedAt: 1, ending: 'done', digest: emptyDigest, chunks: 0 });

describe('writeAll', () => {
  it('rejects with a request\'s own error when it fails after being queued, and keeps nothing of the write', async () => {
    const db = await openArchiveDb('db-test-async');
    await writeAll(db, ['runs'], (tx, requests) => requests.push(tx.objectStore('runs').put(run('a'))));
    const write = writeAll(db, ['runs', 'logs'], (tx, requests) => {
      requests.push(tx.objectStore('logs').put([], ['b', 0]), tx.objectStore('runs').put(run('b')));
      // 'a' exists: add() fails when the request runs, not when it is queued.
      requests.push(tx.objectStore('runs').add(run('a')));
    });
    await expect(write).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.getAllKeys('runs')).toEqual(['a']);
    expect(await db.count('logs')).toBe(0);
  });

  it('rejects with an error thrown while queuing, and aborts what was queued before it', async () => {
    const db = await openArchiveDb('db-test-sync');
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const write = writeAll(db, ['runs'], (tx, requests) => {
      requests.push(tx.objectStore('runs').put(run('a')));
      throw quota;
    });
    await expect(write).rejects.toBe(quota);
    expect(await db.count('runs')).toBe(0);
  });
});
