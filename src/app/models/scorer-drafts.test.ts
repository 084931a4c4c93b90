import { describe, expect, it } from 'vitest';
import { parseCatalog } from './catalog.ts';
import { addScorer, newScorer, removeScorer, replaceScorer, toRewardSpecs } from './scorer-drafts.ts';
import { draft } from './source-draft.ts';

const catalog = parseCatalog([
  { id: 'gen', label: 'Generator', kind: 'generator', bytes: 10, trained: true },
  { id: 'gen-base', label: 'Generator base', kind: 'reference', bytes: 10, referenceFor: 'gen' },
  { id: 'positivity', label: 'Positivity', kind: 'reward', bytes: 5, trained: true },
  { id: 'random-reward', label: 'Random reward', kind: 'reward', bytes: 5, random: true },
]);

describe('scorer drafts', () => {
  it('adds built-in reward models not used yet, then the implicit reward, then one from the hub', () => {
    let scorers = [newScorer(catalog, 'gen', 'classifier', 0)];
    expect(scorers[0]?.classifier).toMatchObject({ mode: 'builtin', builtinId: 'positivity' });
    scorers = addScorer(scorers, catalog, 'gen');
    expect(scorers[1]).toMatchObject({ key: 1, kind: 'classifier', classifier: { mode: 'builtin', builtinId: 'random-reward' } });
    scorers = addScorer(scorers, catalog, 'gen');
    expect(scorers[2]).toMatchObject({ key: 2, kind: 'implicit-dpo', reference: { mode: 'builtin', builtinId: 'gen-base' } });
    scorers = addScorer(scorers, catalog, 'gen');
    expect(scorers[3]).toMatchObject({ key: 3, kind: 'classifier', classifier: { mode: 'hub', hubId: '' } });
    expect(toRewardSpecs(scorers)).toEqual({ ok: false, problem: 'reward model (scorer 4): Type a model id, e.g. HuggingFaceTB/SmolLM2-135M-Instruct.' });
    expect(toRewardSpecs(scorers.slice(0, 3))).toEqual({
      ok: true,
      rewards: [
        { kind: 'classifier', source: { kind: 'builtin', id: 'positivity' } },
        { kind: 'classifier', source: { kind: 'builtin', id: 'random-reward' } },
        { kind: 'implicit-dpo', reference: { kind: 'builtin', id: 'gen-base' } },
      ],
    });
  });

  it('removes any scorer but the last, and keeps keys unique after a removal', () => {
    const two = addScorer([newScorer(catalog, 'gen', 'classifier', 0)], catalog, 'gen');
    const one = removeScorer(two, 0);
    expect(one.map((s) => s.key)).toEqual([1]);
    expect(removeScorer(one, 1)).toHaveLength(1);
    expect(addScorer(one, catalog, 'gen').map((s) => s.key)).toEqual([1, 2]);
  });

  it('keeps both sources when the kind changes, and sends the one the kind uses', () => {
    const s = newScorer(catalog, 'gen', 'classifier', 0);
    const implicit = replaceScorer([s], { ...s, kind: 'implicit-dpo' });
    expect(toRewardSpecs(implicit)).toEqual({ ok: true, rewards: [{ kind: 'implicit-dpo', reference: { kind: 'builtin', id: 'gen-base' } }] });
    const back = replaceScorer(implicit, { ...s, kind: 'classifier' });
    expect(back[0]?.classifier.builtinId).toBe('positivity');
  });

  it('refuses the same model twice, naming both scorers', () => {
    const a = newScorer(catalog, 'gen', 'classifier', 0);
    const b = { ...newScorer(catalog, 'gen', 'classifier', 1), classifier: draft('builtin', 'positivity', '') };
    expect(toRewardSpecs([a, b])).toEqual({ ok: false, problem: 'Scorers 1 and 2 are the same model: remove one, or pick another.' });
    expect(toRewardSpecs([])).toEqual({ ok: false, problem: 'Add at least one reward model.' });
  });
});
