// Titles and default advice per error code, for errors that arrive without a hint of their own.
import type { EngineErrorCode } from '../../core/errors.ts';

export const ERROR_TITLES: Readonly<Record<EngineErrorCode, string>> = {
  'invalid-config': 'Check the settings',
  'model-not-found': 'Model not found',
  'not-onnx': 'Not an ONNX model',
  'unsupported-model': 'Model not supported',
  'download-failed': 'Download failed',
  'out-of-memory': 'Out of memory',
  'device-lost': 'The GPU device was lost',
  'webgpu-unavailable': 'WebGPU is not available',
  aborted: 'Stopped',
  internal: 'Something went wrong',
};

export const DEFAULT_HINTS: Readonly<Record<EngineErrorCode, string>> = {
  'invalid-config': 'Fix the setting named above and try again.',
  'model-not-found': 'Check the model id (owner/name) or pick the folder that holds config.json.',
  'not-onnx': 'Pick a model with an ONNX export (files under onnx/), e.g. one from onnx-community.',
  'unsupported-model': 'Pick a model whose architecture transformers.js supports for this task.',
  'download-failed': 'Check the network and try again. Models downloaded before load from the browser cache without network.',
  'out-of-memory': 'Try a smaller model, WASM instead of WebGPU, fewer candidates or a smaller KV budget.',
  'device-lost': 'The engine has been restarted. Load again, with a smaller KV budget or on WASM.',
  'webgpu-unavailable': 'Choose WASM (CPU) under "Where the models run".',
  aborted: '',
  internal: 'Press Reset to restart the engine; the browser console has details.',
};
