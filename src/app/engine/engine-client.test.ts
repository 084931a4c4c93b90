// Pure logic of the client with a FAKE worker (fake-worker.ts). No models run here; the real worker is
// exercised by the end-to-end tests (faults.e2e.ts: offline, a worker that closes itself).
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineErrorData } from '../../core/errors.ts';
import type { EngineWorkerApi, Outcome, RunSummary } from '../../worker/api.ts';
import { EngineClient, type EngineClientOptions } from './engine-client.ts';
import { FakeWorker, type FakeWorkerOptions } from './fake-worker.ts';

const never = <T,>() => new Promise<T>(() => undefined);

function setup(api: Partial<EngineWorkerApi>, workerOptions: (index: number) => FakeWorkerOptions = () => ({}), options: EngineClientOptions = {}) {
  const workers: FakeWorker[] = [];
  const crashes: string[] = [];
  const unavailable: EngineErrorData[] = [];
  let started = 0;
  const client = new EngineClient(() => {
    const w = new FakeWorker(api, workerOptions(workers.length));
    workers.push(w);
    return w;
  }, {
    onStarted: () => started++,
    onCrash: (e) => crashes.push(e.message),
    onUnavailable: (e) => unavailable.push(e),
  }, options);
  return { client, workers, crashes, unavailable, started: () => started };
}

/** A stand-in for Web Locks: the test says when a worker's lock is released. */
function fakeLocks() {
  const watched = new Map<string, { onExit: () => void; stopped: boolean }>();
  const watchExit = (lock: string, onExit: () => void) => {
    const entry = { onExit, stopped: false };
    watched.set(lock, entry);
    return () => { entry.stopped = true; };
  };
  return { watched, watchExit, release: (lock: string) => watched.get(lock)?.onExit() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('EngineClient', () => {
  it('passes calls and results through comlink once the worker says it is up', async () => {
    const { client, workers, started } = setup({ run: async () => ({ ok: true, value: { stopped: false, events: 3 } }) });
    const outcome = await client.call((api) => api.run({} as never, Comlink.proxy(() => undefined)));
    expect(outcome).toEqual({ ok: true, value: { stopped: false, events: 3 } });
    expect(started()).toBe(1);
    client.dispose();
    expect(workers[0]?.terminated).toBe(true);
  });

  it('fails a pending call instead of hanging when the worker crashes, and starts a new worker', async () => {
    const { client, workers, crashes, started } = setup({ run: () => never<Outcome<RunSummary>>() });
    const pending = client.call((api) => api.run({} as never, Comlink.proxy(() => undefined)));
    await vi.waitFor(() => expect(started()).toBe(1));
    workers[0]?.crash('RangeError: Array buffer allocation failed');
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/crashed: RangeError/);
    expect(crashes).toHaveLength(1);
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    await vi.waitFor(() => expect(started()).toBe(2));
    client.dispose();
  });

  it('turns a worker that ends without a word (its life lock released) into a clear error, and starts a new one', async () => {
    const locks = fakeLocks();
    const { client, workers, crashes, started } = setup({ run: () => never<Outcome<RunSummary>>() }, (i) => ({ lock: `lock-${i}` }), { watchExit: locks.watchExit });
    const pending = client.call((api) => api.run({} as never, Comlink.proxy(() => undefined)));
    await vi.waitFor(() => expect(locks.watched.has('lock-0')).toBe(true));
    locks.release('lock-0');
    const outcome = await pending;
    expect(!outcome.ok && outcome.error).toMatchObject({ code: 'out-of-memory', message: expect.stringMatching(/stopped without an error/) });
    expect(crashes).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(true);
    await vi.waitFor(() => expect(started()).toBe(2));
    // Reset stops watching the worker it ends: its released lock is no crash.
    client.reset();
    expect(locks.watched.get('lock-1')?.stopped).toBe(true);
    locks.release('lock-1');
    expect(crashes).toHaveLength(1);
    client.dispose();
  });

  it('backs off when workers cannot even start, then gives up with the reason, and starts again when asked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let healthy = false;
    const { client, workers, unavailable, started } = setup(
      { probe: async () => ({ ok: false, error: { code: 'internal', message: 'probed' } }) },
      () => ({ failToStart: !healthy }),
      { isOnline: () => false },
    );
    const queued = client.call((api) => api.probe());
    await vi.advanceTimersByTimeAsync(100);
    expect(workers).toHaveLength(2); // the first retry is immediate
    await vi.advanceTimersByTimeAsync(400);
    expect(workers).toHaveLength(2); // the next one waits
    await vi.advanceTimersByTimeAsync(4000);
    expect(workers).toHaveLength(5);
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0]?.message).toMatch(/offline: the engine could not be loaded/i);
    // What was waiting for a worker is not left hanging.
    expect(await queued).toMatchObject({ ok: false, error: { code: 'aborted' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(workers).toHaveLength(5); // no loop
    expect(started()).toBe(0);
    healthy = true;
    client.retry();
    vi.useRealTimers();
    expect(await client.call((api) => api.probe())).toEqual({ ok: false, error: { code: 'internal', message: 'probed' } });
    expect(workers).toHaveLength(6);
    client.dispose();
  });

  it('reset terminates the worker, fails what was pending as aborted and serves new calls', async () => {
    let calls = 0;
    const { client, workers } = setup({ probe: () => (++calls === 1 ? never() : Promise.resolve({ ok: false, error: { code: 'internal', message: 'second' } })) });
    const first = client.call((api) => api.probe());
    await vi.waitFor(() => expect(calls).toBe(1));
    client.reset();
    expect(await first).toEqual({ ok: false, error: { code: 'aborted', message: 'The engine was reset.' } });
    expect(workers[0]?.terminated).toBe(true);
    expect(await client.call((api) => api.probe())).toEqual({ ok: false, error: { code: 'internal', message: 'second' } });
    client.dispose();
  });

  it('turns a thrown error into error data rather than a rejected promise', async () => {
    const { client } = setup({ probe: () => Promise.reject(Object.assign(new Error('boom'), { name: 'AbortError' })) });
    expect(await client.call((api) => api.probe())).toEqual({ ok: false, error: { code: 'aborted', message: 'Stopped.' } });
    client.dispose();
  });
});
