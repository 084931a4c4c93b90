// The catalog behind `npm run models`: every entry builds, ids are unique folder names,
// references point at generators, and index entries carry the folder's real size.
import { describe, expect, it } from 'vitest';
import { BUILT_MODELS, indexEntry } from './model-catalog.ts';

describe('BUILT_MODELS', () => {
  it('has unique, path-safe ids and references that name a generator', () => {
    const ids = BUILT_MODELS.map((model) => model.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    for (const model of BUILT_MODELS.filter((m) => m.referenceFor !== undefined)) {
      // A reference, or a generator that is also another generator's base; never its own.
      expect(['reference', 'generator']).toContain(model.kind);
      expect(model.referenceFor).not.toBe(model.id);
      expect(BUILT_MODELS.find((m) => m.id === model.referenceFor)?.kind).toBe('generator');
    }
    for (const model of BUILT_MODELS.filter((m) => m.kind === 'reference')) expect(model.referenceFor).toBeDefined();
    expect(new Set(BUILT_MODELS.map((m) => m.kind))).toEqual(new Set(['generator', 'reference', 'reward']));
  });

  it('builds every model into a loadable folder layout, the same bytes twice, and lists its size', async () => {
    for (const model of BUILT_MODELS) {
      const files = await model.build();
      const again = await model.build();
      expect([...again.keys()]).toEqual([...files.keys()]);
      for (const [path, bytes] of files) expect(Buffer.from(again.get(path)!).equals(Buffer.from(bytes)), `${model.id}/${path}`).toBe(true);
      expect(files.has('config.json') && files.has('tokenizer.json') && files.has('onnx/model.onnx')).toBe(true);
      const entry = indexEntry(model, files);
      expect(entry).not.toHaveProperty('build');
      expect(entry.bytes).toBe([...files.values()].reduce((sum, f) => sum + f.length, 0));
      expect(entry.files).toEqual([...files.keys()].sort());
    }
  });
});
