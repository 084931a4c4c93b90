// The UI's handle on the engine worker. Stop asks the worker to abort between steps; Reset terminates
// the worker and starts a fresh one, which is the only sure way to free WebGPU memory. A crashed worker
// never answers again, so every call also listens for a crash and fails with an error instead of hanging.
import * as Comlink from 'comlink';
import type { EngineErrorData } from '../../core/errors.ts';
import { toErrorData } from '../../core/errors.ts';
import type { EngineWorkerApi, Outcome } from '../../worker/api.ts';

/** What the client needs of a Worker (a fake one in unit tests). */
export interface WorkerLike extends Comlink.Endpoint {
  terminate(): void;
}

type Interrupt = (error: EngineErrorData) => void;

export class EngineClient {
  private worker!: WorkerLike;
  private api!: Comlink.Remote<EngineWorkerApi>;
  /** Fails every pending call of the current worker. */
  private interrupts = new Set<Interrupt>();

  constructor(
    private readonly createWorker: () => WorkerLike,
    /** Called after a crash, once a fresh worker is running. */
    private readonly onCrash: (error: EngineErrorData) => void,
  ) {
    this.start();
  }

  /** Calls the worker; resolves with an error outcome if the worker crashes or is reset meanwhile. */
  call<T>(invoke: (api: Comlink.Remote<EngineWorkerApi>) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    return new Promise<Outcome<T>>((resolve) => {
      const interrupt: Interrupt = (error) => resolve({ ok: false, error });
      this.interrupts.add(interrupt);
      invoke(this.api)
        .then(resolve, (error: unknown) => resolve({ ok: false, error: toErrorData(error) }))
        .finally(() => this.interrupts.delete(interrupt));
    });
  }

  /** Asks the running job to stop between steps; its partial results still arrive. */
  stop(): void {
    void this.api.stop();
  }

  /** Terminates the worker (freeing its GPU memory) and starts a new, empty one. */
  reset(): void {
    this.replace({ code: 'aborted', message: 'The engine was reset.' });
  }

  dispose(): void {
    this.failPending({ code: 'aborted', message: 'The engine was closed.' });
    this.worker.terminate();
  }

  private start(): void {
    const worker = this.createWorker();
    const crashed = (event: Event) => {
      if (worker !== this.worker) return;
      const detail = (event as { message?: unknown }).message;
      const message = typeof detail === 'string' && detail !== '' ? detail : 'the worker stopped unexpectedly';
      const error: EngineErrorData = {
        code: 'internal',
        message: `The engine crashed: ${message}.`,
        hint: 'It has been restarted: load the models again. If it keeps happening, try WASM or a smaller model.',
      };
      this.replace(error);
      this.onCrash(error);
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    this.worker = worker;
    this.api = Comlink.wrap<EngineWorkerApi>(worker);
  }

  private replace(error: EngineErrorData): void {
    this.failPending(error);
    this.worker.terminate();
    this.start();
  }

  private failPending(error: EngineErrorData): void {
    const pending = [...this.interrupts];
    this.interrupts.clear();
    for (const interrupt of pending) interrupt(error);
  }
}
