import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelRedraw, MIN_INTERVAL_MS, requestRedraw } from './redraw-queue.ts';

describe('requestRedraw', () => {
  let frames: FrameRequestCallback[];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('document', { visibilityState: 'visible' });
  });
  afterEach(() => vi.unstubAllGlobals());
  let clock = 0;
  const nextFrame = (ms = 16) => {
    clock += ms;
    const due = frames;
    frames = [];
    for (const cb of due) cb(clock);
  };

  it('redraws one chart per frame, in the order asked, each once with its latest request', () => {
    const drawn: string[] = [];
    const a = {};
    const b = {};
    requestRedraw(a, () => drawn.push('a1'));
    requestRedraw(b, () => drawn.push('b1'));
    requestRedraw(a, () => drawn.push('a2'));
    nextFrame();
    expect(drawn).toEqual(['a2']);
    nextFrame();
    expect(drawn).toEqual(['a2', 'b1']);
    nextFrame();
    expect(drawn).toEqual(['a2', 'b1']);
    expect(frames).toHaveLength(0);
  });

  it('redraws a chart at most every MIN_INTERVAL_MS, with what was asked last', () => {
    const drawn: string[] = [];
    const a = {};
    nextFrame(1000);
    requestRedraw(a, () => drawn.push('a1'));
    nextFrame();
    requestRedraw(a, () => drawn.push('a2'));
    requestRedraw(a, () => drawn.push('a3'));
    for (let waited = 16; waited < MIN_INTERVAL_MS - 16; waited += 16) nextFrame();
    expect(drawn).toEqual(['a1']);
    nextFrame(32);
    expect(drawn).toEqual(['a1', 'a3']);
  });

  it('forgets the redraw of a chart that went away', () => {
    const drawn: string[] = [];
    const a = {};
    requestRedraw(a, () => drawn.push('a'));
    cancelRedraw(a);
    nextFrame();
    expect(drawn).toEqual([]);
  });
});
