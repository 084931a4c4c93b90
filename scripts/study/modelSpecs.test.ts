// Pure tests of how the study resolves model names (a hand-made index; no model is built or loaded).
import { describe, expect, it } from 'vitest';
import type { ModelIndex } from '../../src/modelgen/model-catalog.ts';
import { checkReferenceDiffers, namesBuiltIn, resolveModel } from './modelSpecs.ts';

const entry = (id: string, kind: 'generator' | 'reward' | 'reference', random: boolean, referenceFor?: string) => ({
  id, label: id, kind, description: '', bytes: 1, random, files: [], ...(referenceFor && { referenceFor }),
});
const index: ModelIndex = {
  models: [
    entry('tiny-gen', 'generator', true),
    entry('tiny-ref', 'reference', true, 'tiny-gen'),
    entry('builtin-plain', 'generator', false, 'builtin-tuned'),
    entry('builtin-tuned', 'generator', false),
    entry('builtin-reward', 'reward', false),
  ],
};
const builtIn = () => ({ dir: '/models', index });

describe('resolveModel', () => {
  it('reads builtin and tiny per kind; as a reference, the model that is some generator\'s base', () => {
    expect(resolveModel('builtin', 'generator', builtIn)).toEqual({ kind: 'path', path: '/models/builtin-plain' });
    expect(resolveModel('builtin', 'reward', builtIn)).toEqual({ kind: 'path', path: '/models/builtin-reward' });
    expect(resolveModel('builtin', 'reference', builtIn)).toEqual({ kind: 'path', path: '/models/builtin-plain' });
    expect(resolveModel('tiny', 'reference', builtIn)).toEqual({ kind: 'path', path: '/models/tiny-ref' });
    expect(() => resolveModel('tiny', 'reward', builtIn)).toThrow(/no tiny reward model is built in/);
  });

  it('reads a built-in id, a hub id, and explains a name that is neither', () => {
    expect(resolveModel('builtin-tuned', 'generator', builtIn)).toEqual({ kind: 'path', path: '/models/builtin-tuned' });
    expect(() => resolveModel('builtin-nope', 'generator', builtIn)).toThrow(/not a built-in model; the built-in ones are: tiny-gen/);
    expect(resolveModel('owner/model', 'generator', builtIn)).toEqual({ kind: 'hub', id: 'owner/model' });
    expect(() => resolveModel('no such thing', 'generator', builtIn)).toThrow(/neither a folder nor a Hugging Face model id/);
    expect(namesBuiltIn('builtin-tuned') && namesBuiltIn('tiny') && !namesBuiltIn('owner/model') && !namesBuiltIn(undefined)).toBe(true);
  });
});

describe('checkReferenceDiffers', () => {
  it('refuses the generator as its own reference, naming the model it is the base of', () => {
    const plain = { kind: 'path', path: '/models/builtin-plain' } as const;
    expect(() => checkReferenceDiffers(plain, plain, index)).toThrow(/implicit reward would be 0 for every answer; it is the base of builtin-tuned: try --generator builtin-tuned/);
    expect(() => checkReferenceDiffers({ kind: 'hub', id: 'a/b' }, { kind: 'hub', id: 'a/b' }, null)).toThrow(/is the generator itself \(a\/b\)/);
    expect(() => checkReferenceDiffers({ kind: 'path', path: '/models/builtin-tuned' }, plain, index)).not.toThrow();
  });
});
