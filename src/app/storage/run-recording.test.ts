import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { bonEvents, sprEvents, twoMethodRun } from '../fixtures/two-method-run.ts';
import { openArchiveDb } from './db.ts';
import { recordRun } from './run-recording.ts';
import { createRunStore, type RunStore } from './run-store.ts';

let databases = 0;
const freshStore = async () => createRunStore(await openArchiveDb(`run-recording-test-${++databases}`));

describe('recordRun', () => {
  it('writes what arrived at each flush, as "running", and the rest with the ending', async () => {
    const store = await freshStore();
    const onFailure = vi.fn();
    const recording = recordRun(store, { id: 'r', onFailure });
    recording.add(bonEvents.slice(0, 5));
    recording.add(bonEvents.slice(5));
    await recording.flush();
    expect(await store.get('r')).toMatchObject({ ending: 'running', chunks: 1, digest: { open: [], methods: ['bon'] } });
    await recording.flush(); // nothing new: nothing written
    expect(await store.get('r')).toMatchObject({ chunks: 1 });
    recording.add(sprEvents);
    expect(await recording.end('done')).toBe(true);
    expect(await store.get('r')).toMatchObject({ ending: 'done', chunks: 2, digest: { methods: ['bon', 'spr'], best: { bon: 2.5, spr: 2.5 } } });
    expect(await store.events('r')).toEqual(twoMethodRun);
    expect(onFailure).not.toHaveBeenCalled();
  });

  it('closes the log of a run cut short (and of a stop that ended no method)', async () => {
    const store = await freshStore();
    const recording = recordRun(store, { id: 'r', onFailure: vi.fn() });
    recording.add([...bonEvents, ...sprEvents.slice(0, 6)]);
    await recording.flush();
    await recording.end('cut-short');
    const events = await store.events('r');
    expect(events?.at(-1)).toMatchObject({ type: 'run-end', method: 'spr', stopped: true });
    expect(await store.get('r')).toMatchObject({ ending: 'cut-short', digest: { open: [], stopped: ['spr'] } });
  });

  it('after a failed write (a full storage) reports it once, writes no more, deletes what it kept, and never throws', async () => {
    const real = await freshStore();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    let saves = 0;
    const store: RunStore = { ...real, save: async (...args) => (++saves === 2 ? Promise.reject(quota) : real.save(...args)) };
    const onFailure = vi.fn();
    const recording = recordRun(store, { id: 'r', onFailure });
    recording.add(bonEvents);
    await recording.flush();
    expect(await real.get('r')).not.toBeNull();
    recording.add(sprEvents.slice(0, 3));
    await recording.flush();
    recording.add(sprEvents.slice(3));
    await recording.flush();
    expect(await recording.end('done')).toBe(false);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith(quota);
    expect(saves).toBe(2);
    expect(await real.get('r')).toBeNull();
    expect(await real.events('r')).toBeNull();
  });
});
