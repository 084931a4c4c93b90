import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatPercent, formatRatio, formatReward } from './format.ts';

describe('format', () => {
  it('writes bytes in decimal units with sensible precision', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.50 KB');
    expect(formatBytes(269_060_000)).toBe('269 MB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
    expect(formatBytes(-1)).toBe('–');
  });

  it('writes durations from milliseconds to minutes', () => {
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(45_600)).toBe('45.6 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('signs rewards and never prints minus zero', () => {
    expect(formatReward(1.234)).toBe('+1.23');
    expect(formatReward(-0.5)).toBe('-0.50');
    expect(formatReward(0)).toBe('0.00');
    expect(formatReward(-0)).toBe('0.00');
    // Not zero, but under 0.005: two significant digits, so it does not read as a zero.
    expect(formatReward(-0.001)).toBe('-0.0010');
    expect(formatReward(0.0031415)).toBe('+0.0031');
    expect(formatReward(null)).toBe('–');
  });

  it('writes percents, counts and ratios', () => {
    expect(formatPercent(0.4567)).toBe('46%');
    expect(formatPercent(0.4567, 1)).toBe('45.7%');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatRatio(3.44)).toBe('3.4x');
    expect(formatRatio(16.2)).toBe('16x');
    expect(formatRatio(0)).toBe('–');
  });
});
