// Pure logic: hand-written progress updates, shaped like the worker's.
import { describe, expect, it } from 'vitest';
import type { LoadUpdate } from '../../worker/api.ts';
import { applyLoadUpdates, byModel, emptyLoadProgress } from './load-progress.ts';

const file = (f: string, loaded: number, total: number, done = false): LoadUpdate => ({ type: 'file', model: 'gen', file: f, loaded, total, done });

describe('applyLoadUpdates', () => {
  it('keeps one bar per file and a byte total across files', () => {
    const s = applyLoadUpdates(emptyLoadProgress, [file('model.onnx', 0, 1000), file('tokenizer.json', 0, 0), file('model.onnx', 250, 1000)]);
    expect(s.files.map((f) => [f.file, f.loaded, f.total])).toEqual([['model.onnx', 250, 1000], ['tokenizer.json', 0, 0]]);
    expect(s.fraction).toBe(0.25);
    expect(s.totalBytes).toBe(1000);
  });

  it('reaches 100% when every file is done, even if a size was never reported', () => {
    let s = applyLoadUpdates(emptyLoadProgress, [file('model.onnx', 1000, 1000), file('tokenizer.json', 0, 0)]);
    expect(s.fraction).toBeLessThan(1);
    s = applyLoadUpdates(s, [file('model.onnx', 1000, 1000, true), file('tokenizer.json', 0, 0, true)]);
    expect(s.fraction).toBe(1);
    expect(s.files.every((f) => f.done)).toBe(true);
  });

  it('never moves a bar backwards and carries the status line', () => {
    let s = applyLoadUpdates(emptyLoadProgress, [file('a', 600, 1000)]);
    s = applyLoadUpdates(s, [file('a', 400, 1000), { type: 'stage', stage: 'warmup', message: 'Warming up: compiling shaders' }]);
    expect(s.files[0]?.loaded).toBe(600);
    expect(s.stage).toBe('warmup');
    expect(s.message).toBe('Warming up: compiling shaders');
  });

  it('groups files by model with a subtotal each, in the order models appeared', () => {
    const s = applyLoadUpdates(emptyLoadProgress, [
      file('onnx/model.onnx', 100, 400, true),
      { type: 'file', model: 'reward-a', file: 'onnx/model.onnx', loaded: 10, total: 40, done: false },
      { type: 'file', model: 'reward-b', file: 'onnx/model.onnx', loaded: 5, total: 5, done: true },
      file('tokenizer.json', 20, 20, true),
    ]);
    expect(byModel(s).map((m) => [m.model, m.files.length, m.loaded, m.total, m.done])).toEqual([
      ['gen', 2, 420, 420, true], ['reward-a', 1, 10, 40, false], ['reward-b', 1, 5, 5, true],
    ]);
  });
});
