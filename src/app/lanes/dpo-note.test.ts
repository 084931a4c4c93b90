import { describe, expect, it } from 'vitest';
import { isApproximateSmolPair } from './dpo-note.ts';

describe('isApproximateSmolPair', () => {
  const base = { id: 'onnx-community/SmolLM2-135M-ONNX', label: 'SmolLM2-135M-ONNX', kind: 'implicit-dpo' };
  it('is the Instruct model against SmolLM2-135M, scored by the implicit DPO reward', () => {
    expect(isApproximateSmolPair('HuggingFaceTB/SmolLM2-135M-Instruct', [base])).toBe(true);
  });
  it('is not another pair, a classifier, or the Instruct model against itself', () => {
    expect(isApproximateSmolPair('builtin-brown-lm-positive', [base])).toBe(false);
    expect(isApproximateSmolPair('HuggingFaceTB/SmolLM2-135M-Instruct', [{ ...base, kind: 'classifier' }])).toBe(false);
    expect(isApproximateSmolPair('HuggingFaceTB/SmolLM2-135M-Instruct', [{ id: 'x/SmolLM2-135M-Instruct', label: 'SmolLM2-135M-Instruct', kind: 'implicit-dpo' }])).toBe(false);
    expect(isApproximateSmolPair(null, [base])).toBe(false);
  });
});
