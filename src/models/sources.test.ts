// Every kind of model source loads the same tiny model (real transformers.js + onnxruntime-node):
// a folder on disk, a picked folder (Blobs), a folder over HTTP (a local server that, like a dev
// server, answers unknown paths with index.html), and the Hub layout (a local server standing in
// for huggingface.co). Each load leaves transformers.js's env as it found it.
import { env } from '@huggingface/transformers';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTinyModels } from '../testing/tiny-models.ts';
import { loadGenerator } from './causalLm.ts';
import type { LoadProgress } from './progress.ts';
import type { ModelSource } from './sources.ts';

const cpu = { device: 'cpu', dtype: 'fp32' } as const;
let folder: string;
let files: Map<string, Uint8Array>;
let server: Server;
let origin: string;
const requested: string[] = [];

async function readFolder(root: string): Promise<Map<string, Uint8Array>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const out = new Map<string, Uint8Array>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    out.set(relative(root, path).split(sep).join('/'), await readFile(path));
  }
  return out;
}

/** Serves the model at /models/tiny/<file> (without generation_config.json) and /hub/org/tiny/resolve/main/<file>. */
function serve(request: string): { status: number; type: string; body: Uint8Array | string } {
  requested.push(request);
  const built = /^\/models\/tiny\/(.+)$/.exec(request)?.[1];
  if (built !== undefined && built !== 'generation_config.json' && files.has(built)) {
    return { status: 200, type: 'application/octet-stream', body: files.get(built) as Uint8Array };
  }
  const hub = /^\/hub\/org\/tiny\/resolve\/main\/(.+)$/.exec(request)?.[1];
  if (hub !== undefined) {
    const body = files.get(hub);
    return body ? { status: 200, type: 'application/octet-stream', body } : { status: 404, type: 'text/plain', body: 'no' };
  }
  if (request.startsWith('/hub/')) return { status: 404, type: 'text/plain', body: 'no' };
  // Single-page-app fallback, as Vite's dev server does.
  return { status: 200, type: 'text/html', body: '<!doctype html><title>app</title>' };
}

beforeAll(async () => {
  folder = (await ensureTinyModels()).llama;
  files = await readFolder(folder);
  server = createServer((req, res) => {
    const { status, type, body } = serve(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

const envSnapshot = () => ({
  allowLocalModels: env.allowLocalModels,
  allowRemoteModels: env.allowRemoteModels,
  localModelPath: env.localModelPath,
  useCustomCache: env.useCustomCache,
  customCache: env.customCache,
  fetch: env.fetch,
});

/** Greedy first tokens and the first logits of a fixed prompt: equal across sources of the same model. */
async function fingerprint(source: ModelSource, onProgress?: (p: LoadProgress) => void) {
  const before = envSnapshot();
  const generator = await loadGenerator(source, { ...cpu, ...(onProgress && { onProgress }) });
  expect(envSnapshot()).toEqual(before);
  const batch = await generator.prefill([generator.encodePrompt('hello world')]);
  const logits = Array.from(batch.nextLogits.subarray(0, 16));
  await batch.dispose();
  await generator.dispose();
  return { logits, info: generator.info };
}

describe('model sources', () => {
  let expected: Awaited<ReturnType<typeof fingerprint>>;
  beforeAll(async () => {
    expected = await fingerprint({ kind: 'path', path: folder });
  });

  it('loads a picked folder from Blobs, with or without the folder name in the paths', async () => {
    const blobs = new Map([...files].map(([path, bytes]) => [path, new Blob([bytes as Uint8Array<ArrayBuffer>])]));
    expect(await fingerprint({ kind: 'files', name: 'picked', files: blobs })).toEqual({ ...expected, info: { ...expected.info, id: 'picked' } });
    const nested = new Map([...blobs].map(([path, blob]) => [`tiny-llama/${path}`, blob]));
    expect((await fingerprint({ kind: 'files', name: 'nested', files: nested })).logits).toEqual(expected.logits);
  });

  it('loads a folder served over HTTP, reading the index.html fallback as "file missing"', async () => {
    requested.length = 0;
    const result = await fingerprint({ kind: 'url', baseUrl: `${origin}/models/`, id: 'tiny' });
    expect(result.logits).toEqual(expected.logits);
    expect(result.info.stopTokenIds).toEqual(expected.info.stopTokenIds);
    expect(requested).toContain('/models/tiny/generation_config.json');
  });

  it('loads the Hub layout from env.remoteHost, caching to env.cacheDir', async () => {
    const saved = { remoteHost: env.remoteHost, cacheDir: env.cacheDir };
    const cacheDir = await mkdtemp(join(tmpdir(), 'models-hub-cache-'));
    Object.assign(env, { remoteHost: `${origin}/hub/`, cacheDir });
    try {
      expect((await fingerprint({ kind: 'hub', id: 'org/tiny' })).logits).toEqual(expected.logits);
      await expect(loadGenerator({ kind: 'hub', id: 'org/missing' }, cpu)).rejects.toMatchObject({ code: 'model-not-found' });
    } finally {
      Object.assign(env, saved);
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('reports an unreachable server as download-failed and leaves env as it was', async () => {
    const before = envSnapshot();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const source = { kind: 'url', baseUrl: `http://127.0.0.1:${port}/models/`, id: 'tiny' } as const;
    await expect(loadGenerator(source, cpu)).rejects.toMatchObject({ code: 'download-failed' });
    expect(envSnapshot()).toEqual(before);
  });

  it('reports per-file progress whose running total reaches every byte of the load', async () => {
    const events: LoadProgress[] = [];
    await fingerprint({ kind: 'path', path: folder }, (p) => events.push(p));
    const onnx = events.filter((e) => e.file === 'onnx/model.onnx').map((e) => e.status);
    expect(onnx[0]).toBe('initiate');
    expect(onnx.at(-1)).toBe('done');
    expect(onnx).toContain('progress');
    const last = events.at(-1) as LoadProgress;
    const folderBytes = [...files.values()].reduce((sum, b) => sum + b.length, 0);
    expect(last.totalBytes).toBe(folderBytes);
    expect(last.totalLoaded).toBe(last.totalBytes);
    for (let i = 1; i < events.length; i++) {
      expect((events[i] as LoadProgress).totalLoaded).toBeGreaterThanOrEqual((events[i - 1] as LoadProgress).totalLoaded);
    }
    expect(new Set(events.map((e) => e.model))).toEqual(new Set(['tiny-llama']));
  });
});
