// The worker's API as the UI sees it: plain data only (it crosses postMessage through comlink).
// The UI imports this file as a type only; it deliberately restates what it needs of src/models
// instead of importing it, so that nothing on the UI side reaches transformers.js.
import type { RunConfig } from '../core/config.ts';
import type { EngineErrorData } from '../core/errors.ts';
import type { RunEvent } from '../core/events.ts';
import type { NumericCheck } from '../core/numericCheck.ts';

/** A call's result: comlink drops error classes, so failures come back as data, never thrown. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineErrorData };

/** Where a model's files come from. */
export type ModelSourceSpec =
  /** A Hugging Face hub id, downloaded (or read from the browser cache). */
  | { readonly kind: 'hub'; readonly id: string }
  /** A built-in model served by this app under /models/<id>/: no download from the hub. */
  | { readonly kind: 'builtin'; readonly id: string }
  /** A folder picked from disk: relative path (inside the folder) -> file. Works offline. */
  | { readonly kind: 'files'; readonly name: string; readonly files: ReadonlyMap<string, File> };

export type RewardSpec =
  /** The implicit DPO reward log pi(y|x) - log pi_ref(y|x): the generator is the policy, `reference` its base. */
  | { readonly kind: 'implicit-dpo'; readonly reference: ModelSourceSpec }
  /** A text-classification (sequence-classification) ONNX reward model, read as raw logits. */
  | { readonly kind: 'classifier'; readonly source: ModelSourceSpec };

export type DevicePreference = 'auto' | 'webgpu' | 'wasm';

export interface LoadRequest {
  readonly generator: ModelSourceSpec;
  /** One or more scorers; with several, the run combines them (config.combine). */
  readonly rewards: readonly RewardSpec[];
  readonly device: DevicePreference;
}

/** Progress as the worker reports it, in batches. */
export type LoadUpdate =
  | {
      readonly type: 'file';
      /** Which model the file belongs to (its display name). */
      readonly model: string;
      readonly file: string;
      readonly loaded: number;
      /** 0 when not known yet. */
      readonly total: number;
      readonly done: boolean;
    }
  | { readonly type: 'stage'; readonly stage: LoadStage; readonly message: string };

export type LoadStage = 'download' | 'compile' | 'warmup' | 'check' | 'ready';

export interface WebGpuReport {
  readonly vendor: string;
  readonly architecture: string;
  /** A software adapter (e.g. SwiftShader): works, but slowly. */
  readonly isFallbackAdapter: boolean;
  readonly shaderF16: boolean;
  readonly maxBufferSize: number;
  readonly maxStorageBufferBindingSize: number;
}

export interface CapabilityReport {
  /** null when the browser exposes no WebGPU adapter. */
  readonly webgpu: WebGpuReport | null;
  /** Why there is no adapter, when there is none. */
  readonly webgpuProblem: string | null;
  readonly crossOriginIsolated: boolean;
  readonly threads: number;
  /** Where `auto` would place the models, and with which weights' precision. */
  readonly placement: { readonly device: 'webgpu' | 'wasm'; readonly dtype: string; readonly reason: string };
  /** For each device choice: the device used and the precisions tried, best first (the first a model ships is loaded). */
  readonly placements: Readonly<Record<DevicePreference, { readonly device: 'webgpu' | 'wasm'; readonly dtypes: readonly string[] }>>;
}

export interface LoadedModels {
  readonly generator: {
    readonly id: string;
    readonly kvBytesPerToken: number;
    readonly maxPositions: number | null;
    readonly vocabSize: number;
  };
  /** In the order of the request's rewards (and of every run's `run-start.scorers`). */
  readonly scorers: readonly { readonly id: string; readonly label: string; readonly kind: RewardSpec['kind'] }[];
  readonly device: 'webgpu' | 'wasm';
  readonly dtype: string;
  readonly loadMs: number;
  readonly warmupMs: number;
  /** On WebGPU: the generator's logits (and a reward score) against a WASM copy's for the same short input. */
  readonly numericCheck?: NumericCheck;
  /** On WebGPU, why the numbers were not checked (a model too large to copy, a copy that failed to load, a stop). */
  readonly numericCheckSkipped?: string;
}

export interface RunSummary {
  readonly stopped: boolean;
  readonly events: number;
}

/**
 * The worker's first message, sent beside comlink (which ignores it): the worker is up, and holds the
 * Web Lock named `lock` until it is gone (null where the browser has no Web Locks).
 */
export interface EngineAliveMessage {
  readonly type: 'engine-alive';
  readonly lock: string | null;
}

export interface EngineWorkerApi {
  probe(): Promise<Outcome<CapabilityReport>>;
  /** Loads (replacing anything loaded before) and warms up with one token. */
  load(request: LoadRequest, onUpdates: (updates: LoadUpdate[]) => void): Promise<Outcome<LoadedModels>>;
  /** Tokens the loaded generator's prompt takes (its chat template included), for the budget hint and checks. */
  promptTokens(prompt: string): Promise<Outcome<number>>;
  /** Runs config.methods; events arrive in batches (every ~50 ms or at a decision), never one per token. */
  run(config: RunConfig, onEvents: (events: RunEvent[]) => void): Promise<Outcome<RunSummary>>;
  /** Stops the current run between steps; what was produced so far is kept. */
  stop(): void;
  /** Calls `listener` once the GPU device is lost (at once if it already was), so the UI can say so before the next call fails. */
  watchDeviceLoss(listener: (error: EngineErrorData) => void): Promise<Outcome<void>>;
}
