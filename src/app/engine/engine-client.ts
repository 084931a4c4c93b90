// The UI's handle on the engine worker. Stop asks the worker to abort between steps; Reset terminates
// the worker and starts a fresh one, which is the only sure way to free WebGPU memory.
// A worker can fail three ways, and none of them may leave a call hanging or the page spinning:
// - it never comes up (its script cannot be fetched): retried with growing waits, then given up on;
// - it crashes (an error event): its calls fail with the crash, and a fresh worker starts;
// - it ends silently (closed, reclaimed for memory): the Web Lock it held is released (alive-lock.ts),
//   which counts as a crash.
// Calls wait until a worker has said it is up, so a call is never posted to a worker that cannot answer.
import * as Comlink from 'comlink';
import type { EngineErrorData } from '../../core/errors.ts';
import { toErrorData } from '../../core/errors.ts';
import type { EngineAliveMessage, EngineWorkerApi, Outcome } from '../../worker/api.ts';
import { crashError, unavailableError, vanishedError } from './engine-failures.ts';
import { failuresAfter, restartDelay } from './restart-policy.ts';
import { watchLockRelease } from './worker-exit.ts';

/** What the client needs of a Worker (a fake one in unit tests). */
export interface WorkerLike extends Comlink.Endpoint {
  terminate(): void;
}

export interface EngineClientHooks {
  /** A fresh worker is up (at start, after Reset, after a crash): probe it. */
  readonly onStarted: () => void;
  /** The worker crashed or vanished; its calls failed with `error`. A fresh one is being started. */
  readonly onCrash: (error: EngineErrorData) => void;
  /** Workers kept failing to come up: nothing runs until `retry()` or the next call. */
  readonly onUnavailable: (error: EngineErrorData) => void;
}

export interface EngineClientOptions {
  /** Calls `onExit` once the holder of `lock` is gone; returns a function that stops watching. */
  readonly watchExit?: (lock: string, onExit: () => void) => () => void;
  readonly isOnline?: () => boolean;
  readonly now?: () => number;
}

type Api = Comlink.Remote<EngineWorkerApi>;
type Interrupt = (error: EngineErrorData) => void;
interface Waiting {
  readonly send: (api: Api) => void;
  readonly interrupt: Interrupt;
}

type State = 'starting' | 'up' | 'waiting' | 'unavailable' | 'disposed';

const ABORTED_BY_RESET: EngineErrorData = { code: 'aborted', message: 'The engine was reset.' };
const ABORTED_UNAVAILABLE: EngineErrorData = { code: 'aborted', message: 'The engine is not running.' };

export class EngineClient {
  private state: State = 'starting';
  private worker: WorkerLike | null = null;
  private api: Api | null = null;
  private upSince: number | null = null;
  private failures = 0;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private stopWatching: () => void = () => undefined;
  /** Calls sent to the worker that is up. */
  private inFlight = new Set<Interrupt>();
  /** Calls made while no worker was up, sent when one is. */
  private queue: Waiting[] = [];
  private readonly watchExit: NonNullable<EngineClientOptions['watchExit']>;
  private readonly isOnline: () => boolean;
  private readonly now: () => number;

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly hooks: EngineClientHooks,
    options: EngineClientOptions = {},
  ) {
    this.watchExit = options.watchExit ?? watchLockRelease;
    this.isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
    this.now = options.now ?? (() => performance.now());
    this.start();
  }

  /** Calls the worker; resolves with an error outcome if the worker crashes or is reset meanwhile. */
  call<T>(invoke: (api: Api) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    return new Promise<Outcome<T>>((resolve) => {
      const interrupt: Interrupt = (error) => resolve({ ok: false, error });
      const send = (api: Api) => {
        this.inFlight.add(interrupt);
        invoke(api)
          .then(resolve, (error: unknown) => resolve({ ok: false, error: toErrorData(error) }))
          .finally(() => this.inFlight.delete(interrupt));
      };
      if (this.state === 'disposed') interrupt({ code: 'aborted', message: 'The engine was closed.' });
      else if (this.state === 'up' && this.api) send(this.api);
      else {
        this.queue.push({ send, interrupt });
        // Asking the engine for something is asking it to try again.
        if (this.state === 'unavailable') this.retry();
      }
    });
  }

  /** Asks the running job to stop between steps; its partial results still arrive. */
  stop(): void {
    if (this.state === 'up') void this.api?.stop();
  }

  /** Terminates the worker (freeing its GPU memory) and starts a new, empty one. */
  reset(): void {
    if (this.state === 'disposed') return;
    this.retire();
    this.failInFlight(ABORTED_BY_RESET);
    this.failQueue(ABORTED_BY_RESET);
    this.failures = 0;
    this.start();
  }

  /** After the client gave up (or while it waits to restart): start a worker now. */
  retry(): void {
    if (this.state !== 'unavailable' && this.state !== 'waiting') return;
    this.failures = 0;
    this.start();
  }

  dispose(): void {
    const closed: EngineErrorData = { code: 'aborted', message: 'The engine was closed.' };
    this.retire();
    this.state = 'disposed';
    this.failInFlight(closed);
    this.failQueue(closed);
  }

  private start(): void {
    this.clearRestart();
    this.state = 'starting';
    this.upSince = null;
    const worker = this.createWorker();
    const current = () => worker === this.worker;
    worker.addEventListener('message', (event) => {
      if (current() && this.state === 'starting' && isAlive((event as MessageEvent).data)) this.cameUp((event as MessageEvent).data);
    });
    const errored = (event: Event) => {
      if (!current()) return;
      if (this.state === 'up') this.crashed(crashError(detailOf(event)));
      else this.failedToStart();
    };
    worker.addEventListener('error', errored);
    worker.addEventListener('messageerror', errored);
    this.worker = worker;
    this.api = Comlink.wrap<EngineWorkerApi>(worker);
  }

  private cameUp(message: EngineAliveMessage): void {
    const worker = this.worker;
    this.state = 'up';
    this.upSince = this.now();
    if (message.lock !== null) {
      this.stopWatching = this.watchExit(message.lock, () => {
        if (worker === this.worker && this.state === 'up') this.crashed(vanishedError());
      });
    }
    const api = this.api!;
    const queued = this.queue;
    this.queue = [];
    for (const waiting of queued) waiting.send(api);
    this.hooks.onStarted();
  }

  private crashed(error: EngineErrorData): void {
    const lived = this.upSince === null ? null : this.now() - this.upSince;
    this.retire();
    this.failInFlight(error);
    this.failures = failuresAfter(this.failures, lived);
    this.hooks.onCrash(error);
    this.scheduleRestart();
  }

  private failedToStart(): void {
    this.retire();
    this.failures = failuresAfter(this.failures, null);
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delay = restartDelay(this.failures);
    if (delay === null) {
      this.state = 'unavailable';
      this.failQueue(ABORTED_UNAVAILABLE);
      this.hooks.onUnavailable(unavailableError(this.isOnline(), this.failures));
    } else if (delay === 0) {
      this.start();
    } else {
      this.state = 'waiting';
      this.restartTimer = setTimeout(() => this.start(), delay);
    }
  }

  /** Terminates the current worker; nothing it sends or signals afterwards counts. */
  private retire(): void {
    this.clearRestart();
    this.stopWatching();
    this.stopWatching = () => undefined;
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  private clearRestart(): void {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  private failInFlight(error: EngineErrorData): void {
    const pending = [...this.inFlight];
    this.inFlight.clear();
    for (const interrupt of pending) interrupt(error);
  }

  private failQueue(error: EngineErrorData): void {
    const queued = this.queue;
    this.queue = [];
    for (const waiting of queued) waiting.interrupt(error);
  }
}

function isAlive(data: unknown): data is EngineAliveMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'engine-alive';
}

function detailOf(event: Event): string | null {
  const detail = (event as { message?: unknown }).message;
  return typeof detail === 'string' && detail !== '' ? detail : null;
}
