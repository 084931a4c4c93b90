// Pure logic: float16 bit patterns to numbers.
import { describe, expect, it } from 'vitest';
import { halfBitsToFloat } from './tensorData.ts';

describe('halfBitsToFloat', () => {
  it.each([
    [0x0000, 0],
    [0x3c00, 1],
    [0xc000, -2],
    [0x3555, 0.333251953125],
    [0x7bff, 65504],
    [0x0001, 2 ** -24],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])('%i -> %d', (bits, value) => {
    expect(halfBitsToFloat(bits)).toBe(value);
  });
  it('NaN', () => expect(halfBitsToFloat(0x7e00)).toBeNaN());
});
