import { describe, expect, it } from 'vitest';
import { placeTip } from './tip-place.ts';

const viewport = { width: 420, height: 800 };

describe('placeTip', () => {
  it('centres the tip under its term', () => {
    expect(placeTip({ left: 100, top: 100, width: 60, height: 20 }, { width: 200, height: 80 }, viewport)).toEqual({ left: 30, top: 126, side: 'below' });
  });

  it('keeps the tip inside the viewport at both edges', () => {
    expect(placeTip({ left: 0, top: 100, width: 30, height: 20 }, { width: 300, height: 80 }, viewport).left).toBe(8);
    expect(placeTip({ left: 400, top: 100, width: 20, height: 20 }, { width: 300, height: 80 }, viewport).left).toBe(112);
  });

  it('goes above when there is no room below, below when there is room nowhere', () => {
    expect(placeTip({ left: 100, top: 760, width: 60, height: 20 }, { width: 200, height: 80 }, viewport)).toMatchObject({ side: 'above', top: 674 });
    expect(placeTip({ left: 100, top: 40, width: 60, height: 20 }, { width: 200, height: 780 }, viewport)).toMatchObject({ side: 'below' });
  });
});
