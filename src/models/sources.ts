// Where a model's files come from, and how transformers.js is pointed at them. transformers.js reads
// its settings from one global `env`, so every load runs inside `withModelSource`: one load at a time,
// env set for that source's kind, and every setting put back afterwards, so a hub load after a picked
// folder (or the reverse) never sees the other's settings.
import { env } from '@huggingface/transformers';
import { servedFilesCache, SENTINEL_ROOT, type ServedFiles } from './servedFiles.ts';

export type ModelSource =
  /** A Hugging Face Hub model id, downloaded (and cached) by transformers.js. */
  | { readonly kind: 'hub'; readonly id: string }
  /** A folder on disk (Node only). */
  | { readonly kind: 'path'; readonly path: string }
  /** A folder served over HTTP: `${baseUrl}${id}/config.json`, e.g. the app's built-in '/models/' + 'tiny-llama'. */
  | { readonly kind: 'url'; readonly baseUrl: string; readonly id: string }
  /** A folder the user picked in the browser; keys are relative paths like 'onnx/model.onnx'. */
  | { readonly kind: 'files'; readonly name: string; readonly files: ReadonlyMap<string, Blob> };

/** What a load sees while its source is active. */
export interface SourceScope {
  /** The name to pass to transformers.js's from_pretrained. */
  readonly modelId: string;
  /** Short name for the UI and for progress events. */
  readonly label: string;
  /** Network failures met while serving files (transformers.js swallows them and reports "not found"). */
  readonly fetchFailures: readonly unknown[];
}

export function sourceLabel(source: ModelSource): string {
  switch (source.kind) {
    case 'hub':
      return source.id;
    case 'path':
      return source.path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || source.path;
    case 'url':
      return source.id;
    case 'files':
      return source.name;
  }
}

type EnvSettings = Pick<
  typeof env,
  'allowLocalModels' | 'allowRemoteModels' | 'localModelPath' | 'useCustomCache' | 'customCache' | 'fetch'
>;

function saveEnv(): EnvSettings {
  const { allowLocalModels, allowRemoteModels, localModelPath, useCustomCache, customCache, fetch } = env;
  return { allowLocalModels, allowRemoteModels, localModelPath, useCustomCache, customCache, fetch };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `load` with transformers.js pointed at `source`. Loads are serialised (env is global): do not
 * call withModelSource from inside `load`.
 */
export function withModelSource<T>(source: ModelSource, load: (scope: SourceScope) => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    const saved = saveEnv();
    const fetchFailures: unknown[] = [];
    try {
      const modelId = applySource(source, saved.fetch, fetchFailures);
      return await load({ modelId, label: sourceLabel(source), fetchFailures });
    } finally {
      Object.assign(env, saved);
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** Sets env for one source kind; returns the model id transformers.js should load. */
function applySource(source: ModelSource, originalFetch: EnvSettings['fetch'], failures: unknown[]): string {
  env.useCustomCache = false;
  env.customCache = null;
  switch (source.kind) {
    case 'hub':
      env.allowLocalModels = false;
      env.allowRemoteModels = true;
      return source.id;
    case 'path':
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      return asLocalPath(source.path);
    case 'url':
    case 'files': {
      const served: ServedFiles = servedFilesCache(source, originalFetch, failures);
      // Files come from our cache; anything it lacks must read as "not found", never reach a server
      // (a dev server answers unknown paths with index.html) or the Hub.
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      env.localModelPath = SENTINEL_ROOT;
      env.useCustomCache = true;
      env.customCache = served.cache;
      env.fetch = (input, init) =>
        String(input).includes(SENTINEL_ROOT) ? Promise.resolve(new Response(null, { status: 404 })) : originalFetch(input, init);
      return served.modelId;
    }
  }
}

/**
 * transformers.js treats anything shaped like 'org/name' as a Hub id and looks for it under
 * env.localModelPath; a path that starts with '/' or './' is read as given.
 */
function asLocalPath(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  if (/^([/\\]|\.{1,2}[/\\]|[A-Za-z]:[/\\])/.test(trimmed)) return trimmed;
  return `./${trimmed}`;
}
