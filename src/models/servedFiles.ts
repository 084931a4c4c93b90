// Serving a model folder to transformers.js through its custom-cache hook (env.customCache): every
// file it wants is looked up in the cache first, so a cache that answers from a picked folder (Blobs)
// or from an HTTP folder loads the model without the Hub and without env.localModelPath tricks. The
// same path works in Node (tests) and in a browser worker.
import type { ModelSource } from './sources.ts';

/** A path prefix no server and no disk has: transformers.js's local lookups under it must fail. */
export const SENTINEL_ROOT = '/__aligned-model-files__/';

type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** The subset of transformers.js's CacheInterface we implement. */
export interface ServedCache {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

export interface ServedFiles {
  /** A model id unique to this folder (transformers.js memoises configs by id). */
  readonly modelId: string;
  readonly cache: ServedCache;
}

type ServedSource = Extract<ModelSource, { kind: 'url' | 'files' }>;

let nextId = 1;
const idsByFiles = new WeakMap<ReadonlyMap<string, Blob>, string>();
const idsByUrl = new Map<string, string>();

function idFor(source: ServedSource, folderUrl: string | null): string {
  if (source.kind === 'files') {
    let id = idsByFiles.get(source.files);
    if (id === undefined) idsByFiles.set(source.files, (id = `served-${nextId++}`));
    return id;
  }
  let id = idsByUrl.get(folderUrl ?? '');
  if (id === undefined) idsByUrl.set(folderUrl ?? '', (id = `served-${nextId++}`));
  return id;
}

export function servedFilesCache(source: ServedSource, fetch: FetchLike, failures: unknown[]): ServedFiles {
  const folderUrl = source.kind === 'url' ? folderUrlOf(source.baseUrl, source.id) : null;
  const modelId = idFor(source, folderUrl);
  const open =
    source.kind === 'files' ? openPicked(withoutCommonRoot(source.files)) : openRemote(folderUrl ?? '', fetch, failures);
  const localPrefix = `${SENTINEL_ROOT}${modelId}/`;
  const remoteMarker = `/${modelId}/resolve/main/`;
  return {
    modelId,
    cache: {
      // transformers.js asks by its local path first, then by the Hub URL it would have used.
      async match(request: string) {
        if (request.startsWith(localPrefix)) return open(request.slice(localPrefix.length));
        const at = request.indexOf(remoteMarker);
        return at >= 0 ? open(request.slice(at + remoteMarker.length)) : undefined;
      },
      // Nothing to store: the files already live in their folder.
      async put() {},
    },
  };
}

function folderUrlOf(baseUrl: string, id: string): string {
  const location = (globalThis as { location?: { href?: string } }).location?.href;
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, location);
  return new URL(`${id.split('/').map(encodeURIComponent).join('/')}/`, base).href;
}

function openPicked(files: ReadonlyMap<string, Blob>): (file: string) => Promise<Response | undefined> {
  return async (file) => {
    const blob = files.get(file);
    if (blob === undefined) return undefined;
    const headers = { 'content-length': String(blob.size), 'content-type': contentTypeOf(file) };
    return new Response(blob, { headers });
  };
}

function openRemote(folderUrl: string, fetch: FetchLike, failures: unknown[]) {
  return async (file: string): Promise<Response | undefined> => {
    const url = new URL(file.split('/').map(encodeURIComponent).join('/'), folderUrl).href;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      failures.push(error);
      return undefined;
    }
    if (!response.ok) {
      if (![401, 403, 404].includes(response.status)) failures.push(new Error(`HTTP ${response.status} for ${url}`));
      return undefined;
    }
    // A single-page-app server answers a missing file with its index.html: that is "not found".
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/html') && !file.endsWith('.html')) return undefined;
    if (response.headers.has('content-length')) return response;
    // A compressing server sends no length; the size is what sizes the model (parameters for the
    // FLOPs estimate) and the download progress, so read the body and say it.
    const blob = await response.blob();
    return new Response(blob, { headers: { 'content-length': String(blob.size), 'content-type': type || contentTypeOf(file) } });
  };
}

/** A folder picked as a whole arrives as 'my-model/config.json': strip the common first segment. */
export function withoutCommonRoot(files: ReadonlyMap<string, Blob>): ReadonlyMap<string, Blob> {
  const keys = [...files.keys()].map((k) => k.replace(/^\.?\/+/, ''));
  if (keys.includes('config.json')) return new Map([...files].map(([k, v]) => [k.replace(/^\.?\/+/, ''), v]));
  const root = keys[0]?.split('/')[0];
  if (root === undefined || !keys.every((k) => k.startsWith(`${root}/`))) return files;
  return new Map([...files].map(([k, v]) => [k.replace(/^\.?\/+/, '').slice(root.length + 1), v]));
}

function contentTypeOf(file: string): string {
  return file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
}
