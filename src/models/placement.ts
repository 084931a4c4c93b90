// Where a model runs and in which precision: a pure function of what the machine offers, so it can be
// table-tested and shown to the user ("WebGPU, fp16" / "WASM, q8 — no WebGPU adapter").

export type Device = 'webgpu' | 'wasm' | 'cpu';

/** Precisions transformers.js can load (each one an `onnx/model{suffix}.onnx` file). */
export type ModelDtype = 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16';

export interface WebGpuCapabilities {
  /** The adapter supports `shader-f16` (fp16 models need it). */
  readonly shaderF16: boolean;
  /** A software adapter (e.g. SwiftShader): correct but far slower than WASM. */
  readonly isFallbackAdapter: boolean;
  readonly maxBufferSize: number;
}

export interface Capabilities {
  readonly runtime: 'node' | 'browser';
  readonly webgpu: WebGpuCapabilities | null;
}

export interface Placement {
  readonly device: Device;
  readonly dtype: ModelDtype;
  /** What to try, in order, when the model does not ship `dtype` (tiny test models ship only fp32). */
  readonly fallbackDtypes: readonly ModelDtype[];
  /** Why this placement, for the UI. */
  readonly reason: string;
}

export interface PlacementRequest {
  /** Force a device (e.g. WebGPU on a software adapter, for a correctness test). Ignored when unavailable. */
  readonly device?: Device;
  /** Largest single buffer the model needs on the GPU (weights or KV cache per layer), if known. */
  readonly largestBufferBytes?: number;
}

/** Every dtype a device can run, best first: the fallbacks after the preferred one. */
const FALLBACK_ORDER: Readonly<Record<Device, readonly ModelDtype[]>> = {
  webgpu: ['fp16', 'q4f16', 'fp32', 'q4', 'q8'],
  wasm: ['q8', 'fp32', 'q4', 'fp16'],
  cpu: ['fp32', 'q8', 'q4', 'fp16'],
};

const F16_DTYPES: ReadonlySet<ModelDtype> = new Set(['fp16', 'q4f16']);

function placed(device: Device, dtype: ModelDtype, shaderF16: boolean, reason: string): Placement {
  const usable = FALLBACK_ORDER[device].filter((d) => device !== 'webgpu' || shaderF16 || !F16_DTYPES.has(d));
  return { device, dtype, fallbackDtypes: usable.filter((d) => d !== dtype), reason };
}

export function choosePlacement(caps: Capabilities, request: PlacementRequest = {}): Placement {
  if (caps.runtime === 'node') {
    return placed('cpu', 'fp32', false, 'Node: onnxruntime CPU, fp32');
  }
  const gpu = caps.webgpu;
  const wasm = (reason: string): Placement => placed('wasm', 'q8', false, reason);
  if (request.device === 'wasm' || request.device === 'cpu') return wasm('WASM (asked for)');
  if (gpu === null) return wasm('WASM: no WebGPU adapter');
  const forced = request.device === 'webgpu';
  if (!forced && gpu.isFallbackAdapter) return wasm('WASM: the WebGPU adapter is a software fallback, slower than WASM');
  if (request.largestBufferBytes !== undefined && request.largestBufferBytes > gpu.maxBufferSize) {
    return wasm('WASM: the model needs a larger buffer than this GPU allows');
  }
  return gpu.shaderF16
    ? placed('webgpu', 'fp16', true, 'WebGPU with shader-f16: fp16')
    : placed('webgpu', 'fp32', false, 'WebGPU without shader-f16: fp32');
}

/** File-name suffix transformers.js appends for each precision (`onnx/model{suffix}.onnx`). */
export const DTYPE_FILE_SUFFIX: Readonly<Record<ModelDtype, string>> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  q4: '_q4',
  q4f16: '_q4f16',
};
