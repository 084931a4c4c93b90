// Pure tests: settings written into a link and read back (no DOM, no model).
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../models/catalog.ts';
import { defaultSelection } from '../models/selection.ts';
import { initialRunForm, type RunForm } from '../run/run-form.ts';
import { readSettingsQuery, settingsQuery, withLinkedModels } from './url-settings.ts';

const entry = (id: string, kind: CatalogEntry['kind'], referenceFor: string | null = null): CatalogEntry => ({ id, label: id, kind, description: '', bytes: 1, random: false, referenceFor });
const catalog = [entry('gen', 'generator'), entry('tuned', 'generator'), entry('reward', 'reward'), entry('base', 'generator', 'tuned')];
const base = initialRunForm('hello');

describe('settings in a link', () => {
  it('round-trips every run setting and the models', () => {
    const form: RunForm = {
      ...base, prompt: 'the war, & "more" = ?', methods: ['spr', 'bon'], n: '48', alpha: '0.7', maxNewTokens: '96', kvBudgetTokens: '900', seed: '9',
      temperature: '0.8', topK: '20', topP: '0.9', decisionMode: 'fixed', decisionLengths: '4, 12', sprStart: 'memory', sprMaxStart: '300',
      treebonChildren: '2', treebonLayers: '3', ucbMode: 'on', ucbC: '1.5', ucbFloor: '0', combineRule: 'softmin', combineNormalize: 'rank', combineTemperature: '0.3',
    };
    const selection = { ...defaultSelection(catalog, 'wasm'), generator: { mode: 'hub' as const, builtinId: '', hubId: 'org/model', folder: null } };
    const read = readSettingsQuery(settingsQuery(form, selection), base, catalog);
    expect(read.problems).toEqual([]);
    expect({ ...base, ...read.form }).toEqual(form);
    const models = withLinkedModels(defaultSelection(catalog), read.models);
    expect(models.generator).toMatchObject({ mode: 'hub', hubId: 'org/model' });
    expect(models.scorers.map((s) => [s.kind, s.classifier.builtinId])).toEqual([['classifier', 'reward']]);
    expect(new URLSearchParams(settingsQuery(form, selection)).get('device')).toBe('wasm');
  });

  it('keeps the default of every bad value and says why, never throwing', () => {
    const read = readSettingsQuery('?n=1e3&alpha=lots&methods=bon,magic&sprStart=gpu&generator=builtin:nope&reward=hub:bad id&prompt=&colour=red', base, catalog);
    expect(read.form).toEqual({});
    expect(read.problems).toEqual([
      expect.stringMatching(/^prompt=: Write a prompt\. Kept hello\.$/),
      expect.stringMatching(/^methods=bon,magic: choose from bon, spr, treebon/),
      expect.stringMatching(/^n=1e3: .*digits.*Kept 16\.$/),
      expect.stringMatching(/^alpha=lots: .*Kept 0\.5\.$/),
      'sprStart=gpu: must be one of n, memory; kept n.',
      'generator=builtin:nope: there is no built-in model "nope"; kept the default generator.',
      'reward=hub:bad id: "bad id" is not a hub id (owner/name); left out.',
      '"colour" is not a setting this page knows; left out.',
    ]);
  });

  it('reads an implicit reward against a built-in base from reference=', () => {
    const read = readSettingsQuery('?generator=builtin:tuned&reference=builtin:base', base, catalog);
    const models = withLinkedModels(defaultSelection(catalog), read.models);
    expect(models.generator.builtinId).toBe('tuned');
    expect(models.scorers.map((s) => [s.kind, s.reference.builtinId])).toEqual([['implicit-dpo', 'base']]);
  });
});
