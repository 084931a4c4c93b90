import { describe, expect, it } from 'vitest';
import { candidateRng } from './random.ts';
import { allocateChildren, layerEnds } from './treeBranching.ts';

describe('layerEnds', () => {
  it('splits l_max into near-equal segments ending at l_max', () => {
    expect(layerEnds(32, 4)).toEqual([8, 16, 24, 32]);
    expect(layerEnds(10, 3)).toEqual([3, 7, 10]);
    expect(layerEnds(5, 1)).toEqual([5]);
  });
});

describe('allocateChildren', () => {
  const parents = [
    { id: 4, meanReward: 2 },
    { id: 9, meanReward: 1 },
    { id: 1, meanReward: 0.5 },
  ];

  it('splits evenly without a UCB constant', () => {
    expect(allocateChildren(parents, 12, null)).toEqual([4, 4, 4]);
    expect(allocateChildren(parents, 7, null)).toEqual([3, 2, 2]);
  });

  it('gives every slot to the best mean with c = 0 and no floor, and spreads them as c grows', () => {
    expect(allocateChildren(parents, 12, 0, 0)).toEqual([12, 0, 0]);
    const wide = allocateChildren(parents, 12, 100, 0);
    expect(wide.reduce((a, b) => a + b, 0)).toBe(12);
    expect(Math.max(...wide) - Math.min(...wide)).toBeLessThanOrEqual(1);
  });

  it('follows mean + c sqrt(ln n_total / n_parent) slot by slot', () => {
    // Slot 1: n_total = 3, all n = 1: 2 + sqrt(ln 3) wins (parent 0).
    // Slot 2: n_total = 4: parent 0: 2 + sqrt(ln 4 / 2) = 2.833; parent 1: 1 + sqrt(ln 4) = 2.177 -> parent 0.
    // Slot 3: n_total = 5: parent 0: 2 + sqrt(ln 5 / 3) = 2.733; parent 1: 1 + sqrt(ln 5) = 2.269 -> parent 0.
    expect(allocateChildren(parents, 3, 1, 0)).toEqual([3, 0, 0]);
    // c = 2. Slot 2: parent 0: 2 + 2 sqrt(ln 4 / 2) = 3.665; parent 1: 1 + 2 sqrt(ln 4) = 3.355 -> parent 0.
    // Slot 3: parent 0: 2 + 2 sqrt(ln 5 / 3) = 3.465; parent 1: 1 + 2 sqrt(ln 5) = 3.537 -> parent 1.
    expect(allocateChildren(parents, 3, 2, 0)).toEqual([2, 1, 0]);
  });

  it('gives every parent its floor first (1 by default), then the rest by UCB', () => {
    // c = 0: after the floor, every slot goes to the best mean.
    expect(allocateChildren(parents, 12, 0)).toEqual([10, 1, 1]);
    expect(allocateChildren(parents, 12, 0, 2)).toEqual([8, 2, 2]);
    // Floor 1, c = 10, 5 slots: [1, 1, 1] first. Slot 4 (n_total = 6): all n = 2, the best mean wins (parent 0).
    // Slot 5 (n_total = 7): parent 0: 2 + 10 sqrt(ln 7 / 3) = 10.054; parent 1: 1 + 10 sqrt(ln 7 / 2) = 10.864;
    // parent 2: 0.5 + 10 sqrt(ln 7 / 2) = 10.364 -> parent 1.
    expect(allocateChildren(parents, 5, 10)).toEqual([2, 2, 1]);
    // A floor the slots cannot give to everyone shrinks to what they can.
    expect(allocateChildren(parents, 4, 0, 2)).toEqual([2, 1, 1]);
    expect(allocateChildren(parents, 2, 0, 1)).toEqual([2, 0, 0]);
  });

  it('sums to the slot budget and honours the floor for any parents, slots, c and floor', () => {
    const rng = candidateRng(7, 0);
    for (let trial = 0; trial < 500; trial++) {
      const count = 1 + Math.floor(rng() * 8);
      const stats = Array.from({ length: count }, (_, id) => ({ id, meanReward: rng() * 4 - 2 }));
      const floor = Math.floor(rng() * 4);
      const slots = count * floor + Math.floor(rng() * 20);
      const c = rng() < 0.2 ? 0 : rng() * 5;
      const shares = allocateChildren(stats, slots, c, floor);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(slots);
      for (const share of shares) expect(share).toBeGreaterThanOrEqual(floor);
    }
  });
});
