import { describe, expect, it } from 'vitest';
import { checkRunForm, formToInput, initialRunForm, prefixGrid, routeErrors } from './run-form.ts';

describe('run form', () => {
  it('turns the default fields into a valid config', () => {
    const check = checkRunForm(initialRunForm('Tell me a story.'), { kvBytesPerToken: 512 });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.config).toMatchObject({
      prompt: 'Tell me a story.', n: 16, maxNewTokens: 48, kvBudgetBytes: 1200 * 512, methods: ['bon', 'spr'],
      spr: { alpha: 0.5, decision: { mode: 'memory' } }, prefixScoreLengths: [8, 16, 32],
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

  it('lists errors about settings the panel does not show apart', () => {
    expect(routeErrors([{ field: 'combine.rule', message: 'bad rule' }, { field: 'n', message: 'bad n' }])).toEqual({
      ok: false, errors: { n: 'bad n' }, other: ['bad rule'],
    });
  });

  it('scores prefixes at powers of two below the response length', () => {
    expect(prefixGrid(48)).toEqual([8, 16, 32]);
    expect(prefixGrid(8)).toEqual([]);
  });
});
