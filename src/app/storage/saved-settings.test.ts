import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../models/catalog.ts';
import { defaultSelection, type ModelSelection } from '../models/selection.ts';
import { initialRunForm } from '../run/run-form.ts';
import { restoreForm, restoreSelection, toSavedSelection } from './saved-settings.ts';

const entry = (id: string, kind: CatalogEntry['kind']): CatalogEntry => ({ id, label: id, kind, description: '', bytes: 1, random: false, referenceFor: null });
const catalog = [entry('gen', 'generator'), entry('gen-2', 'generator'), entry('rw', 'reward')];
const fallback = defaultSelection(catalog, 'auto');
/** Through IndexedDB's structured clone, as a reload reads it back. */
const stored = <T>(value: T): unknown => structuredClone(value);

describe('saved settings', () => {
  it('bring back the model choice and the device, without picked folders', () => {
    const file = new File(['{}'], 'config.json');
    const picked: ModelSelection = {
      generator: { mode: 'builtin', builtinId: 'gen-2', hubId: 'a/b', folder: null },
      scorers: [
        { key: 7, kind: 'classifier', classifier: { mode: 'folder', builtinId: 'rw', hubId: '', folder: { name: 'mine', files: new Map([['config.json', file]]) } }, reference: fallback.scorers[0]!.reference },
        { key: 9, kind: 'implicit-dpo', classifier: fallback.scorers[0]!.classifier, reference: { mode: 'hub', builtinId: '', hubId: 'org/base', folder: null } },
      ],
      device: 'webgpu',
    };
    const restored = restoreSelection(stored(toSavedSelection(picked)), catalog, fallback, 'auto');
    expect(restored.generator).toEqual(picked.generator);
    expect(restored.device).toBe('webgpu');
    expect(restored.scorers.map((s) => s.kind)).toEqual(['classifier', 'implicit-dpo']);
    // The folder is picked again: its mode stays, its files do not.
    expect(restored.scorers[0]?.classifier).toEqual({ mode: 'folder', builtinId: 'rw', hubId: '', folder: null });
    expect(restored.scorers[1]?.reference).toMatchObject({ mode: 'hub', hubId: 'org/base' });
    expect(new Set(restored.scorers.map((s) => s.key)).size).toBe(2);
  });

  it('let the address\'s ?device= win, and fall back to the defaults for what no longer fits', () => {
    const saved = { generator: { mode: 'builtin', builtinId: 'gone', hubId: '' }, scorers: 'no', device: 'tpu' };
    const restored = restoreSelection(saved, catalog, fallback, 'wasm');
    expect(restored).toEqual({ ...fallback, device: 'wasm' });
    expect(restoreSelection(undefined, catalog, fallback, 'auto')).toEqual(fallback);
    expect(restoreSelection({ ...toSavedSelection(fallback), device: 'webgpu' }, catalog, fallback, 'wasm').device).toBe('wasm');
  });

  it('bring back the run form as typed, field by field', () => {
    const base = initialRunForm('hello');
    const typed = { ...base, prompt: 'the war', n: '4', alpha: '0.7', sprStart: 'memory' as const, methods: ['spr' as const], seed: '1e3' };
    expect(restoreForm(stored(typed), base)).toEqual(typed);
    const odd = { ...typed, sprStart: 'sideways', methods: ['bon', 'magic'], n: 5, extra: 'x' };
    expect(restoreForm(odd, base)).toEqual({ ...typed, sprStart: base.sprStart, methods: base.methods, n: base.n });
    expect(restoreForm(null, base)).toBe(base);
  });
});
