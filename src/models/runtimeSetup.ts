// onnxruntime-web fetches its WebAssembly from a CDN unless told otherwise; the app works offline,
// so the worker hands us the URLs of the copies it bundles (Vite `?url` imports of
// onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.{wasm,mjs}, the build transformers.js uses).
import { env } from '@huggingface/transformers';

export interface WasmRuntimeOptions {
  /** A folder URL holding the ORT wasm files, or the two files themselves. */
  readonly wasmPaths?: string | { readonly wasm: string; readonly mjs: string };
  /** Threads for the WASM backend (needs a cross-origin isolated page to be > 1). */
  readonly numThreads?: number;
}

/** Call once, before the first load. A no-op in Node (onnxruntime-node needs neither). */
export function configureWasmRuntime(options: WasmRuntimeOptions): void {
  const wasm = (env.backends.onnx as { wasm?: { wasmPaths?: unknown; numThreads?: number } }).wasm;
  if (wasm === undefined) return;
  if (options.wasmPaths !== undefined) {
    wasm.wasmPaths = typeof options.wasmPaths === 'string' ? options.wasmPaths : { ...options.wasmPaths };
  }
  if (options.numThreads !== undefined) wasm.numThreads = options.numThreads;
}
