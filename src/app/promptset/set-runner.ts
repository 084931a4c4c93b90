// Runs a prompt set in the worker, one prompt after another, with the settings and models it first ran
// with. Each finished prompt is kept at once (its run, log and outcome together), so a reload, a crash or a
// closed tab loses at most the prompt in flight; Resume runs only the prompts not kept yet. Stop ends the
// prompt in flight and keeps nothing of it; "stop after this prompt" lets it finish.
import type { RunConfig } from '../../core/config.ts';
import type { RunEvent } from '../../core/events.ts';
import { checkRunEvents, runFileText } from '../../core/runFile.ts';
import { exportFileName, exportPromptSet, sidecarName } from '../../promptset/exports.ts';
import type { ExportRequest } from '../../promptset/exportRequest.ts';
import { parsePromptFile } from '../../promptset/promptFile.ts';
import { promptOutcome } from '../../promptset/promptOutcome.ts';
import { checkRunForm, type RunForm } from '../run/run-form.ts';
import type { SessionState } from '../state/session.ts';
import { createStore, type Store } from '../state/store.ts';
import type { Archive } from '../storage/archive.ts';
import { setRunId, type StoredSet } from '../storage/stored-set.ts';
import type { PromptRunResult } from './prompt-run.ts';
import { emptySets, keptOpenSet, modelsMismatch, newOpenSet, nextPending, type OpenSet, type PromptSetsState } from './set-state.ts';

export interface SetRunnerDeps {
  readonly session: Store<SessionState>;
  readonly form: Store<RunForm>;
  readonly archive: Archive;
  readonly runPrompt: (config: RunConfig) => Promise<PromptRunResult>;
  /** Stops the run in flight. */
  readonly stop: () => void;
  /** Shows a log in the workspace (models loaded); false when it cannot now. */
  readonly showRun: (events: RunEvent[]) => boolean;
  /** Opens a log as a saved run (no models); its problem, or null. */
  readonly openRun: (text: string, name: string) => string | null;
  /** Web Locks: a set being run holds one, so another tab cannot run it at the same time. */
  readonly locks?: LockManager | null;
  readonly now?: () => number;
}

export interface ExportedDownload {
  readonly data: { readonly name: string; readonly text: string };
  readonly meta: { readonly name: string; readonly text: string };
  readonly lines: number;
}

export interface SetRunner {
  readonly state: Store<PromptSetsState>;
  /** Lists the kept sets. */
  start(): void;
  running(): boolean;
  openFile(text: string, name: string): void;
  openKept(id: string): Promise<void>;
  close(): void;
  remove(id: string): Promise<void>;
  /** Runs (or resumes) the open set with the loaded models. */
  run(): Promise<void>;
  stop(): void;
  stopAfterPrompt(): void;
  /** Shows a finished prompt's run in the lanes and charts; its problem, or null. */
  openPrompt(index: number): Promise<string | null>;
  exportFiles(request: ExportRequest): ExportedDownload | null;
}

const newSetId = () => `set-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const lockName = (id: string) => `aligned-in-the-browser:set:${id}`;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const defaultLocks = () => (typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null);

export function createSetRunner(deps: SetRunnerDeps): SetRunner {
  const state = createStore<PromptSetsState>(emptySets);
  const now = deps.now ?? Date.now;
  const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  const locks = deps.locks === undefined ? defaultLocks() : deps.locks;
  const updateOpen = (fn: (set: OpenSet) => OpenSet) => state.update((s) => (s.open ? { ...s, open: fn(s.open) } : s));
  const isRunning = () => {
    const status = state.get().open?.status;
    return status === 'running' || status === 'stopping';
  };
  const refresh = async () => {
    try {
      const kept = await (await deps.archive.sets()).list();
      state.update((s) => ({ ...s, kept }));
    } catch {
      state.update((s) => ({ ...s, kept: s.kept ?? [] }));
    }
  };

  /** The stored record of the open set, as it stands. */
  const record = (set: OpenSet, ending: StoredSet['ending']): StoredSet => ({
    id: set.id!, name: set.name, prompts: set.prompts, createdAt: set.createdAt, updatedAt: now(),
    config: set.config!, models: set.models!, ending, refused: set.refused,
  });
  const saveRecord = async (ending: StoredSet['ending']) => {
    const set = state.get().open;
    if (!set?.id) return;
    try {
      await (await deps.archive.sets()).save(record(set, ending));
    } catch (error) {
      updateOpen((s) => ({ ...s, problem: `The set could not be kept in this browser (${message(error)}).` }));
    }
  };

  /** The form's settings for every prompt, checked against the loaded models; or what is wrong with them. */
  const settingsFor = (set: OpenSet): { config: RunConfig } | { problem: string } => {
    const loaded = deps.session.get().loaded!;
    const check = checkRunForm({ ...deps.form.get(), prompt: set.prompts[0] ?? '' }, {
      kvBytesPerToken: loaded.generator.kvBytesPerToken,
      scorers: loaded.scorers.length,
      ...(loaded.generator.maxPositions !== null && { maxPositions: loaded.generator.maxPositions }),
    });
    if (!check.ok) return { problem: `Fix the run settings first: ${[...Object.values(check.errors), ...check.other].join(' ')}` };
    return { config: { ...check.config, prompt: '' } };
  };

  /** Runs the pending prompts until none is left, Stop, or a failure. */
  const loop = async () => {
    const startedAt = clock();
    updateOpen((s) => ({ ...s, status: 'running', problem: null, stopAfterPrompt: false, pace: { prompts: 0, tokens: 0, ms: 0 } }));
    await saveRecord('running');
    for (;;) {
      const set = state.get().open!;
      const index = nextPending(set);
      if (index === null || set.status !== 'running' || set.stopAfterPrompt) break;
      updateOpen((s) => ({ ...s, current: index }));
      const result = await deps.runPrompt({ ...set.config!, prompt: set.prompts[index]! });
      if (result.kind === 'done') {
        try {
          const outcome = promptOutcome(index, result.events);
          await (await deps.archive.sets()).keepPrompt(set.id!, result.events, outcome);
          const tokens = outcome.methods.reduce((sum, m) => sum + m.totals.decodedTokens, 0);
          updateOpen((s) => ({
            ...s,
            outcomes: s.outcomes.map((o, i) => (i === index ? outcome : o)),
            pace: { prompts: s.pace.prompts + 1, tokens: s.pace.tokens + tokens, ms: clock() - startedAt },
          }));
        } catch (error) {
          updateOpen((s) => ({ ...s, problem: `Prompt ${index + 1} could not be kept in this browser (${message(error)}); the set stopped.` }));
          break;
        }
      } else if (result.kind === 'failed' && result.error.code === 'invalid-config') {
        updateOpen((s) => ({ ...s, refused: { ...s.refused, [index]: result.error.message } }));
        await saveRecord('running');
      } else {
        const why = result.kind === 'failed' ? `Prompt ${index + 1} failed: ${result.error.message}` : result.kind === 'busy' ? 'Another run is in progress.' : null;
        if (why) updateOpen((s) => ({ ...s, problem: why }));
        break;
      }
    }
    const done = nextPending(state.get().open!) === null;
    updateOpen((s) => ({ ...s, status: done ? 'done' : 'stopped', current: null }));
    await saveRecord(done ? 'done' : 'stopped');
    await refresh();
  };

  return {
    state,
    start: () => void refresh(),
    running: isRunning,
    openFile(text, name) {
      if (isRunning()) return state.update((s) => ({ ...s, fileProblem: 'A prompt set is running: stop it before opening another.' }));
      const parsed = parsePromptFile(text, name);
      if (!parsed.ok) state.update((s) => ({ ...s, fileProblem: parsed.problem }));
      else state.update((s) => ({ ...s, fileProblem: null, open: newOpenSet(name, parsed.prompts, now()) }));
    },
    async openKept(id) {
      if (isRunning()) return;
      try {
        const store = await deps.archive.sets();
        const set = await store.get(id);
        if (!set) throw new Error('it is no longer kept');
        const open = keptOpenSet(set, await store.outcomes(id));
        state.update((s) => ({ ...s, open, fileProblem: null }));
      } catch (error) {
        state.update((s) => ({ ...s, fileProblem: `The set could not be opened (${message(error)}).` }));
      }
    },
    close() {
      if (!isRunning()) state.update((s) => ({ ...s, open: null }));
    },
    async remove(id) {
      if (isRunning() && state.get().open?.id === id) return;
      try {
        await (await deps.archive.sets()).remove(id);
        state.update((s) => (s.open?.id === id ? { ...s, open: null } : s));
      } catch (error) {
        state.update((s) => ({ ...s, fileProblem: `The set could not be deleted (${message(error)}).` }));
      }
      await refresh();
    },
    async run() {
      const set = state.get().open;
      const loaded = deps.session.get().loaded;
      if (!set || isRunning() || !loaded || deps.session.get().phase !== 'ready') return;
      const models = { generator: loaded.generator.id, scorers: loaded.scorers.map((s) => s.id) };
      const mismatch = modelsMismatch(set, models);
      if (mismatch) return updateOpen((s) => ({ ...s, problem: mismatch }));
      if (set.config === null) {
        const settings = settingsFor(set);
        if ('problem' in settings) return updateOpen((s) => ({ ...s, problem: settings.problem }));
        updateOpen((s) => ({ ...s, id: newSetId(), config: settings.config, models }));
      }
      const id = state.get().open!.id!;
      if (!locks) return loop();
      const ran = await locks.request(lockName(id), { ifAvailable: true }, async (lock) => {
        if (!lock) return false;
        await loop();
        return true;
      });
      if (!ran) updateOpen((s) => ({ ...s, problem: 'This set is running in another tab of this browser.' }));
    },
    stop() {
      if (state.get().open?.status !== 'running') return;
      updateOpen((s) => ({ ...s, status: 'stopping' }));
      deps.stop();
    },
    stopAfterPrompt() {
      if (state.get().open?.status === 'running') updateOpen((s) => ({ ...s, stopAfterPrompt: true }));
    },
    async openPrompt(index) {
      const set = state.get().open;
      if (!set?.id || !set.outcomes[index]) return 'This prompt has not finished yet.';
      const events = await deps.archive.runEvents(setRunId(set.id, index));
      if (!events) return 'This prompt\'s run is no longer kept in this browser.';
      if (deps.session.get().loaded) {
        // Read from storage: checked as a run file is (opening without models goes through that check).
        const checked = checkRunEvents(events);
        if (!checked.ok) return `This prompt's kept run could not be read: ${checked.problem}`;
        return deps.showRun(checked.events) ? null : 'A run is in progress: the lanes show it until it ends.';
      }
      return deps.openRun(runFileText(events), `${set.name}, prompt ${index + 1}`);
    },
    exportFiles(request) {
      const set = state.get().open;
      if (!set) return null;
      const outcomes = set.outcomes.filter((o) => o !== null);
      const files = exportPromptSet(outcomes, { name: set.name, prompts: set.prompts.length }, request);
      const name = exportFileName(set.name, request.format);
      return { data: { name, text: files.data }, meta: { name: sidecarName(name), text: files.meta }, lines: files.lines };
    },
  };
}
