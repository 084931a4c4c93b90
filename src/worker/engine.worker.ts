/// <reference types="vite/client" />
// The engine's module worker: models and engine run here, off the UI thread, behind comlink.
// onnxruntime's WebAssembly is served by this app (bundled by Vite), never fetched from a CDN.
import * as Comlink from 'comlink';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import { configureWasmRuntime, type ModelSource } from '../models/index.ts';
import { announceAlive } from './alive-lock.ts';
import type { ModelSourceSpec } from './api.ts';
import { EngineService } from './engine-service.ts';

// Threads need a cross-origin isolated page (COOP/COEP, set in vite.config.ts); leave a core for the page.
const threads = self.crossOriginIsolated ? Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)) : 1;
configureWasmRuntime({ wasmPaths: { wasm: ortWasmUrl, mjs: ortMjsUrl }, numThreads: threads });

/** Built-in models are folders this app serves under <base>/models/. */
const builtinBase = new URL(`${import.meta.env.BASE_URL}models/`, self.location.origin).pathname;

function toModelSource(spec: ModelSourceSpec): ModelSource {
  switch (spec.kind) {
    case 'hub':
      return { kind: 'hub', id: spec.id };
    case 'builtin':
      return { kind: 'url', baseUrl: builtinBase, id: spec.id };
    case 'files':
      return { kind: 'files', name: spec.name, files: spec.files };
  }
}

/** TEST ONLY: an end-to-end test sets this in the worker (Playwright's worker.evaluate) to see the WebGPU mismatch warning. */
const testOnlyPerturbation = () => (self as { testOnlyPerturbWebGpuNumbers?: number }).testOnlyPerturbWebGpuNumbers;

Comlink.expose(new EngineService({ toModelSource, threads, crossOriginIsolated: self.crossOriginIsolated, testOnlyPerturbation }));
// Only now is the worker able to answer: until this message the page holds its calls back.
announceAlive((message) => self.postMessage(message));
