import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from './config.ts';
import { validateRunConfig } from './validateRunConfig.ts';

const base = defaultRunConfig('Explain tides.');

function errorsOf(input: unknown, context = {}): Record<string, string> {
  const result = validateRunConfig(input, context);
  if (result.ok) return {};
  return Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
}

describe('validateRunConfig', () => {
  it('accepts the defaults and fills what a partial input leaves out', () => {
    expect(validateRunConfig(base)).toEqual({ ok: true, config: base });
    const partial = validateRunConfig({ prompt: 'Hi', n: 8, spr: { alpha: 0.25 } });
    expect(partial.ok && partial.config).toEqual({ ...defaultRunConfig('Hi'), n: 8, spr: { ...base.spr, alpha: 0.25 } });
  });

  it('has the reference defaults', () => {
    expect(base.sampling).toEqual({ temperature: 1, topK: 50, topP: 1 });
    expect(base.spr.alpha).toBe(0.5);
    expect(base.spr.decision).toEqual({ mode: 'memory' });
    expect(base.seed).toBe(1);
  });

  it('names each field at fault with a message a person can act on', () => {
    expect(errorsOf({ ...base, prompt: '   ' })).toEqual({ prompt: 'Write a prompt.' });
    expect(errorsOf({ ...base, n: 0 })).toEqual({ n: 'N must be between 1 and 1024.' });
    expect(errorsOf({ ...base, n: 2000 })).toEqual({ n: 'N must be between 1 and 1024.' });
    expect(errorsOf({ ...base, n: 2.5 })).toEqual({ n: 'N must be a whole number between 1 and 1024.' });
    expect(errorsOf({ ...base, maxNewTokens: 0 })).toEqual({ maxNewTokens: 'Max new tokens must be at least 1.' });
    expect(errorsOf({ ...base, seed: 1.5 })).toEqual({ seed: expect.stringMatching(/^Seed must be a whole number/) });
    expect(errorsOf({ ...base, kvBudgetBytes: 0 })).toEqual({ kvBudgetBytes: 'The KV budget must be above 0.' });
    expect(errorsOf({ ...base, kvBudgetBytes: 'lots' })).toEqual({ kvBudgetBytes: 'The KV budget must be a number.' });
  });

  it('checks sampling ranges', () => {
    expect(errorsOf({ ...base, sampling: { temperature: -0.1, topK: 1.5, topP: 0 } })).toEqual({
      'sampling.temperature': 'Temperature must be at least 0.',
      'sampling.topK': 'Top-k must be a whole number at least 0.',
      'sampling.topP': 'Top-p must be above 0 and at most 1.',
    });
    expect(errorsOf({ ...base, sampling: { topP: 1.01 } })).toEqual({ 'sampling.topP': 'Top-p must be above 0 and at most 1.' });
    expect(errorsOf({ ...base, sampling: 3 })).toEqual({ sampling: 'Sampling must be a group of settings.' });
  });

  it('checks Speculative Rejection settings when it runs', () => {
    expect(errorsOf({ ...base, spr: { ...base.spr, alpha: 1 } })).toEqual({ 'spr.alpha': 'Alpha (the fraction rejected) must be at least 0 and below 1.' });
    expect(errorsOf({ ...base, spr: { ...base.spr, alpha: -0.1 } })).toHaveProperty('spr.alpha');
    expect(errorsOf({ ...base, spr: { ...base.spr, decision: { mode: 'fixed', lengths: [16, 8] } } })).toEqual({
      'spr.decision.lengths': 'Decision lengths must be strictly increasing (8 comes after 16).',
    });
    expect(errorsOf({ ...base, spr: { ...base.spr, decision: { mode: 'fixed', lengths: [16, 128] } } })).toEqual({
      'spr.decision.lengths': 'Decision lengths must be below max new tokens (128); 128 is not.',
    });
    expect(errorsOf({ ...base, spr: { ...base.spr, decision: { mode: 'fixed', lengths: [] } } })).toEqual({
      'spr.decision.lengths': 'Give at least one decision length, or let memory decide.',
    });
    expect(errorsOf({ ...base, spr: { ...base.spr, decision: { mode: 'later' } } })).toEqual({
      'spr.decision.mode': 'The decision schedule must be one of "memory", "fixed".',
    });
    // Not run, not checked: a half-edited setting of an unused method does not block the run; it
    // falls back to the defaults, and valid ones are kept (Best-of-N reads the schedule for its replay).
    expect(validateRunConfig({ ...base, methods: ['bon'], spr: { ...base.spr, alpha: 3 } })).toMatchObject({ ok: true, config: { spr: base.spr } });
    const fixed = { ...base.spr, alpha: 0.2, decision: { mode: 'fixed', lengths: [4, 8] } };
    expect(validateRunConfig({ ...base, methods: ['bon'], spr: fixed })).toMatchObject({ ok: true, config: { spr: fixed } });
    // Methods that are themselves wrong leave every method's settings checked.
    expect(errorsOf({ ...base, methods: [1], spr: { decision: 5 } })).toEqual({
      methods: 'Methods must be a list of names.', 'spr.decision': 'The decision schedule must be a group of settings.',
    });
  });

  it('checks TreeBoN settings when it runs', () => {
    const tree = { ...base, methods: ['treebon'] };
    expect(errorsOf(tree)).toEqual({});
    expect(errorsOf({ ...tree, treebon: { ...base.treebon, children: 17 } })).toEqual({ 'treebon.children': 'Children per parent (17) cannot exceed N (16).' });
    expect(errorsOf({ ...tree, treebon: { ...base.treebon, children: 3 } })).toEqual({});
    // One child per parent is Best-of-N: allowed, as a check; none is not.
    expect(errorsOf({ ...tree, treebon: { ...base.treebon, children: 1 } })).toEqual({});
    expect(errorsOf({ ...tree, treebon: { ...base.treebon, children: 0 } })).toEqual({ 'treebon.children': 'Children per parent must be between 1 and 1024.' });
    expect(validateRunConfig({ ...tree, treebon: { children: 4, layers: 2, ucb: 1, ucbFloor: 0 } })).toMatchObject({ ok: true, config: { treebon: { ucbFloor: 0 } } });
    expect(errorsOf({ ...tree, treebon: { ...base.treebon, ucbFloor: 5 } })).toEqual({ 'treebon.ucbFloor': 'The UCB floor (children each parent gets first) must be between 0 and 4.' });
    expect(errorsOf({ ...tree, treebon: { ...base.treebon, ucbFloor: 0.5 } })).toHaveProperty(['treebon.ucbFloor']);
    expect(errorsOf({ ...tree, treebon: { ...base.treebon, layers: 129 } })).toEqual({ 'treebon.layers': 'Layers must be between 1 and 128.' });
    expect(errorsOf({ ...tree, treebon: { ...base.treebon, ucb: -1 } })).toEqual({ 'treebon.ucb': 'The UCB constant must be at least 0.' });
    expect(validateRunConfig({ ...tree, treebon: { children: 4, layers: 2, ucb: 1.5 } })).toMatchObject({ ok: true, config: { treebon: { ucb: 1.5 } } });
    expect(errorsOf({ ...base, methods: ['bon'], treebon: { ...base.treebon, children: 17 } })).toEqual({});
  });

  it('checks the methods', () => {
    expect(errorsOf({ ...base, methods: [] })).toEqual({ methods: 'Pick at least one method.' });
    expect(errorsOf({ ...base, methods: ['bon', 'beam'] })).toEqual({ methods: 'Unknown method "beam": choose from bon, spr, treebon.' });
    expect(errorsOf({ ...base, methods: ['bon', 'bon'] })).toEqual({ methods: 'Best-of-N is listed twice.' });
    expect(errorsOf({ ...base, methods: ['toString'] })).toHaveProperty('methods');
  });

  it('reports every wrong field at once, and checks between fields once both are valid', () => {
    expect(errorsOf({ prompt: 3, n: '5', maxNewTokens: 2, spr: { decision: { mode: 'fixed', lengths: [1, 5] } }, treebon: { layers: 3 } })).toEqual({
      prompt: 'The prompt must be text.',
      n: 'N must be a whole number between 1 and 1024.',
      'spr.decision.lengths': 'Decision lengths must be below max new tokens (2); 5 is not.',
      'treebon.layers': 'Layers must be between 1 and 2.',
    });
    // Methods that are no list leave every method's settings checked, between fields too.
    expect(errorsOf({ ...base, methods: 5, n: 4, treebon: { ...base.treebon, children: 8 } })).toEqual({
      methods: 'Methods must be a list of names.', 'treebon.children': 'Children per parent (8) cannot exceed N (4).',
    });
    // Against a wrong max new tokens only that field errs.
    expect(errorsOf({ ...base, maxNewTokens: -1, treebon: { ...base.treebon, layers: 500 }, prefixScoreLengths: [400] })).toEqual({ maxNewTokens: 'Max new tokens must be at least 1.' });
  });

  it('checks prefix lengths and combining', () => {
    expect(errorsOf({ ...base, prefixScoreLengths: [0, 4] })).toEqual({ prefixScoreLengths: 'Prefix lengths must be whole numbers of tokens, each at least 1.' });
    expect(errorsOf({ ...base, combine: { rule: 'max' } })).toEqual({ 'combine.rule': 'The combining rule must be one of "min", "softmin", "mean".' });
    expect(errorsOf({ ...base, combine: { temperature: 0 } })).toEqual({ 'combine.temperature': 'The soft-min temperature must be above 0.' });
  });

  it('checks the budget and length against the loaded model when known', () => {
    // One response is 10 prompt + 128 new = 138 tokens x 100 bytes = 13,800 bytes.
    expect(errorsOf({ ...base, kvBudgetBytes: 13_799 }, { promptTokens: 10, kvBytesPerToken: 100 })).toEqual({
      kvBudgetBytes: 'The KV budget holds 137 tokens, but one response needs 138 (prompt 10 + 128 new): give at least 13.5 KiB.',
    });
    expect(errorsOf({ ...base, kvBudgetBytes: 13_800 }, { promptTokens: 10, kvBytesPerToken: 100 })).toEqual({});
    expect(errorsOf(base, { promptTokens: 10, maxPositions: 100 })).toEqual({
      maxNewTokens: "The prompt (10 tokens) plus 128 new tokens exceeds the model's 100 positions; use at most 90 new tokens.",
    });
    // A prompt that fills every position is the prompt's error alone (not "at most 0 new tokens", not the budget).
    expect(errorsOf({ ...base, kvBudgetBytes: 1 }, { promptTokens: 100, maxPositions: 100, kvBytesPerToken: 100 })).toEqual({
      prompt: 'The prompt is 100 tokens, but the model reads at most 100 (prompt and answer together): shorten the prompt.',
    });
  });

  it('rejects input that is not an object', () => {
    expect(errorsOf('go')).toEqual({ '': 'The settings must be an object of named fields.' });
    expect(errorsOf(null)).toHaveProperty('');
    expect(errorsOf([])).toEqual({ '': 'The settings must be an object of named fields.' });
  });
});
