// transformers.js reports loading per file (initiate, download, progress, done) and, from
// from_pretrained, an aggregate `progress_total` that only covers the model's own files. A load of ours
// also fetches tokenizer files (and, for the implicit reward, a second model), so we keep our own
// per-file table and report one running total over everything this load touched.

export interface LoadProgress {
  /** Which model of the load (its display label): a load may involve two models. */
  readonly model: string;
  /** Path inside the model folder, e.g. 'onnx/model.onnx'. */
  readonly file: string;
  readonly status: 'initiate' | 'download' | 'progress' | 'done';
  /** Bytes of this file read so far and its size (0 while unknown). */
  readonly loaded: number;
  readonly total: number;
  /** Over every file of this load seen so far (sizes announced by `progress_total` included). */
  readonly totalLoaded: number;
  readonly totalBytes: number;
}

export type LoadProgressCallback = (progress: LoadProgress) => void;

/** The payloads transformers.js passes to `progress_callback`, read defensively (its ProgressInfo union). */
interface RawProgress {
  readonly status?: unknown;
  readonly name?: unknown;
  readonly file?: unknown;
  readonly loaded?: unknown;
  readonly total?: unknown;
  readonly files?: Readonly<Record<string, { readonly loaded?: unknown; readonly total?: unknown }>>;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

interface FileState {
  loaded: number;
  total: number;
}

/**
 * A transformers.js `progress_callback` that turns raw events into `LoadProgress` for `onProgress`.
 * `labelOf` maps transformers.js's model name (the id or path it was given) to the label we show.
 */
export function createProgressTracker(
  onProgress: LoadProgressCallback | undefined,
  labelOf: (name: string) => string,
): (raw: unknown) => void {
  const files = new Map<string, FileState>();
  const stateOf = (key: string): FileState => {
    let state = files.get(key);
    if (state === undefined) {
      state = { loaded: 0, total: 0 };
      files.set(key, state);
    }
    return state;
  };
  const sum = (pick: (s: FileState) => number): number => {
    let total = 0;
    for (const s of files.values()) total += pick(s);
    return total;
  };

  return (raw: unknown) => {
    if (onProgress === undefined || typeof raw !== 'object' || raw === null) return;
    const event = raw as RawProgress;
    const name = typeof event.name === 'string' ? event.name : '';
    if (event.status === 'progress_total') {
      // Announces sizes of files not started yet, so the total is right from the start.
      for (const [file, entry] of Object.entries(event.files ?? {})) {
        const state = stateOf(`${name}\n${file}`);
        state.total = Math.max(state.total, num(entry.total));
        state.loaded = Math.max(state.loaded, Math.min(num(entry.loaded), state.total));
      }
      return;
    }
    if (typeof event.file !== 'string') return;
    const status = event.status;
    if (status !== 'initiate' && status !== 'download' && status !== 'progress' && status !== 'done') return;
    const state = stateOf(`${name}\n${event.file}`);
    if (status === 'progress') {
      state.total = Math.max(state.total, num(event.total), num(event.loaded));
      state.loaded = Math.max(state.loaded, num(event.loaded));
    }
    if (status === 'done') state.loaded = state.total;
    onProgress({
      model: labelOf(name),
      file: event.file,
      status,
      loaded: state.loaded,
      total: state.total,
      totalLoaded: sum((s) => s.loaded),
      totalBytes: sum((s) => s.total),
    });
  };
}
