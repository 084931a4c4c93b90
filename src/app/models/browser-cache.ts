// Hub models that transformers.js has stored in this browser (Cache Storage, one entry per file under
// its hub URL): whether a model is there, how big, and removing it. The UI never imports
// transformers.js, so its cache name and URL layout are written out here.

/** transformers.js's `env.cacheKey`: the Cache Storage it puts downloads in. */
export const TRANSFORMERS_CACHE = 'transformers-cache';

const hubPrefix = (id: string) => `https://huggingface.co/${id}/resolve/main/`;
const WEIGHTS = /^onnx\/model(?:_(fp16|quantized|q4|q4f16))?\.onnx$/;
const DTYPE_OF: Readonly<Record<string, string>> = { '': 'fp32', fp16: 'fp16', quantized: 'q8', q4: 'q4', q4f16: 'q4f16' };

export interface CachedHubModel {
  readonly files: readonly string[];
  readonly bytes: number;
  /** Precisions whose weights are cached. */
  readonly dtypes: readonly string[];
}

async function openCache(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(TRANSFORMERS_CACHE);
  } catch {
    return null; // e.g. storage blocked: nothing is cached, as far as we can tell
  }
}

/** What of hub model `id` this browser holds; null when not even its config.json is there. */
export async function cachedHubModel(id: string): Promise<CachedHubModel | null> {
  const cache = await openCache();
  if (!cache) return null;
  const prefix = hubPrefix(id.trim());
  const requests = (await cache.keys()).filter((r) => r.url.startsWith(prefix));
  const files = requests.map((r) => decodeURIComponent(r.url.slice(prefix.length)));
  if (!files.includes('config.json')) return null;
  let bytes = 0;
  for (const request of requests) {
    const length = Number((await cache.match(request))?.headers.get('content-length') ?? 0);
    if (Number.isFinite(length)) bytes += length;
  }
  const dtypes = files.flatMap((f) => {
    const match = WEIGHTS.exec(f);
    return match ? [DTYPE_OF[match[1] ?? '']!] : [];
  });
  return { files, bytes, dtypes };
}

/** Removes every cached file of hub model `id`; returns how many there were. */
export async function forgetHubModel(id: string): Promise<number> {
  const cache = await openCache();
  if (!cache) return 0;
  const prefix = hubPrefix(id.trim());
  const requests = (await cache.keys()).filter((r) => r.url.startsWith(prefix));
  await Promise.all(requests.map((r) => cache.delete(r)));
  return requests.length;
}
