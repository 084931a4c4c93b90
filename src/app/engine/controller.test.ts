// The controller's flow with a FAKE worker (fake-worker.ts), a stubbed fetch for index.json and an
// in-memory IndexedDB: pure plumbing, no models. The real worker and models run in the end-to-end tests.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultRunConfig } from '../../core/config.ts';
import type { RunEvent } from '../../core/events.ts';
import type { EngineErrorData } from '../../core/errors.ts';
import type { CapabilityReport, EngineWorkerApi, LoadedModels, Outcome, RunSummary } from '../../worker/api.ts';
import { BUILTIN_GENERATOR_ID, POSITIVE_CONTINUATION_TASK } from '../../modelgen/builtin/task.ts';
import { bonEvents, sprEvents } from '../fixtures/two-method-run.ts';
import { EXAMPLE_PROMPTS } from '../run/example-prompts.ts';
import { createArchive } from '../storage/archive.ts';
import { openArchiveDb } from '../storage/db.ts';
import { createController } from './controller.ts';
import { FakeWorker } from './fake-worker.ts';

const models: LoadedModels = {
  generator: { id: 'gen', kvBytesPerToken: 512, maxPositions: 2048, vocabSize: 300 }, scorers: [{ id: 'r', label: 'reward', kind: 'classifier' }],
  device: 'wasm', dtype: 'fp32', loadMs: 1, warmupMs: 1,
};
const index = { models: [{ id: 'gen', label: 'Gen', kind: 'generator', bytes: 10 }, { id: 'rw', label: 'Reward', kind: 'reward', bytes: 5 }] };

function fakeApi(run: EngineWorkerApi['run']): Partial<EngineWorkerApi> {
  return {
    probe: async () => ({ ok: false, error: { code: 'internal', message: 'not probed in this test' } }),
    load: async (_request, onUpdates) => {
      onUpdates([{ type: 'stage', stage: 'ready', message: 'Ready' }]);
      return { ok: true, value: models };
    },
    run,
  };
}

/** Waits (polling, not a fixed sleep) until the controller has read the catalog and chosen defaults. */
async function started(controller: ReturnType<typeof createController>): Promise<void> {
  controller.start();
  await vi.waitFor(() => expect(controller.selection.get()?.generator).toBeDefined());
}

describe('createController', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(index)));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reads the catalog, loads, runs and folds the streamed events into the run store', async () => {
    const run: EngineWorkerApi['run'] = async (_config, onEvents) => {
      onEvents(sprEvents.slice(0, 4) as RunEvent[]);
      onEvents(sprEvents.slice(4) as RunEvent[]);
      return { ok: true, value: { stopped: false, events: sprEvents.length } };
    };
    const workers: FakeWorker[] = [];
    const controller = createController(() => { const w = new FakeWorker(fakeApi(run)); workers.push(w); return w; }, 'auto');
    await started(controller);
    expect(controller.selection.get()?.generator).toMatchObject({ mode: 'builtin', builtinId: 'gen' });
    await controller.load();
    expect(controller.session.get()).toMatchObject({ phase: 'ready', loaded: models });
    await controller.runWith({ ...defaultRunConfig('Hi'), n: 4 });
    await vi.waitFor(() => expect(controller.run.get().lanes.spr?.end?.winner?.id).toBe(3));
    expect(controller.session.get()).toMatchObject({ phase: 'ready', lastRun: { stopped: false } });
  });

  it('swaps the chat example for the built-in task\'s sentence start when the built-in generator loads, and starts runs with their combine rule', async () => {
    const builtin: LoadedModels = { ...models, generator: { ...models.generator, id: BUILTIN_GENERATOR_ID } };
    const api: Partial<EngineWorkerApi> = {
      ...fakeApi(async () => ({ ok: true, value: { stopped: false, events: 0 } })),
      load: async () => ({ ok: true, value: builtin }),
    };
    const controller = createController(() => new FakeWorker(api), 'auto');
    await started(controller);
    expect(controller.form.get().prompt).toBe(EXAMPLE_PROMPTS[0]?.prompt);
    await controller.load();
    expect(controller.form.get().prompt).toBe(POSITIVE_CONTINUATION_TASK.examplePrompts[0]);
    const combine = { rule: 'softmin', normalize: 'rank', temperature: 0.2 } as const;
    await controller.runWith({ ...defaultRunConfig('the war'), combine });
    expect(controller.run.get().combine).toEqual(combine);
  });

  it('reports a GPU device lost while idle at once, and starts a fresh worker that watches again', async () => {
    const watchers: ((error: EngineErrorData) => void)[] = [];
    const api: Partial<EngineWorkerApi> = {
      ...fakeApi(async () => ({ ok: true, value: { stopped: false, events: 0 } })),
      // Probing succeeds here, so the only error on screen is the one under test.
      probe: async () => ({ ok: true, value: {} as CapabilityReport }),
      watchDeviceLoss: async (listener) => {
        watchers.push(listener);
        return { ok: true, value: undefined };
      },
    };
    const workers: FakeWorker[] = [];
    const controller = createController(() => { const w = new FakeWorker(api); workers.push(w); return w; }, 'auto');
    await started(controller);
    await controller.load();
    expect(watchers).toHaveLength(1);
    await vi.waitFor(() => expect(controller.session.get().capabilities).not.toBeNull());
    const firstReport = controller.session.get().capabilities;
    watchers[0]?.({ code: 'device-lost', message: 'The GPU device was lost (destroyed).' });
    // The fresh worker is probed (a new report object) and watched again.
    await vi.waitFor(() => expect(controller.session.get().capabilities).not.toBe(firstReport));
    await vi.waitFor(() => expect(watchers).toHaveLength(2));
    expect(controller.session.get()).toMatchObject({ phase: 'choose', loaded: null, error: { context: 'worker', error: { code: 'device-lost' } } });
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('reports a lost GPU device and starts a fresh worker', async () => {
    const lost: EngineWorkerApi['run'] = async () => ({ ok: false, error: { code: 'device-lost', message: 'The GPU device was lost.' } }) as Outcome<RunSummary>;
    const workers: FakeWorker[] = [];
    const controller = createController(() => { const w = new FakeWorker(fakeApi(lost)); workers.push(w); return w; }, 'auto');
    await started(controller);
    await controller.load();
    await controller.runWith(defaultRunConfig('Hi'));
    expect(controller.session.get()).toMatchObject({ phase: 'choose', loaded: null, error: { context: 'worker', error: { code: 'device-lost' } } });
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('saves the last run as a run file and opens one without models, refusing a bad file with its reason', async () => {
    const run: EngineWorkerApi['run'] = async (_config, onEvents) => {
      onEvents(sprEvents as RunEvent[]);
      return { ok: true, value: { stopped: false, events: sprEvents.length } };
    };
    const first = createController(() => new FakeWorker(fakeApi(run)), 'auto');
    await started(first);
    expect(first.savedRunText()).toBeNull();
    await first.load();
    await first.runWith({ ...defaultRunConfig('Hi'), n: 4 });
    await vi.waitFor(() => expect(first.run.get().lanes.spr?.end?.winner?.id).toBe(3));
    const saved = first.savedRunText()!;

    const second = createController(() => new FakeWorker(fakeApi(run)), 'auto');
    await started(second);
    expect(second.openRun('{"format":"something else"}', 'bad.json')).toMatch(/not a run saved by this app/);
    expect(second.session.get().recorded).toBeNull();
    expect(second.openRun(saved, 'run-hi.json')).toBeNull();
    expect(second.session.get().recorded).toMatchObject({ name: 'run-hi.json' });
    expect(second.run.get().lanes.spr?.end?.winner?.id).toBe(3);
    expect(JSON.parse(second.savedRunText()!).events).toEqual(JSON.parse(saved).events);
    // Loading models leaves the saved run.
    await second.load();
    expect(second.session.get()).toMatchObject({ phase: 'ready', recorded: null });
    expect(second.run.get().methods).toEqual([]);
  });

  it('runs one run at a time: a second Run in the same task is refused where runs start', async () => {
    let runs = 0;
    const run: EngineWorkerApi['run'] = async (_config, onEvents) => {
      runs++;
      onEvents(sprEvents as RunEvent[]);
      return { ok: true, value: { stopped: false, events: sprEvents.length } };
    };
    const controller = createController(() => new FakeWorker(fakeApi(run)), 'auto');
    await started(controller);
    await controller.load();
    // Two clicks before React re-renders the button: both reach the controller.
    await Promise.all([controller.runWith(defaultRunConfig('Hi')), controller.runWith(defaultRunConfig('Hi'))]);
    await vi.waitFor(() => expect(controller.run.get().lanes.spr?.end).toBeDefined());
    expect(runs).toBe(1);
    expect(JSON.parse(controller.savedRunText()!).events).toHaveLength(sprEvents.length);
  });

  it('keeps the previous results when the engine refuses a run, and says why next to Run', async () => {
    let calls = 0;
    const run: EngineWorkerApi['run'] = async (_config, onEvents) => {
      if (++calls === 2) return { ok: false, error: { code: 'invalid-config', field: 'prompt', message: 'The prompt is too long.' } };
      onEvents(sprEvents as RunEvent[]);
      return { ok: true, value: { stopped: false, events: sprEvents.length } };
    };
    const controller = createController(() => new FakeWorker(fakeApi(run)), 'auto');
    await started(controller);
    await controller.load();
    await controller.runWith(defaultRunConfig('Hi'));
    await vi.waitFor(() => expect(controller.run.get().lanes.spr?.end?.winner?.id).toBe(3));
    const before = controller.run.get();
    await controller.runWith(defaultRunConfig('a very long prompt'));
    expect(controller.run.get()).toBe(before);
    expect(controller.session.get()).toMatchObject({ phase: 'ready', error: { context: 'run', error: { field: 'prompt' } } });
    expect(JSON.parse(controller.savedRunText()!).events).toHaveLength(sprEvents.length);
  });

  it('drops a run\'s late events once the models were changed: no ghost lane after the next load', async () => {
    let late: ((events: RunEvent[]) => void) | null = null;
    const run: EngineWorkerApi['run'] = (_config, onEvents) => {
      late = onEvents;
      onEvents(bonEvents.slice(0, 3) as RunEvent[]);
      return new Promise(() => undefined);
    };
    const controller = createController(() => new FakeWorker(fakeApi(run)), 'auto');
    await started(controller);
    await controller.load();
    void controller.runWith(defaultRunConfig('Hi'));
    await vi.waitFor(() => expect(controller.run.get().lanes.bon).toBeDefined());
    controller.changeModels();
    await controller.load();
    // The old run's proxy still reaches the page (its own message port); what it sends is not shown.
    // (Through comlink the call resolves once the page has handled it.)
    await (late! as (events: RunEvent[]) => Promise<void>)(bonEvents.slice(3) as RunEvent[]);
    expect(controller.run.get().methods).toEqual([]);
    expect(controller.session.get().phase).toBe('ready');
  });

  it('says the engine could not be loaded when no worker starts, instead of restarting forever, and retries', async () => {
    let healthy = false;
    const workers: FakeWorker[] = [];
    const api: Partial<EngineWorkerApi> = { ...fakeApi(async () => ({ ok: true, value: { stopped: false, events: 0 } })), probe: async () => ({ ok: true, value: {} as CapabilityReport }) };
    const controller = createController(() => { const w = new FakeWorker(api, { failToStart: !healthy }); workers.push(w); return w; }, 'auto');
    await started(controller);
    await vi.waitFor(() => expect(controller.session.get().error?.context).toBe('engine'), { timeout: 10_000 });
    expect(workers).toHaveLength(5);
    expect(controller.session.get()).toMatchObject({ phase: 'choose', error: { error: { message: expect.stringMatching(/could not be loaded/) } } });
    healthy = true;
    controller.retryEngine();
    await vi.waitFor(() => expect(controller.session.get().capabilities).not.toBeNull());
    expect(controller.session.get().error).toBeNull();
    await controller.load();
    expect(controller.session.get().phase).toBe('ready');
  });

  it('ends a run for the user only once its trailing events are in (they come through their own port)', async () => {
    const run: EngineWorkerApi['run'] = async (_config, onEvents) => {
      // The outcome goes out first; the events follow a moment later, as from a page busy drawing.
      setTimeout(() => onEvents(sprEvents as RunEvent[]), 30);
      return { ok: true, value: { stopped: false, events: sprEvents.length } };
    };
    const controller = createController(() => new FakeWorker(fakeApi(run)), 'auto');
    await started(controller);
    await controller.load();
    await controller.runWith(defaultRunConfig('Hi'));
    expect(controller.session.get().phase).toBe('ready');
    expect(controller.run.get().lanes.spr?.end?.winner?.id).toBe(3);
    expect(JSON.parse(controller.savedRunText()!).events).toHaveLength(sprEvents.length);
  });
});

let databases = 0;
/** One browser's storage: each call is a page of it (a reload is a second call). */
function browserStorage() {
  const name = `controller-test-${++databases}`;
  return () => createArchive({ open: () => openArchiveDb(name), locks: null, page: null });
}

describe('createController keeps runs and settings in the browser', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(index)));
  });
  afterEach(() => vi.unstubAllGlobals());

  const finishedRun: EngineWorkerApi['run'] = async (_config, onEvents) => {
    onEvents(sprEvents as RunEvent[]);
    return { ok: true, value: { stopped: false, events: sprEvents.length } };
  };

  it('keeps each run: after a reload Recent runs lists it, and it opens without models as the same run', async () => {
    const page = browserStorage();
    const first = createController(() => new FakeWorker(fakeApi(finishedRun)), 'auto', page());
    await started(first);
    await first.load();
    await first.runWith(defaultRunConfig('Hi'));
    await vi.waitFor(() => expect(first.archive.state.get().latest?.state).toBe('kept'));
    const shown = JSON.parse(first.savedRunText()!).events;

    const second = createController(() => new FakeWorker(fakeApi(finishedRun)), 'auto', page());
    await started(second);
    await vi.waitFor(() => expect(second.archive.state.get().runs).toHaveLength(1));
    const [kept] = second.archive.state.get().runs!;
    expect(kept).toMatchObject({ ending: 'done', digest: { prompt: 'Say something kind.', methods: ['spr'] } });
    expect(await second.openRecent(kept!.id)).toBeNull();
    expect(second.session.get().recorded?.name).toMatch(/"Say something kind\." \(recent run\)/);
    expect(JSON.parse(second.savedRunText()!).events).toEqual(shown);
    expect(JSON.parse((await second.recentRunText(kept!.id))!).events).toEqual(shown);
    second.closeRun();
    await second.archive.deleteRun(kept!.id);
    expect(await second.openRecent(kept!.id)).toMatch(/no longer kept/);
  });

  it('keeps what a run cut short by Change models produced, closed as stopped', async () => {
    const page = browserStorage();
    const endless: EngineWorkerApi['run'] = (_config, onEvents) => {
      onEvents(bonEvents.slice(0, 6) as RunEvent[]);
      return new Promise(() => undefined);
    };
    const controller = createController(() => new FakeWorker(fakeApi(endless)), 'auto', page());
    await started(controller);
    await controller.load();
    void controller.runWith(defaultRunConfig('Hi'));
    await vi.waitFor(() => expect(controller.run.get().lanes.bon).toBeDefined());
    controller.changeModels();
    await vi.waitFor(() => expect(controller.archive.state.get().runs?.[0]?.ending).toBe('cut-short'));
    const id = controller.archive.state.get().runs![0]!.id;
    expect(await controller.openRecent(id)).toBeNull();
    expect(controller.run.get().lanes.bon?.end?.stopped).toBe(true);
  });

  it('brings back the run form and the model choice after a reload; the address\'s device wins', async () => {
    const page = browserStorage();
    const first = createController(() => new FakeWorker(fakeApi(finishedRun)), 'auto', page());
    await started(first);
    const typed = { ...first.form.get(), prompt: 'the war', n: '4', alpha: '0.7', sprStart: 'memory' as const };
    first.form.set(typed);
    first.selection.set({ ...first.selection.get()!, device: 'webgpu' });
    const reload = async (device: 'auto' | 'wasm') => {
      const controller = createController(() => new FakeWorker(fakeApi(finishedRun)), device, page());
      await started(controller);
      return controller;
    };
    await vi.waitFor(async () => expect((await reload('auto')).form.get()).toEqual(typed));
    const again = await reload('auto');
    expect(again.selection.get()?.device).toBe('webgpu');
    expect((await reload('wasm')).selection.get()?.device).toBe('wasm');
  });
});
