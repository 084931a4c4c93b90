// Pure logic: raw transformers.js progress payloads (hand-written here, in the shapes its
// utils/core.js documents) turned into LoadProgress with a running total. The lifecycle on a real
// load is checked in sources.test.ts.
import { describe, expect, it } from 'vitest';
import { createProgressTracker, type LoadProgress } from './progress.ts';

describe('createProgressTracker', () => {
  it('keeps per-file bytes and a total that includes sizes announced by progress_total', () => {
    const events: LoadProgress[] = [];
    const track = createProgressTracker((p) => events.push(p), (name) => `label of ${name}`);
    track({ status: 'initiate', name: 'm', file: 'tokenizer.json' });
    track({ status: 'progress', name: 'm', file: 'tokenizer.json', progress: 100, loaded: 10, total: 10 });
    track({ status: 'done', name: 'm', file: 'tokenizer.json' });
    track({ status: 'progress_total', name: 'm', progress: 0, loaded: 0, total: 1000, files: { 'onnx/model.onnx': { loaded: 0, total: 1000 } } });
    track({ status: 'initiate', name: 'm', file: 'onnx/model.onnx' });
    track({ status: 'progress', name: 'm', file: 'onnx/model.onnx', progress: 40, loaded: 400, total: 1000 });
    track({ status: 'done', name: 'm', file: 'onnx/model.onnx' });
    track({ status: 'ready', task: 'x', model: 'm' });
    expect(events.map((e) => [e.file, e.status, e.loaded, e.total, e.totalLoaded, e.totalBytes])).toEqual([
      ['tokenizer.json', 'initiate', 0, 0, 0, 0],
      ['tokenizer.json', 'progress', 10, 10, 10, 10],
      ['tokenizer.json', 'done', 10, 10, 10, 10],
      ['onnx/model.onnx', 'initiate', 0, 1000, 10, 1010],
      ['onnx/model.onnx', 'progress', 400, 1000, 410, 1010],
      ['onnx/model.onnx', 'done', 1000, 1000, 1010, 1010],
    ]);
    expect(events[0]?.model).toBe('label of m');
  });

  it('keeps files of two models apart and ignores junk', () => {
    const events: LoadProgress[] = [];
    const track = createProgressTracker((p) => events.push(p), (name) => name);
    track({ status: 'progress', name: 'a', file: 'config.json', loaded: 5, total: 5 });
    track({ status: 'progress', name: 'b', file: 'config.json', loaded: 7, total: 7 });
    track(null);
    track({ status: 'progress', name: 'b', loaded: 1, total: 1 });
    expect(events.map((e) => [e.model, e.totalLoaded])).toEqual([
      ['a', 5],
      ['b', 12],
    ]);
  });
});
