// Errors that cross the worker boundary as plain data: comlink drops classes, so callers switch on `code`.

export type EngineErrorCode =
  | 'invalid-config' // a run setting is out of range; `field` says which
  | 'model-not-found' // no such model id, or the folder has no config.json / ONNX file
  | 'not-onnx' // the model exists but has no ONNX export transformers.js can load
  | 'unsupported-model' // an architecture or task transformers.js cannot run as asked
  | 'download-failed' // network error while fetching model files
  | 'out-of-memory' // the model (or the batch) does not fit in device memory
  | 'device-lost' // the GPU device was lost (often out of memory); reload to recover
  | 'webgpu-unavailable' // asked for WebGPU where there is none
  | 'aborted' // the user stopped it
  | 'internal'; // a bug: anything else

export interface EngineErrorData {
  readonly code: EngineErrorCode;
  readonly message: string;
  /** What the user can do about it. */
  readonly hint?: string;
  /** For invalid-config: the setting at fault. */
  readonly field?: string;
}

export class EngineError extends Error implements EngineErrorData {
  readonly code: EngineErrorCode;
  readonly hint?: string;
  readonly field?: string;
  constructor(data: EngineErrorData, options?: { cause?: unknown }) {
    super(data.message, options);
    this.name = 'EngineError';
    this.code = data.code;
    if (data.hint !== undefined) this.hint = data.hint;
    if (data.field !== undefined) this.field = data.field;
  }
}

/** Plain data for postMessage; anything that is not an EngineError becomes `internal`. */
export function toErrorData(error: unknown): EngineErrorData {
  if (isEngineErrorData(error)) {
    const { code, message, hint, field } = error;
    return { code, message, ...(hint !== undefined && { hint }), ...(field !== undefined && { field }) };
  }
  if (error instanceof Error && error.name === 'AbortError') return { code: 'aborted', message: 'Stopped.' };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function isEngineErrorData(value: unknown): value is EngineErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
