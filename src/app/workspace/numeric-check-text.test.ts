import { describe, expect, it } from 'vitest';
import { numericCheck } from '../../core/numericCheck.ts';
import { formatDifference, numericCheckText } from './numeric-check-text.ts';

describe('the numerical check in words', () => {
  it('gives the largest difference when WebGPU agrees with WASM', () => {
    expect(numericCheckText(numericCheck('fp32', 0.000123, 0.0013))).toEqual({ agrees: true, text: 'numbers checked against WASM: max difference 0.0013 (tolerance 0.002 for fp32)' });
    // fp32 agreed to the last bit on SwiftShader.
    expect(numericCheckText(numericCheck('fp32', 0)).text).toBe('numbers checked against WASM: max difference 0 (tolerance 0.002 for fp32)');
  });

  it('warns and says to switch to WASM when they differ, or WebGPU gave no number', () => {
    const off = numericCheckText(numericCheck('fp16', 0.41));
    expect(off.agrees).toBe(false);
    expect(off.text).toMatch(/^WebGPU's numbers differ from WASM's \(max difference 0\.41; fp16 allows 0\.02\).*Switch to WASM/);
    expect(numericCheckText(numericCheck('fp16', Infinity)).text).toMatch(/WebGPU gave NaN or infinity/);
  });

  it('formats differences to three significant digits', () => {
    expect(formatDifference(0.0031234)).toBe('0.00312');
    expect(formatDifference(0.00001234)).toBe('1.2e-5');
    expect(formatDifference(12.345)).toBe('12.3');
  });
});
