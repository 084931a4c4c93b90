import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelRedraw, requestRedraw } from './redraw-queue.ts';

describe('requestRedraw', () => {
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

  it('forgets the redraw of a chart that went away', () => {
    const drawn: string[] = [];
    const a = {};
    requestRedraw(a, () => drawn.push('a'));
    cancelRedraw(a);
    nextFrame();
    expect(drawn).toEqual([]);
  });
});
