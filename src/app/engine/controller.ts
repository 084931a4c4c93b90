// Everything the UI can do, in one object: it owns the stores and the engine client, and turns user
// actions into worker calls and store updates. Components read stores and call these actions.
import * as Comlink from 'comlink';
import type { RunConfig } from '../../core/config.ts';
import { defaultRunConfig } from '../../core/config.ts';
import type { RunEvent } from '../../core/events.ts';
import { parseRunFile, runFileText } from '../../core/runFile.ts';
import type { EngineErrorData } from '../../core/errors.ts';
import type { LoadUpdate } from '../../worker/api.ts';
import { fetchCatalog } from '../models/catalog.ts';
import { defaultSelection, toLoadRequest, type ModelSelection } from '../models/selection.ts';
import { initialRunForm, type RunForm } from '../run/run-form.ts';
import { EXAMPLE_PROMPTS, promptAfterLoad, promptSetFor, shapeAfterLoad } from '../run/example-prompts.ts';
import { applyEvents, emptyRunState, startRunState, type RunState } from '../state/run-state.ts';
import { initialSession, reduceSession, type SessionAction, type SessionState } from '../state/session.ts';
import { createStore, type Store } from '../state/store.ts';
import { EngineClient, type WorkerLike } from './engine-client.ts';

export interface AppController {
  readonly session: Store<SessionState>;
  readonly run: Store<RunState>;
  readonly form: Store<RunForm>;
  /** null until the catalog is known (the defaults depend on it). */
  readonly selection: Store<ModelSelection | null>;
  start(): void;
  load(): Promise<void>;
  runWith(config: RunConfig): Promise<void>;
  promptTokens(prompt: string): Promise<number | null>;
  stop(): void;
  /** Restart the engine (frees GPU memory), clear the results, and load the same models again. */
  reset(): Promise<void>;
  /** Back to the model choice, freeing the loaded models. */
  changeModels(): void;
  /** The last run as a run file (JSON), or null when there is none. */
  savedRunText(): string | null;
  /** Shows a saved run without models; returns what is wrong with the file, or null when it opened. */
  openRun(text: string, name: string): string | null;
  /** Leaves a saved run for the start screen. */
  closeRun(): void;
  dismissError(): void;
}

export function createController(createWorker: () => WorkerLike, device: ModelSelection['device']): AppController {
  const session = createStore<SessionState>(initialSession);
  const run = createStore<RunState>(emptyRunState);
  const form = createStore<RunForm>(initialRunForm(EXAMPLE_PROMPTS[0]?.prompt ?? ''));
  const selection = createStore<ModelSelection | null>(null);
  /** The event log of the latest run (live or opened), as it arrived: what a saved run file holds. */
  let log: RunEvent[] = [];
  const dispatch = (action: SessionAction) => session.update((s) => reduceSession(s, action));
  const fail = (context: 'capabilities' | 'catalog' | 'load' | 'run' | 'worker', error: EngineErrorData) =>
    dispatch({ type: 'failed', context, error });

  const client = new EngineClient(createWorker, (error) => {
    fail('worker', error);
    dispatch({ type: 'worker-replaced' });
    void watchDeviceLoss();
  });

  // Runs for every new worker (at start and after each replacement).
  const probe = async () => {
    void watchDeviceLoss();
    const outcome = await client.call((api) => api.probe());
    if (outcome.ok) dispatch({ type: 'probed', report: outcome.value });
    else fail('capabilities', outcome.error);
  };

  /** A GPU device lost while idle is reported at once rather than at the next call; a worker that cannot watch just reports it later. */
  const watchDeviceLoss = async () => {
    let fired = false;
    await client.call((api) => api.watchDeviceLoss(Comlink.proxy((error: EngineErrorData) => {
      if (fired) return;
      fired = true;
      recoverIfDeviceLost(error);
    })));
  };

  const readCatalog = async () => {
    try {
      const entries = await fetchCatalog();
      dispatch({ type: 'catalog', entries });
      selection.set(defaultSelection(entries, device));
    } catch (error) {
      dispatch({ type: 'catalog', entries: [] });
      selection.set(defaultSelection([], device));
      fail('catalog', {
        code: 'model-not-found',
        message: `The built-in models could not be listed (${error instanceof Error ? error.message : String(error)}).`,
        hint: 'Run `npm run models` to build them, or load a model from the hub or a folder.',
      });
    }
  };

  const load = async () => {
    const picked = selection.get();
    if (!picked) return;
    const request = toLoadRequest(picked);
    if (!request.ok) {
      fail('load', { code: 'invalid-config', message: request.problem });
      return;
    }
    if (session.get().recorded) {
      // Loading models leaves the saved run being viewed.
      run.set(emptyRunState);
      log = [];
    }
    dispatch({ type: 'load-start' });
    const onUpdates = Comlink.proxy((updates: LoadUpdate[]) => dispatch({ type: 'load-updates', updates }));
    const outcome = await client.call((api) => api.load(request.request, onUpdates));
    if (!outcome.ok) {
      if (!recoverIfDeviceLost(outcome.error) && outcome.error.code !== 'aborted') fail('load', outcome.error);
      return;
    }
    dispatch({ type: 'loaded', models: outcome.value });
    // The built-in generator only continues sentences: its own task's examples replace untouched chat ones (and back).
    // So do its run sizes (N, length, KV budget), unless the user changed them.
    form.update((f) => {
      const set = promptSetFor(outcome.value.generator.id);
      const prompt = promptAfterLoad(f.prompt, set);
      const shape = shapeAfterLoad(f, set);
      const same = prompt === f.prompt && shape.n === f.n && shape.maxNewTokens === f.maxNewTokens && shape.kvBudgetTokens === f.kvBudgetTokens;
      return same ? f : { ...f, prompt, ...shape };
    });
  };

  /** A lost GPU device leaves the worker unusable: report it, then start a fresh worker. */
  const recoverIfDeviceLost = (error: EngineErrorData): boolean => {
    if (error.code !== 'device-lost') return false;
    fail('worker', error);
    client.reset();
    dispatch({ type: 'worker-replaced' });
    void probe();
    return true;
  };

  const runWith = async (config: RunConfig) => {
    dispatch({ type: 'run-start' });
    run.set(startRunState(config.combine));
    log = [];
    const onEvents = Comlink.proxy((events: RunEvent[]) => {
      log.push(...events);
      run.update((s) => applyEvents(s, events));
    });
    const outcome = await client.call((api) => api.run(config, onEvents));
    if (outcome.ok) dispatch({ type: 'run-done', summary: outcome.value });
    else if (outcome.error.code === 'aborted') dispatch({ type: 'run-done', summary: { stopped: true, events: run.get().eventCount } });
    else if (!recoverIfDeviceLost(outcome.error)) fail('run', outcome.error);
  };

  return {
    session, run, form, selection,
    start() {
      void probe();
      void readCatalog();
    },
    load,
    runWith,
    async promptTokens(prompt) {
      const outcome = await client.call((api) => api.promptTokens(prompt));
      return outcome.ok ? outcome.value : null;
    },
    stop() {
      dispatch({ type: 'stop' });
      client.stop();
    },
    async reset() {
      const hadModels = session.get().loaded !== null;
      client.reset();
      run.set(emptyRunState);
      dispatch({ type: 'worker-replaced' });
      void probe();
      if (hadModels) await load();
    },
    changeModels() {
      client.reset();
      run.set(emptyRunState);
      dispatch({ type: 'worker-replaced' });
      void probe();
    },
    dismissError: () => dispatch({ type: 'dismiss-error' }),
    savedRunText: () => (log.length > 0 ? runFileText(log) : null),
    openRun(text, name) {
      if (session.get().phase !== 'choose') return 'A saved run opens from the start screen (Change models first).';
      const parsed = parseRunFile(text);
      if (!parsed.ok) return parsed.problem;
      const start = parsed.events.find((e) => e.type === 'run-start');
      const combine = (start?.type === 'run-start' && start.combine) || defaultRunConfig('').combine;
      try {
        run.set(applyEvents(startRunState(combine), parsed.events));
      } catch (error) {
        run.set(emptyRunState);
        return `This run file could not be shown (${error instanceof Error ? error.message : String(error)}).`;
      }
      log = parsed.events;
      dispatch({ type: 'recorded-opened', run: { name, savedAt: parsed.savedAt } });
      return null;
    },
    closeRun() {
      run.set(emptyRunState);
      log = [];
      dispatch({ type: 'recorded-closed' });
    },
  };
}
