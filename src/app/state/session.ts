// What the app is doing (probing, loading, running...) as one pure reducer, so that every screen
// state, error included, is reachable and testable without a worker.
import type { EngineErrorData } from '../../core/errors.ts';
import type { CapabilityReport, LoadedModels, LoadUpdate, RunSummary } from '../../worker/api.ts';
import type { CatalogEntry } from '../models/catalog.ts';
import { applyLoadUpdates, emptyLoadProgress, type LoadProgress } from './load-progress.ts';

export type Phase = 'choose' | 'loading' | 'ready' | 'running' | 'stopping';

/** Where an error came from; 'engine': no worker could be started at all (offline, the server gone). */
export type ErrorContext = 'capabilities' | 'catalog' | 'load' | 'run' | 'worker' | 'engine';

export interface ShownError {
  readonly context: ErrorContext;
  readonly error: EngineErrorData;
}

/** A run opened from a file, shown without models. */
export interface RecordedRun {
  /** The file's name. */
  readonly name: string;
  readonly savedAt: string | null;
}

export interface SessionState {
  readonly phase: Phase;
  readonly capabilities: CapabilityReport | null;
  /** null until /models/index.json was read (or failed: then empty, with an error shown). */
  readonly catalog: readonly CatalogEntry[] | null;
  readonly load: LoadProgress;
  readonly loaded: LoadedModels | null;
  readonly error: ShownError | null;
  readonly lastRun: RunSummary | null;
  /** A saved run being viewed (no models needed); null otherwise. */
  readonly recorded: RecordedRun | null;
}

export const initialSession: SessionState = {
  phase: 'choose', capabilities: null, catalog: null, load: emptyLoadProgress, loaded: null, error: null, lastRun: null,
  recorded: null,
};

export type SessionAction =
  | { readonly type: 'probed'; readonly report: CapabilityReport }
  | { readonly type: 'catalog'; readonly entries: readonly CatalogEntry[] }
  | { readonly type: 'load-start' }
  | { readonly type: 'load-updates'; readonly updates: readonly LoadUpdate[] }
  | { readonly type: 'loaded'; readonly models: LoadedModels }
  | { readonly type: 'failed'; readonly context: ErrorContext; readonly error: EngineErrorData }
  | { readonly type: 'run-start' }
  | { readonly type: 'stop' }
  | { readonly type: 'run-done'; readonly summary: RunSummary }
  /** The worker was replaced (Reset, or after a crash): whatever it had loaded is gone. */
  | { readonly type: 'worker-replaced' }
  | { readonly type: 'dismiss-error' }
  | { readonly type: 'recorded-opened'; readonly run: RecordedRun }
  | { readonly type: 'recorded-closed' };

export function reduceSession(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'probed':
      return { ...state, capabilities: action.report };
    case 'catalog':
      return { ...state, catalog: action.entries };
    case 'load-start':
      return { ...state, phase: 'loading', load: emptyLoadProgress, loaded: null, error: null, recorded: null };
    case 'load-updates':
      return state.phase === 'loading' ? { ...state, load: applyLoadUpdates(state.load, action.updates) } : state;
    case 'loaded':
      return { ...state, phase: 'ready', loaded: action.models, error: null };
    case 'failed':
      return { ...state, phase: afterFailure(state, action.context), error: { context: action.context, error: action.error } };
    case 'run-start':
      return state.phase === 'ready' ? { ...state, phase: 'running', error: null, lastRun: null } : state;
    case 'stop':
      return state.phase === 'running' ? { ...state, phase: 'stopping' } : state;
    case 'run-done':
      return state.phase === 'running' || state.phase === 'stopping' ? { ...state, phase: 'ready', lastRun: action.summary } : state;
    case 'worker-replaced':
      return { ...state, phase: 'choose', loaded: null, load: emptyLoadProgress };
    case 'dismiss-error':
      return { ...state, error: null };
    case 'recorded-opened':
      // Only from the start screen: with models loaded, the workspace belongs to them.
      return state.phase === 'choose' ? { ...state, recorded: action.run, lastRun: null, error: null } : state;
    case 'recorded-closed':
      return { ...state, recorded: null };
  }
}

function afterFailure(state: SessionState, context: ErrorContext): Phase {
  if (context === 'load') return 'choose';
  if (context === 'run') return state.loaded ? 'ready' : 'choose';
  if (context === 'worker' || context === 'engine') return 'choose';
  return state.phase;
}
