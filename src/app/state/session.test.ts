import { describe, expect, it } from 'vitest';
import type { LoadedModels } from '../../worker/api.ts';
import { initialSession, reduceSession, type SessionAction, type SessionState } from './session.ts';

const models: LoadedModels = {
  generator: { id: 'gen', kvBytesPerToken: 512, maxPositions: 256, vocabSize: 300 }, scorers: [{ id: 'r', label: 'reward', kind: 'classifier' }],
  device: 'wasm', dtype: 'fp32', loadMs: 10, warmupMs: 2,
};
const run = (...actions: SessionAction[]): SessionState => actions.reduce(reduceSession, initialSession);

describe('reduceSession', () => {
  it('goes from choosing models through loading to ready, with progress in between', () => {
    const loading = run({ type: 'load-start' }, { type: 'load-updates', updates: [{ type: 'file', model: 'gen', file: 'onnx/model.onnx', loaded: 5, total: 10, done: false }] });
    expect(loading.phase).toBe('loading');
    expect(loading.load.fraction).toBe(0.5);
    const ready = reduceSession(loading, { type: 'loaded', models });
    expect(ready).toMatchObject({ phase: 'ready', loaded: models });
  });

  it('shows a load failure and returns to the choice, never staying on "loading"', () => {
    const s = run({ type: 'load-start' }, { type: 'failed', context: 'load', error: { code: 'model-not-found', message: 'No model "x".', hint: 'Check the id.' } });
    expect(s.phase).toBe('choose');
    expect(s.error?.error.code).toBe('model-not-found');
    expect(reduceSession(s, { type: 'dismiss-error' }).error).toBeNull();
  });

  it('runs, stops and finishes; a failed run keeps the loaded models', () => {
    const ready = run({ type: 'load-start' }, { type: 'loaded', models });
    const stopping = [{ type: 'run-start' } as const, { type: 'stop' } as const].reduce(reduceSession, ready);
    expect(stopping.phase).toBe('stopping');
    const done = reduceSession(stopping, { type: 'run-done', summary: { stopped: true, events: 12 } });
    expect(done).toMatchObject({ phase: 'ready', lastRun: { stopped: true } });
    const failed = [{ type: 'run-start' } as const, { type: 'failed', context: 'run', error: { code: 'out-of-memory', message: 'oom' } } as const].reduce(reduceSession, ready);
    expect(failed).toMatchObject({ phase: 'ready', loaded: models, error: { context: 'run' } });
  });

  it('forgets the loaded models when the worker is replaced', () => {
    const crashed = [{ type: 'failed', context: 'worker', error: { code: 'internal', message: 'crashed' } } as const, { type: 'worker-replaced' } as const]
      .reduce(reduceSession, run({ type: 'load-start' }, { type: 'loaded', models }));
    expect(crashed).toMatchObject({ phase: 'choose', loaded: null, error: { context: 'worker' } });
  });

  it('leaves "Stopping…" for the model choice when the worker dies mid-run, and says when no engine could be started', () => {
    const stopping = run({ type: 'load-start' }, { type: 'loaded', models }, { type: 'run-start' }, { type: 'stop' });
    const died = [{ type: 'failed', context: 'worker', error: { code: 'out-of-memory', message: 'gone' } } as const, { type: 'worker-replaced' } as const]
      .reduce(reduceSession, stopping);
    expect(died).toMatchObject({ phase: 'choose', loaded: null });
    const offline = run({ type: 'load-start' }, { type: 'failed', context: 'engine', error: { code: 'download-failed', message: 'offline' } });
    expect(offline).toMatchObject({ phase: 'choose', error: { context: 'engine' } });
  });

  it('ignores run actions outside a run and progress outside a load', () => {
    expect(run({ type: 'run-start' }).phase).toBe('choose');
    expect(run({ type: 'load-updates', updates: [{ type: 'stage', stage: 'ready', message: 'x' }] }).load.message).toBe('');
  });
});
