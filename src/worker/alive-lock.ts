// A worker that ends without an error event (self.close(), the browser reclaiming its memory) never
// answers again; a busy worker does not answer for a while either, so a heartbeat cannot tell the two
// apart without a long timeout. A Web Lock can: the worker holds one for its whole life, and the page's
// request for the same lock is granted exactly when the worker is gone, however busy it was.
import type { EngineAliveMessage } from './api.ts';

/** Takes a lock of this worker's own and then tells the page its name (the page watches it, see engine-client.ts). */
export function announceAlive(post: (message: EngineAliveMessage) => void, locks: LockManager | undefined = navigator.locks): void {
  if (!locks) {
    post({ type: 'engine-alive', lock: null });
    return;
  }
  const lock = `engine-alive-${crypto.randomUUID()}`;
  locks
    .request(lock, () => {
      post({ type: 'engine-alive', lock });
      return new Promise<never>(() => undefined); // held until the worker ends
    })
    .catch(() => post({ type: 'engine-alive', lock: null }));
}
