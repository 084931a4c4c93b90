import { describe, expect, it } from 'vitest';
import { parseCatalog } from './catalog.ts';
import { defaultSelection, deviceFromUrl, tunedPairSelection, withGenerator, folderFromFiles, folderProblem, HUB_GENERATOR, HUB_REFERENCE, hubIdProblem, toLoadRequest } from './selection.ts';

const catalog = parseCatalog([
  { id: 'tiny-gen', label: 'Tiny random generator', kind: 'generator', bytes: 10 },
  { id: 'tiny-ref', label: 'Tiny random reference', kind: 'reference', bytes: 10 },
  { id: 'tiny-reward', label: 'Tiny random reward', kind: 'reward', bytes: 10 },
]);

const fileAt = (path: string) => Object.assign(new File(['x'], path.split('/').pop() ?? path), { webkitRelativePath: path });

describe('model selection', () => {
  it('defaults to built-in models when the app ships them', () => {
    const request = toLoadRequest(defaultSelection(catalog));
    expect(request).toEqual({
      ok: true,
      request: { generator: { kind: 'builtin', id: 'tiny-gen' }, rewards: [{ kind: 'classifier', source: { kind: 'builtin', id: 'tiny-reward' } }], device: 'auto' },
    });
  });

  it('falls back to the hub defaults: SmolLM2 Instruct scored against its base', () => {
    const request = toLoadRequest(defaultSelection([], 'wasm'));
    expect(request).toEqual({
      ok: true,
      request: { generator: { kind: 'hub', id: HUB_GENERATOR }, rewards: [{ kind: 'implicit-dpo', reference: { kind: 'hub', id: HUB_REFERENCE } }], device: 'wasm' },
    });
  });

  it('explains what is missing instead of loading', () => {
    const s = defaultSelection(catalog);
    expect(toLoadRequest({ ...s, generator: { ...s.generator, mode: 'hub', hubId: 'not a model' } })).toEqual({
      ok: false, problem: 'generator: "not a model" is not a hub id: it should look like owner/name.',
    });
    expect(toLoadRequest({ ...s, generator: { ...s.generator, mode: 'folder' } })).toEqual({ ok: false, problem: 'Pick a folder for the generator.' });
    const scorer = s.scorers[0]!;
    expect(toLoadRequest({ ...s, scorers: [{ ...scorer, kind: 'classifier', classifier: { ...scorer.classifier, mode: 'hub', hubId: '' } }] }).ok).toBe(false);
    expect(hubIdProblem(' owner/model-1.5 ')).toBeNull();
  });

  it('keys a picked folder by paths inside it and checks it looks like a model', () => {
    const folder = folderFromFiles([fileAt('my-model/config.json'), fileAt('my-model/onnx/model.onnx'), fileAt('my-model/tokenizer.json')]);
    expect(folder?.name).toBe('my-model');
    expect([...(folder?.files.keys() ?? [])]).toEqual(['config.json', 'onnx/model.onnx', 'tokenizer.json']);
    expect(folder && folderProblem(folder)).toBeNull();
    const noOnnx = folderFromFiles([fileAt('m/config.json'), fileAt('m/model.safetensors')]);
    expect(noOnnx && folderProblem(noOnnx)).toMatch(/ONNX/);
    expect(folderFromFiles([])).toBeNull();
  });

  it('brings a built-in generator\'s own reference model along', () => {
    const withRefs = parseCatalog([
      ...catalog.map((e) => ({ ...e })),
      { id: 'other-gen', label: 'Other', kind: 'generator', bytes: 1 },
      { id: 'other-ref', label: 'Other base', kind: 'reference', bytes: 1, referenceFor: 'other-gen' },
    ]);
    const s = defaultSelection(withRefs);
    const next = withGenerator(s, { ...s.generator, builtinId: 'other-gen' }, withRefs);
    expect(next.scorers[0]?.reference).toMatchObject({ mode: 'builtin', builtinId: 'other-ref' });
    const hub = withGenerator(s, { ...s.generator, mode: 'hub' }, withRefs);
    expect(hub.scorers).toEqual(s.scorers);
  });

  it('reads a device override from the address', () => {
    expect(deviceFromUrl('?device=wasm')).toBe('wasm');
    expect(deviceFromUrl('?device=webgpu&x=1')).toBe('webgpu');
    expect(deviceFromUrl('?device=tpu')).toBe('auto');
  });

  it('takes a tuned built-in generator\'s base as its reference, and refuses the generator as its own reference', () => {
    const pair = parseCatalog([
      ...catalog.map((e) => ({ ...e })),
      { id: 'plain', label: 'Plain', kind: 'generator', bytes: 1, referenceFor: 'tuned' },
      { id: 'tuned', label: 'Tuned', kind: 'generator', bytes: 1 },
    ]);
    const s = defaultSelection(pair);
    const implicit = { ...s, scorers: s.scorers.map((d) => ({ ...d, kind: 'implicit-dpo' as const })) };
    const tuned = withGenerator(implicit, { ...s.generator, builtinId: 'tuned' }, pair);
    expect(toLoadRequest(tuned)).toMatchObject({ ok: true, request: { rewards: [{ kind: 'implicit-dpo', reference: { kind: 'builtin', id: 'plain' } }] } });
    expect(toLoadRequest(tunedPairSelection(pair, 'wasm')!)).toEqual({
      ok: true,
      request: { generator: { kind: 'builtin', id: 'tuned' }, rewards: [{ kind: 'implicit-dpo', reference: { kind: 'builtin', id: 'plain' } }], device: 'wasm' },
    });
    expect(tunedPairSelection(catalog)).toBeNull();
    const itself = { ...tuned, generator: { ...tuned.generator, builtinId: 'plain' } };
    expect(toLoadRequest(itself)).toEqual({ ok: false, problem: expect.stringMatching(/reference model other than the generator itself/) });
  });
});
