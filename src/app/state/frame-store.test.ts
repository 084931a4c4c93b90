import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from './store.ts';
import { subscribeOncePerFrame } from './frame-store.ts';

describe('subscribeOncePerFrame', () => {
  let frames: FrameRequestCallback[];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('document', { visibilityState: 'visible' });
  });
  afterEach(() => vi.unstubAllGlobals());
  const nextFrame = () => {
    const due = frames;
    frames = [];
    for (const cb of due) cb(0);
  };

  it('calls each listener once at the next frame however often the store changed', () => {
    const store = createStore(0);
    const a = vi.fn();
    const b = vi.fn();
    subscribeOncePerFrame(store)(a);
    subscribeOncePerFrame(store)(b);
    for (let i = 1; i <= 5; i++) store.set(i);
    expect(a).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    nextFrame();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    store.set(6);
    nextFrame();
    expect(a).toHaveBeenCalledTimes(2);
  });

  it('keeps one subscribe function per store (React resubscribes when it changes) and stops after unsubscribing', () => {
    const store = createStore('x');
    expect(subscribeOncePerFrame(store)).toBe(subscribeOncePerFrame(store));
    const listener = vi.fn();
    const unsubscribe = subscribeOncePerFrame(store)(listener);
    store.set('y');
    unsubscribe();
    nextFrame();
    store.set('z');
    nextFrame();
    expect(listener).not.toHaveBeenCalled();
  });
});
