// The page's handle on the derive worker (derive.worker.ts): started on first use, shared by every panel.
// Where there is no worker (tests outside a browser) or it fails to start, the same function runs here.
import * as Comlink from 'comlink';
import { deriveFunctions, type DeriveFunctions as Functions } from './derive-functions.ts';

type Name = keyof Functions;
type Call<N extends Name> = (...a: Parameters<Functions[N]>) => ReturnType<Functions[N]>;

let remote: Comlink.Remote<Functions> | null | undefined;
/** Set once the worker failed: every later call runs on the page. */
let failed: Promise<never> | null = null;

function worker(): Comlink.Remote<Functions> | null {
  if (remote !== undefined) return remote;
  if (typeof Worker === 'undefined') return (remote = null);
  try {
    const w = new Worker(new URL('./derive.worker.ts', import.meta.url), { type: 'module', name: 'derive' });
    failed = new Promise<never>((_, reject) => w.addEventListener('error', () => reject(new Error('the derive worker failed')), { once: true }));
    failed.catch(() => (remote = null));
    remote = Comlink.wrap<Functions>(w);
  } catch {
    remote = null;
  }
  return remote;
}

/** `name` over `args`, off the page's thread when it can be. */
export async function derive<N extends Name>(name: N, ...args: Parameters<Functions[N]>): Promise<ReturnType<Functions[N]>> {
  const run = () => (deriveFunctions[name] as unknown as Call<N>)(...args);
  const w = worker();
  if (!w || !failed) return run();
  try {
    const call = (w[name] as unknown as (...a: Parameters<Functions[N]>) => Promise<ReturnType<Functions[N]>>)(...args);
    return await Promise.race([call, failed]);
  } catch {
    return run();
  }
}
