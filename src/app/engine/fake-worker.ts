// A FAKE worker for unit tests of the UI's engine plumbing: a MessageChannel whose far end exposes a
// hand-written API through comlink and says it is up, as the real worker does; and ways to fail as a
// real one can (crash, fail to start). No models run through it.
import * as Comlink from 'comlink';
import type { EngineAliveMessage, EngineWorkerApi } from '../../worker/api.ts';
import type { WorkerLike } from './engine-client.ts';

export interface FakeWorkerOptions {
  /** Its script "cannot be fetched": an error event and never an alive message. */
  readonly failToStart?: boolean;
  /** The life lock it names in its alive message (null: none, as without Web Locks). */
  readonly lock?: string | null;
}

export class FakeWorker extends EventTarget implements WorkerLike {
  readonly channel = new MessageChannel();
  terminated = false;
  constructor(api: Partial<EngineWorkerApi>, options: FakeWorkerOptions = {}) {
    super();
    this.channel.port1.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
    this.channel.port1.start();
    if (options.failToStart) {
      setTimeout(() => this.dispatchEvent(new Event('error')), 0);
      return;
    }
    Comlink.expose(api, this.channel.port2);
    const alive: EngineAliveMessage = { type: 'engine-alive', lock: options.lock ?? null };
    this.channel.port2.postMessage(alive);
  }
  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.channel.port1.postMessage(message, transfer ?? []);
  }
  terminate(): void {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }
  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}
