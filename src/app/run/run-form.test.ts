import { describe, expect, it } from 'vitest';
import { checkRunForm, formToInput, initialRunForm, prefixGrid, routeErrors, writtenNumberErrors } from './run-form.ts';

describe('run form', () => {
  it('turns the default fields into a valid config', () => {
    const check = checkRunForm(initialRunForm('Tell me a story.'), { kvBytesPerToken: 512 });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.config).toMatchObject({
      prompt: 'Tell me a story.', n: 16, maxNewTokens: 48, kvBudgetBytes: 800 * 512, methods: ['bon', 'spr', 'treebon'],
      spr: { alpha: 0.5, decision: { mode: 'memory' } }, prefixScoreLengths: [8, 16, 32],
      treebon: { children: 4, layers: 4, ucb: null },
    });
  });

  it('explains bad values next to their field', () => {
    const form = { ...initialRunForm(''), n: '0', alpha: '1', temperature: 'hot', topP: '1.5' };
    const check = checkRunForm(form);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['alpha', 'n', 'prompt', 'temperature', 'topP']);
    expect(check.errors.temperature).toMatch(/number/);
    expect(check.errors.alpha).toMatch(/below 1/);
  });

  it('sends fixed decision lengths through, and rejects ones past max new tokens', () => {
    const fixed = { ...initialRunForm('Hi'), decisionMode: 'fixed' as const, decisionLengths: '4, 8,16' };
    expect(formToInput(fixed, 512).spr).toMatchObject({ decision: { mode: 'fixed', lengths: [4, 8, 16] } });
    const tooLong = checkRunForm({ ...fixed, decisionLengths: '8, 64' });
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.errors.decisionLengths).toMatch(/below max new tokens/);
  });

  it('checks the KV budget against the loaded model when it is known', () => {
    const form = { ...initialRunForm('Hi'), kvBudgetTokens: '40' };
    const check = checkRunForm(form, { promptTokens: 10, kvBytesPerToken: 512, maxPositions: 2048 });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.kvBudgetTokens).toMatch(/KV budget/);
    expect(checkRunForm({ ...form, kvBudgetTokens: '58' }, { promptTokens: 10, kvBytesPerToken: 512 }).ok).toBe(true);
  });

  it('sends TreeBoN\'s branching, with UCB only when it is on, and explains bad values next to its fields', () => {
    const ucb = { ...initialRunForm('Hi'), ucbMode: 'on' as const, ucbC: '0.5', ucbFloor: '0', treebonChildren: '2', treebonLayers: '3' };
    const check = checkRunForm(ucb);
    expect(check.ok && check.config.treebon).toEqual({ children: 2, layers: 3, ucb: 0.5, ucbFloor: 0 });
    const bad = checkRunForm({ ...ucb, n: '4', treebonChildren: '8', treebonLayers: '0', ucbC: '-1', ucbFloor: 'x' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.treebonChildren).toMatch(/cannot exceed N \(4\)/);
    expect(bad.errors.treebonLayers).toMatch(/Layers/);
    expect(bad.errors.ucbC).toMatch(/UCB constant/);
    expect(bad.errors.ucbFloor).toMatch(/number/);
    // TreeBoN's fields are not checked when it does not run.
    expect(checkRunForm({ ...ucb, methods: ['bon'], treebonLayers: '0' }).ok).toBe(true);
  });

  it('combines scorers only when there are several, and checks the soft-min temperature', () => {
    const form = { ...initialRunForm('Hi'), combineRule: 'softmin' as const, combineNormalize: 'rank' as const, combineTemperature: '0.2' };
    const two = checkRunForm(form, { scorers: 2 });
    expect(two.ok && two.config.combine).toEqual({ rule: 'softmin', normalize: 'rank', temperature: 0.2 });
    const cold = checkRunForm({ ...form, combineTemperature: '0' }, { scorers: 2 });
    expect(!cold.ok && cold.errors.combineTemperature).toMatch(/soft-min temperature/);
    expect(checkRunForm({ ...form, combineTemperature: '0' }, { scorers: 1 }).ok).toBe(true);
  });

  it('takes counts written in digits only: "1e3" and "0x10" are refused with how to write them', () => {
    for (const n of ['1e3', '0x10', '0b11', '8.0']) {
      const check = checkRunForm({ ...initialRunForm('Hi'), n });
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.errors.n).toBe(`N must be a whole number written in digits, like 16, not "${n}".`);
    }
    const hex = checkRunForm({ ...initialRunForm('Hi'), temperature: '0x1', kvBudgetTokens: '1e4', seed: '0o7' });
    expect(!hex.ok && hex.errors).toMatchObject({
      temperature: expect.stringMatching(/decimal number, like 0.7, not "0x1"/), kvBudgetTokens: expect.stringMatching(/digits.*"1e4"/), seed: expect.stringMatching(/digits/),
    });
    expect(checkRunForm({ ...initialRunForm('Hi'), decisionMode: 'fixed', decisionLengths: '4, 0x10' }).ok).toBe(false);
    // Plain numbers still pass: digits for counts, decimals (and exponents) for fractions; a word is "not a number".
    expect(checkRunForm({ ...initialRunForm('Hi'), n: ' 24 ', temperature: '.7', topP: '9e-1', seed: '-3' }).ok).toBe(true);
    expect(checkRunForm({ ...initialRunForm('Hi'), n: 'lots' })).toMatchObject({ ok: false, errors: { n: expect.stringMatching(/whole number/) } });
    // A field the run does not use is not checked.
    expect(writtenNumberErrors({ ...initialRunForm('Hi'), methods: ['bon'], treebonChildren: '1e1', alpha: '0x1' })).toEqual({});
  });

  it('blames a prompt longer than the model reads on the prompt, not on the KV budget or "at most 0 new tokens"', () => {
    const check = checkRunForm(initialRunForm('a very long prompt'), { promptTokens: 5000, kvBytesPerToken: 512, maxPositions: 2048 });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual({ prompt: 'The prompt is 5000 tokens, but the model reads at most 2048 (prompt and answer together): shorten the prompt.' });
    // A prompt that fits but leaves too little room still names the answer length.
    const tight = checkRunForm({ ...initialRunForm('Hi'), kvBudgetTokens: '100000' }, { promptTokens: 2040, kvBytesPerToken: 512, maxPositions: 2048 });
    expect(!tight.ok && tight.errors.maxNewTokens).toMatch(/use at most 8 new tokens/);
  });

  it('lists errors about settings the panel does not show apart', () => {
    expect(routeErrors([{ field: 'replayAlphas', message: 'bad alphas' }, { field: 'n', message: 'bad n' }])).toEqual({
      ok: false, errors: { n: 'bad n' }, other: ['bad alphas'],
    });
  });

  it('starts Speculative Rejection from the same N or the same memory, and checks the cap only when it applies', () => {
    const form = { ...initialRunForm('hello'), sprStart: 'memory' as const, sprMaxStart: '300' };
    const ok = checkRunForm(form);
    expect(ok.ok && ok.config.spr).toMatchObject({ initial: 'memory', maxInitial: 300 });
    expect(checkRunForm({ ...form, sprMaxStart: '0' })).toMatchObject({ ok: false, errors: { sprMaxStart: expect.stringMatching(/between 1 and 4096/) } });
    expect(checkRunForm({ ...form, sprStart: 'n', sprMaxStart: 'lots' }).ok).toBe(true);
  });

  it('scores prefixes at powers of two below the response length', () => {
    expect(prefixGrid(48)).toEqual([8, 16, 32]);
    expect(prefixGrid(8)).toEqual([]);
    // Fixed decision lengths join the grid (the α replay is then exact); bad or too long ones do not.
    expect(prefixGrid(48, [4, 16, 'x', 2.5, 60])).toEqual([4, 8, 16, 32]);
  });
});
