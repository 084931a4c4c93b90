// Pure logic of the client with a FAKE worker (fake-worker.ts). No models run here; the real worker is
// exercised by the end-to-end tests.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import type { EngineWorkerApi, Outcome, RunSummary } from '../../worker/api.ts';
import { EngineClient } from './engine-client.ts';
import { FakeWorker } from './fake-worker.ts';

const never = <T,>() => new Promise<T>(() => undefined);

function setup(api: Partial<EngineWorkerApi>) {
  const workers: FakeWorker[] = [];
  const crashes: string[] = [];
  const client = new EngineClient(() => {
    const w = new FakeWorker(api);
    workers.push(w);
    return w;
  }, (e) => crashes.push(e.message));
  return { client, workers, crashes };
}

describe('EngineClient', () => {
  it('passes calls and results through comlink', async () => {
    const { client, workers } = setup({ run: async () => ({ ok: true, value: { stopped: false, events: 3 } }) });
    const outcome = await client.call((api) => api.run({} as never, Comlink.proxy(() => undefined)));
    expect(outcome).toEqual({ ok: true, value: { stopped: false, events: 3 } });
    client.dispose();
    expect(workers[0]?.terminated).toBe(true);
  });

  it('fails a pending call instead of hanging when the worker crashes, and starts a new worker', async () => {
    const { client, workers, crashes } = setup({ run: () => never<Outcome<RunSummary>>() });
    const pending = client.call((api) => api.run({} as never, Comlink.proxy(() => undefined)));
    await new Promise((r) => setTimeout(r, 10));
    workers[0]?.crash('RangeError: Array buffer allocation failed');
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/crashed: RangeError/);
    expect(crashes).toHaveLength(1);
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    client.dispose();
  });

  it('reset terminates the worker, fails what was pending as aborted and serves new calls', async () => {
    let calls = 0;
    const { client, workers } = setup({ probe: () => (++calls === 1 ? never() : Promise.resolve({ ok: false, error: { code: 'internal', message: 'second' } })) });
    const first = client.call((api) => api.probe());
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
