import { describe, expect, it } from 'vitest';
import { defaultSpeed, RACE_SPEEDS, speedLabel } from './race-speed.ts';

describe('race speeds', () => {
  it('offers the fastest speed that still lasts a few seconds', () => {
    expect(defaultSpeed(275)).toBe(1 / 16); // a built-in run: 4.4 s at 1/16×
    expect(defaultSpeed(10_000)).toBe(1); // a hub model's run at its own pace
    expect(defaultSpeed(120_000)).toBe(16);
    expect(defaultSpeed(10)).toBe(1 / 64);
  });

  it('labels 1× as the recorded pace, slower ones as fractions', () => {
    expect(RACE_SPEEDS.map(speedLabel)).toEqual(['1/64×', '1/16×', '1/4×', '1×', '4×', '16×']);
  });
});
