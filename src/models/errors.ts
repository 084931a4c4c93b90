// Turning what transformers.js and onnxruntime throw into EngineErrors the UI can act on. Their
// errors are plain Errors with free-text messages, so this reads names, statuses and messages.
import { deviceLoss } from './deviceLoss.ts';
import { EngineError, isEngineErrorData } from '../core/errors.ts';

export interface LoadContext {
  /** The model as the user named it (id, folder). */
  readonly label: string;
  /** Network failures seen while serving files; transformers.js reports them as "not found". */
  readonly fetchFailures?: readonly unknown[];
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

const OOM = /out of memory|bad_alloc|failed to allocate|allocation fail|array buffer allocation|cannot allocate|memory access out of bounds|OrtMalloc|not enough memory/i;
const DEVICE_LOST = /device (was |is )?lost|devicelost|GPUDevice.*lost|device.*destroyed/i;
const NETWORK = /failed to fetch|fetch failed|networkerror|network error|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|load failed/i;
const NOT_FOUND = /could not locate file|file was not found|local file missing|no such file|ENOENT|\b(401|404)\b|unauthorized access/i;

/** The file a "not found" message names, if any. */
function missingFile(message: string): string | null {
  const match = /["'`]([^"'`]*?([^"'`/\\]+\.(?:onnx|json|onnx_data)))["'`]/i.exec(message);
  return match?.[2] ?? null;
}

/** Map a load failure to an EngineError with a hint. EngineErrors pass through unchanged. */
export function toLoadError(error: unknown, context: LoadContext): EngineError {
  if (error instanceof EngineError) return error;
  if (isEngineErrorData(error)) return new EngineError(error, { cause: error });
  const message = messageOf(error);
  const name = `"${context.label}"`;
  const make = (code: EngineError['code'], text: string, hint: string) =>
    new EngineError({ code, message: text, hint }, { cause: error });

  if (DEVICE_LOST.test(message)) {
    return make('device-lost', `The GPU device was lost while loading ${name}.`, 'Often out of memory: reload the page, then try a smaller model or WASM.');
  }
  if (OOM.test(message)) {
    return make('out-of-memory', `${name} does not fit in memory: ${message}`, 'Try a smaller model, a quantised dtype (q8/q4) or a smaller batch.');
  }
  if (/unsupported model type|unknown model class|not implemented for this type/i.test(message)) {
    return make('unsupported-model', `transformers.js cannot run ${name} as asked: ${message}`, 'Pick a model whose architecture transformers.js supports for this task.');
  }
  if (/does not support fp16/i.test(message)) {
    return make('unsupported-model', `${name}: ${message}`, 'This GPU lacks shader-f16: load the fp32 or a quantised variant.');
  }
  const networkFailure = (context.fetchFailures?.length ?? 0) > 0 || NETWORK.test(message) || (error instanceof TypeError && /fetch/i.test(message));
  if (networkFailure && !(NOT_FOUND.test(message) && (context.fetchFailures?.length ?? 0) === 0)) {
    const detail = context.fetchFailures?.[0] === undefined ? message : messageOf(context.fetchFailures[0]);
    return make('download-failed', `Could not download ${name}: ${detail}`, 'Check the network connection (and that the server is up), then retry.');
  }
  const isNotFound = (error instanceof Error && error.name === 'ModelFileNotFoundError') || NOT_FOUND.test(message);
  if (isNotFound) {
    const file = missingFile(message);
    if (file !== null && /\.onnx(_data)?$/i.test(file)) {
      return make('not-onnx', `${name} has no ONNX weights transformers.js can load (${file} is missing).`, 'Use an ONNX export (e.g. an onnx-community/… model) with files under onnx/.');
    }
    if (file === null || file === 'config.json') {
      return make('model-not-found', `No model ${name}: config.json not found.`, 'Check the model id or folder (it must contain config.json).');
    }
    return make('model-not-found', `${name} is missing ${file}.`, 'The folder looks incomplete: it needs config.json, tokenizer files and onnx/.');
  }
  return make('internal', `Loading ${name} failed: ${message}`, 'This looks like a bug; the console has details.');
}

/** Map a failure while running a model (prefill, decode, scoring); an AbortError passes through. */
export function toRunError(error: unknown, label: string): Error {
  if (error instanceof EngineError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  if (isEngineErrorData(error)) return new EngineError(error, { cause: error });
  const message = messageOf(error);
  const loss = deviceLoss();
  if (loss) {
    return new EngineError({ code: 'device-lost', message: `The GPU device was lost (${loss.message}) while running "${label}".`, hint: 'Likely out of memory: reset, then use a smaller KV budget or WASM.' }, { cause: error });
  }
  if (DEVICE_LOST.test(message)) {
    return new EngineError({ code: 'device-lost', message: `The GPU device was lost while running "${label}".`, hint: 'Likely out of memory: reload, then use a smaller KV budget or WASM.' }, { cause: error });
  }
  if (OOM.test(message)) {
    return new EngineError({ code: 'out-of-memory', message: `"${label}" ran out of memory: ${message}`, hint: 'Lower the KV budget or the number of candidates.' }, { cause: error });
  }
  return new EngineError({ code: 'internal', message: `Running "${label}" failed: ${message}` }, { cause: error });
}
