// Subscriptions that hear of a store's changes at most once per animation frame: the run store changes
// with every batch of events (about every 50 ms, and faster when messages queued up behind a busy main
// thread), and the views fed by it (trees, charts) need to render what the next frame shows, not every
// intermediate state. Several changes within a frame cost one render. Not for stores behind controlled
// inputs (the form): those must re-render in the same event.
import { useSyncExternalStore } from 'react';
import type { Store } from './store.ts';

type Listener = () => void;

const pending = new Set<Listener>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  const listeners = [...pending];
  pending.clear();
  // One task: React batches every update these listeners cause into one render.
  for (const listener of listeners) listener();
}

/** Calls `listener` at the next frame; a hidden page gets no frames, so it gets a task instead. */
export function onNextFrame(listener: Listener): void {
  pending.add(listener);
  if (scheduled) return;
  scheduled = true;
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState !== 'hidden') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
}

const perFrame = new WeakMap<Store<unknown>, (listener: Listener) => () => void>();

/** `store.subscribe`, with each listener called once at the next frame however often the store changed. */
export function subscribeOncePerFrame<T>(store: Store<T>): (listener: Listener) => () => void {
  const key = store as Store<unknown>;
  let subscribe = perFrame.get(key);
  if (!subscribe) {
    subscribe = (listener) => {
      let active = true;
      const deferred = () => {
        if (active) listener();
      };
      const unsubscribe = store.subscribe(() => onNextFrame(deferred));
      return () => {
        active = false;
        pending.delete(deferred);
        unsubscribe();
      };
    };
    perFrame.set(key, subscribe);
  }
  return subscribe;
}

/** Like useStore, re-rendering at most once per frame; the selector must return a value kept by reference. */
export function useStoreOncePerFrame<T, S>(store: Store<T>, select: (state: T) => S): S {
  return useSyncExternalStore(subscribeOncePerFrame(store), () => select(store.get()));
}
