// Everything the UI can do, in one object: it owns the stores and the engine client, and turns user
// actions into worker calls and store updates. Components read stores and call these actions.
import * as Comlink from 'comlink';
import type { RunConfig } from '../../core/config.ts';
import type { RunEvent } from '../../core/events.ts';
import { runFileText } from '../../core/runFile.ts';
import type { EngineErrorData } from '../../core/errors.ts';
import type { LoadUpdate } from '../../worker/api.ts';
import { fetchCatalog, type CatalogEntry } from '../models/catalog.ts';
import { toLoadRequest, type ModelSelection } from '../models/selection.ts';
import { initialRunForm, type RunForm } from '../run/run-form.ts';
import { EXAMPLE_PROMPTS, promptAfterLoad, promptSetFor, shapeAfterLoad } from '../run/example-prompts.ts';
import { applyEvents, emptyRunState, startRunState, type RunState } from '../state/run-state.ts';
import { initialSession, reduceSession, type ErrorContext, type SessionAction, type SessionState } from '../state/session.ts';
import { createStore, type Store } from '../state/store.ts';
import { unkeptArchive, type Archive, type SavedSettings } from '../storage/archive.ts';
import { recentRunName } from '../storage/recent-run-words.ts';
import type { RunRecording } from '../storage/run-recording.ts';
import { restoreAndKeepSettings } from '../storage/settings-sync.ts';
import { applyLinkSettings } from '../url/apply-link.ts';
import { EngineClient, type WorkerLike } from './engine-client.ts';
import { viewRunFile } from './run-file-view.ts';
import { createSetRunner, type SetRunner } from '../promptset/set-runner.ts';
import type { PromptRunResult } from '../promptset/prompt-run.ts';

export interface AppController {
  readonly session: Store<SessionState>;
  readonly run: Store<RunState>;
  readonly form: Store<RunForm>;
  /** null until the catalog is known (the defaults depend on it). */
  readonly selection: Store<ModelSelection | null>;
  /** What this browser keeps: Recent runs, the settings, and what it could not keep. */
  readonly archive: Archive;
  /** Prompt sets: open a file of prompts, run them one by one, stop, resume, export. */
  readonly sets: SetRunner;
  /** What the page's address asked for and could not be read (a shared link's bad settings). */
  readonly linkProblems: Store<readonly string[]>;
  start(): void;
  /** Loads the selected models; ignored unless on the model choice (one load at a time). */
  load(): Promise<void>;
  /** Starts a run; ignored unless models are loaded and no run is in progress (one run at a time). */
  runWith(config: RunConfig): Promise<void>;
  promptTokens(prompt: string): Promise<number | null>;
  stop(): void;
  /** Skips the WebGPU numerical check a load is doing: the models stay loaded, the check is reported as not done. */
  skipNumericCheck(): void;
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
  /** With models loaded and no run in flight, shows a recorded event log in the workspace (a prompt set's prompt). */
  showRun(events: RunEvent[]): boolean;
  /** Shows a run kept in this browser, as openRun does; returns what went wrong, or null when it opened. */
  openRecent(id: string): Promise<string | null>;
  /** A run kept in this browser as a run file, or null when it is no longer kept. */
  recentRunText(id: string): Promise<string | null>;
  dismissError(): void;
  /** Starts the engine again after it could not be loaded. */
  retryEngine(): void;
}

/**
 * `device`: the one the page's address asks for ('auto' when it names none); `archive`: what the browser
 * keeps; `search`: the address's query, whose run settings and models win over the kept ones.
 */
export function createController(
  createWorker: () => WorkerLike, device: ModelSelection['device'], archive: Archive = unkeptArchive(), search = '',
): AppController {
  const linkProblems = createStore<readonly string[]>([]);
  const session = createStore<SessionState>(initialSession);
  const run = createStore<RunState>(emptyRunState);
  const startForm = initialRunForm(EXAMPLE_PROMPTS[0]?.prompt ?? '');
  const form = createStore<RunForm>(startForm);
  const selection = createStore<ModelSelection | null>(null);
  /** The event log of the latest run (live or opened), as it arrived: what a saved run file holds. */
  let log: RunEvent[] = [];
  const dispatch = (action: SessionAction) => session.update((s) => reduceSession(s, action));
  const fail = (context: ErrorContext, error: EngineErrorData) => dispatch({ type: 'failed', context, error });
  /** The run in flight (its number), 0 when none: only one at a time. */
  let activeRun = 0;
  /** The run whose events the run store shows: events of any other are dropped. Its events come through
   * their own message port, so some may arrive after the run's outcome. */
  let shownRun = 0;
  let runsStarted = 0;
  /** Set while a finished run waits for its trailing events; forgetting the run ends the wait. */
  let stopWaitingForEvents: (() => void) | null = null;
  /** The browser's copy of the run in flight, from its first events to its end. */
  let recording: RunRecording | null = null;
  const endRecording = (ending: Parameters<RunRecording['end']>[0]) => {
    void recording?.end(ending);
    recording = null;
  };
  /** Forgets the run in flight and its late events: its worker is gone (reset, crash, new models). What it produced stays kept. */
  const forgetRun = () => {
    activeRun = 0;
    shownRun = 0;
    stopWaitingForEvents?.();
    endRecording('cut-short');
  };

  // Runs for every new worker (at start and after each replacement).
  const probe = async () => {
    void watchDeviceLoss();
    const outcome = await client.call((api) => api.probe());
    if (outcome.ok) dispatch({ type: 'probed', report: outcome.value });
    else if (outcome.error.code !== 'aborted') fail('capabilities', outcome.error);
  };

  const client = new EngineClient(createWorker, {
    onStarted: () => void probe(),
    onCrash(error) {
      forgetRun();
      fail('worker', error);
      dispatch({ type: 'worker-replaced' });
    },
    onUnavailable(error) {
      forgetRun();
      dispatch({ type: 'worker-replaced' });
      fail('engine', error);
    },
  });

  /** A GPU device lost while idle is reported at once rather than at the next call; a worker that cannot watch just reports it later. */
  const watchDeviceLoss = async () => {
    let fired = false;
    await client.call((api) => api.watchDeviceLoss(Comlink.proxy((error: EngineErrorData) => {
      if (fired) return;
      fired = true;
      recoverIfDeviceLost(error);
    })));
  };

  /** The catalog, then the model defaults it gives under the settings saved last. */
  const readCatalog = async (saved: Promise<SavedSettings | null>) => {
    let entries: CatalogEntry[] = [];
    let problem: unknown = null;
    try {
      entries = await fetchCatalog();
    } catch (error) {
      problem = error;
    }
    dispatch({ type: 'catalog', entries });
    restoreAndKeepSettings({ form, startForm, selection, device }, archive, entries, await saved);
    linkProblems.set(applyLinkSettings(search, { form, startForm, selection }, entries));
    if (problem !== null) {
      fail('catalog', {
        code: 'model-not-found',
        message: `The built-in models could not be listed (${problem instanceof Error ? problem.message : String(problem)}).`,
        hint: 'Run `npm run models` to build them, or load a model from the hub or a folder.',
      });
    }
  };

  const load = async () => {
    const picked = selection.get();
    if (!picked || session.get().phase !== 'choose') return;
    const request = toLoadRequest(picked);
    if (!request.ok) {
      fail('load', { code: 'invalid-config', message: request.problem });
      return;
    }
    // New models, a clean workspace: no saved run being viewed, nothing left of a run the engine lost.
    run.set(emptyRunState);
    log = [];
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
    forgetRun();
    fail('worker', error);
    client.reset();
    dispatch({ type: 'worker-replaced' });
    return true;
  };

  /**
   * One run in the worker, shown live. A run started by hand is kept for Recent runs as it goes; a prompt
   * set's prompt (`forSet`) is not: the set keeps it whole once it is done, and an engine's refusal of the
   * prompt is the set's to report, not an error on screen.
   */
  const runOne = async (config: RunConfig, forSet: boolean): Promise<PromptRunResult> => {
    // One run at a time, checked here and not only by the Run button: two clicks in one task both get here.
    if (session.get().phase !== 'ready' || activeRun !== 0) return { kind: 'busy' };
    const id = ++runsStarted;
    activeRun = id;
    shownRun = id;
    dispatch({ type: 'run-start' });
    // The previous results stay until the engine has accepted this run (its first events), so a run it
    // refuses leaves them on screen.
    let shown = false;
    const show = () => {
      if (shown) return;
      shown = true;
      run.set(startRunState(config.combine));
      log = [];
      if (!forSet) recording = archive.beginRun();
    };
    let received = 0;
    let expected = Infinity;
    const onEvents = Comlink.proxy((events: RunEvent[]) => {
      if (shownRun !== id) return; // a run that was reset, lost its worker or was followed by another
      show();
      log.push(...events);
      recording?.add(events);
      received += events.length;
      run.update((s) => applyEvents(s, events));
      if (received >= expected) stopWaitingForEvents?.();
    });
    const outcome = await client.call((api) => api.run(config, onEvents));
    if (outcome.ok && activeRun === id && received < outcome.value.events) {
      // The events come through a message port of their own and can trail the outcome, by seconds when
      // the page is busy drawing: the run is over for the user (Run enabled again) once all are shown.
      expected = outcome.value.events;
      await new Promise<void>((resolve) => {
        stopWaitingForEvents = () => {
          stopWaitingForEvents = null;
          resolve();
        };
      });
    }
    if (activeRun !== id) return { kind: 'gone' };
    activeRun = 0;
    if (outcome.ok) {
      show();
      endRecording(outcome.value.stopped ? 'stopped' : 'done');
      dispatch({ type: 'run-done', summary: outcome.value });
      return { kind: outcome.value.stopped ? 'stopped' : 'done', events: log };
    }
    if (outcome.error.code === 'aborted') {
      endRecording('stopped');
      dispatch({ type: 'run-done', summary: { stopped: true, events: shown ? run.get().eventCount : 0 } });
      return { kind: 'stopped', events: log };
    }
    if (recoverIfDeviceLost(outcome.error)) return { kind: 'gone' };
    endRecording('cut-short');
    if (forSet && outcome.error.code === 'invalid-config') dispatch({ type: 'run-done', summary: { stopped: false, events: 0 } });
    else fail('run', outcome.error);
    return { kind: 'failed', error: outcome.error };
  };

  const sets = createSetRunner({
    session, form, archive,
    runPrompt: (config) => runOne(config, true),
    stop: () => {
      if (activeRun === 0) return;
      dispatch({ type: 'stop' });
      client.stop();
    },
    showRun: (events) => showRun(events),
    openRun: (text, name) => openRun(text, name),
  });

  const runWith = async (config: RunConfig) => {
    // A prompt set runs its prompts one after another: a run by hand waits for it to stop.
    if (sets.running()) return;
    await runOne(config, false);
  };

  const showRun = (events: RunEvent[]): boolean => {
    if (session.get().phase !== 'ready' || activeRun !== 0) return false;
    const view = viewRunFile(runFileText(events));
    if (!view.ok) return false;
    run.set(view.state);
    log = view.events;
    return true;
  };

  const openRun = (text: string, name: string): string | null => {
    if (session.get().phase !== 'choose') return 'A saved run opens from the start screen (Change models first).';
    const view = viewRunFile(text);
    if (!view.ok) return view.problem;
    run.set(view.state);
    log = view.events;
    dispatch({ type: 'recorded-opened', run: { name, savedAt: view.savedAt } });
    return null;
  };

  /** A kept run as a run file (the same checks as a file's on opening), with its name. */
  const recentRun = async (id: string): Promise<{ text: string; name: string } | null> => {
    const kept = archive.state.get().runs?.find((r) => r.id === id);
    const events = kept && (await archive.runEvents(id));
    if (!kept || !events || events.length === 0) return null;
    return { text: runFileText(events, new Date(kept.createdAt)), name: recentRunName(kept) };
  };

  return {
    session, run, form, selection, archive, sets, linkProblems,
    start() {
      archive.start();
      sets.start();
      void readCatalog(archive.loadSettings());
    },
    load,
    runWith,
    showRun,
    async promptTokens(prompt) {
      const outcome = await client.call((api) => api.promptTokens(prompt));
      return outcome.ok ? outcome.value : null;
    },
    skipNumericCheck: () => client.stop(),
    stop() {
      if (activeRun === 0) return;
      dispatch({ type: 'stop' });
      client.stop();
    },
    async reset() {
      const hadModels = session.get().loaded !== null;
      forgetRun();
      client.reset();
      run.set(emptyRunState);
      log = [];
      dispatch({ type: 'worker-replaced' });
      if (hadModels) await load();
    },
    changeModels() {
      forgetRun();
      client.reset();
      run.set(emptyRunState);
      log = [];
      dispatch({ type: 'worker-replaced' });
    },
    dismissError: () => dispatch({ type: 'dismiss-error' }),
    retryEngine() {
      dispatch({ type: 'dismiss-error' });
      client.retry();
    },
    savedRunText: () => (log.length > 0 ? runFileText(log) : null),
    openRun,
    async openRecent(id) {
      const kept = await recentRun(id);
      return kept ? openRun(kept.text, kept.name) : 'This run is no longer kept in this browser.';
    },
    recentRunText: async (id) => (await recentRun(id))?.text ?? null,
    closeRun() {
      run.set(emptyRunState);
      log = [];
      dispatch({ type: 'recorded-closed' });
    },
  };
}
