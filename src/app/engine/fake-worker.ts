// A FAKE worker for unit tests of the UI's engine plumbing: a MessageChannel whose far end exposes a
// hand-written API through comlink, and a way to simulate a crash. No models run through it.
import * as Comlink from 'comlink';
import type { EngineWorkerApi } from '../../worker/api.ts';
import type { WorkerLike } from './engine-client.ts';

export class FakeWorker extends EventTarget implements WorkerLike {
  readonly channel = new MessageChannel();
  terminated = false;
  constructor(api: Partial<EngineWorkerApi>) {
    super();
    Comlink.expose(api, this.channel.port2);
    this.channel.port1.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
    this.channel.port1.start();
  }
  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.channel.port1.postMessage(message, transfer ?? []);
  }
  terminate(): void {
    this.terminated = true;
    this.channel.port1.close();
  }
  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}
