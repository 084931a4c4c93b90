// Download and warm-up progress as the worker reports it, folded into per-file bars and one total.
import type { LoadStage, LoadUpdate } from '../../worker/api.ts';

export interface FileBar {
  readonly key: string;
  readonly model: string;
  readonly file: string;
  readonly loaded: number;
  /** 0 while the size is unknown. */
  readonly total: number;
  readonly done: boolean;
}

export interface LoadProgress {
  readonly files: readonly FileBar[];
  readonly stage: LoadStage | null;
  /** The status line: what is happening now, in words. */
  readonly message: string;
  readonly loadedBytes: number;
  readonly totalBytes: number;
  /** 0..1 over files whose size is known; 1 only once every file is done. */
  readonly fraction: number;
}

export const emptyLoadProgress: LoadProgress = { files: [], stage: null, message: '', loadedBytes: 0, totalBytes: 0, fraction: 0 };

export function applyLoadUpdates(state: LoadProgress, updates: readonly LoadUpdate[]): LoadProgress {
  if (updates.length === 0) return state;
  const files = new Map(state.files.map((f) => [f.key, f]));
  let { stage, message } = state;
  for (const u of updates) {
    if (u.type === 'stage') {
      stage = u.stage;
      message = u.message;
      continue;
    }
    const key = `${u.model}/${u.file}`;
    const before = files.get(key);
    const total = Math.max(u.total, before?.total ?? 0);
    // A done file counts as fully loaded even if its last progress report came earlier.
    const loaded = u.done ? Math.max(total, u.loaded) : Math.max(u.loaded, before?.loaded ?? 0);
    files.set(key, { key, model: u.model, file: u.file, loaded, total: Math.max(total, u.done ? loaded : 0), done: u.done || (before?.done ?? false) });
  }
  const list = [...files.values()];
  const loadedBytes = list.reduce((sum, f) => sum + f.loaded, 0);
  const totalBytes = list.reduce((sum, f) => sum + f.total, 0);
  const allDone = list.length > 0 && list.every((f) => f.done);
  // Until every file is done the bar stops short of full: a file of unknown size may still be coming.
  const fraction = allDone ? 1 : totalBytes > 0 ? Math.min(0.99, loadedBytes / totalBytes) : 0;
  return { files: list, stage, message, loadedBytes, totalBytes, fraction };
}

export interface ModelProgress {
  readonly model: string;
  readonly files: readonly FileBar[];
  readonly loaded: number;
  readonly total: number;
  readonly done: boolean;
}

/** Files grouped by the model they belong to, in the order models first reported, with a subtotal each. */
export function byModel(progress: LoadProgress): ModelProgress[] {
  const groups = new Map<string, FileBar[]>();
  for (const f of progress.files) groups.set(f.model, [...(groups.get(f.model) ?? []), f]);
  return [...groups.entries()].map(([model, files]) => ({
    model,
    files,
    loaded: files.reduce((sum, f) => sum + f.loaded, 0),
    total: files.reduce((sum, f) => sum + f.total, 0),
    done: files.every((f) => f.done),
  }));
}
