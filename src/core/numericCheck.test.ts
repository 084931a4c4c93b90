import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { largestDifference, logitDifference, numericCheck, NumericCheckSchema, scoreDifference, toleranceFor, topIndices } from './numericCheck.ts';

describe('the WebGPU numerical check', () => {
  const reference = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i) * 10);

  it('compares the reference\'s top logits, relative to the largest of them', () => {
    expect(topIndices([1, 5, 3, 4], 2)).toEqual([1, 3]);
    expect(logitDifference(reference, reference)).toBe(0);
    const top = topIndices(reference, 20);
    const scale = Math.max(...top.map((i) => Math.abs(reference[i]!)));
    const shifted = Float32Array.from(reference, (x, i) => (i === top[3] ? x + 0.05 : x));
    expect(logitDifference(shifted, reference)).toBeCloseTo(0.05 / scale, 6);
    // The tail, where nothing is sampled, is not compared.
    const tail = topIndices(reference.map((x) => -x), 1)[0]!;
    expect(logitDifference(reference.map((x, i) => (i === tail ? x + 100 : x)), reference)).toBe(0);
    // Small logits are compared in absolute terms.
    expect(logitDifference([0.1, 0.2], [0.1, 0.25], 2)).toBeCloseTo(0.05, 6);
  });

  it('counts NaN, infinities and a wrong length as the largest difference', () => {
    expect(logitDifference(reference.map((x, i) => (i === topIndices(reference, 1)[0] ? NaN : x)), reference)).toBe(Infinity);
    expect(logitDifference(reference.slice(1), reference)).toBe(Infinity);
    expect(scoreDifference(NaN, 1)).toBe(Infinity);
    expect(scoreDifference(2.5, 2)).toBeCloseTo(0.25, 6);
    expect(scoreDifference(0.3, 0.1)).toBeCloseTo(0.2, 6);
  });

  it('takes fp16\'s rounding but not a wrong number; fp32 is held tighter', () => {
    expect(toleranceFor('fp16')).toBe(0.02);
    expect(toleranceFor('fp32')).toBe(0.002);
    expect(numericCheck('fp16', 0.01, 0.001)).toEqual({ device: 'webgpu', dtype: 'fp16', logitDifference: 0.01, rewardDifference: 0.001, tolerance: 0.02, agrees: true });
    expect(numericCheck('fp32', 0.01).agrees).toBe(false);
    expect(numericCheck('fp32', 0.0001, 0.5).agrees).toBe(false);
    expect(numericCheck('fp32', 0.0001)).not.toHaveProperty('rewardDifference');
    const broken = numericCheck('fp16', Infinity, 0);
    expect(broken).toMatchObject({ logitDifference: null, agrees: false });
    expect(largestDifference(broken)).toBeNull();
    expect(largestDifference(numericCheck('fp16', 0.003, 0.004))).toBe(0.004);
  });

  it('is a record a run file can carry', () => {
    const check = numericCheck('fp32', 0.0003, 0.0001);
    expect(v.parse(NumericCheckSchema, JSON.parse(JSON.stringify(check)))).toEqual(check);
    expect(v.is(NumericCheckSchema, { ...check, tolerance: -1 })).toBe(false);
  });
});
