// Pure logic: hit-testing layouts of hand-written event logs (fixtures), not engine output.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.ts';
import { sprEvents } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState, type LaneState } from '../state/run-state.ts';
import { defaultTreeOptions, layoutTree } from '../tree/tree-layout.ts';
import { countsLine, hitTest, readingOrder, stepSelection } from './tree-hit.ts';

const laneOf = (events: readonly RunEvent[]): LaneState => {
  const lane = applyEvents(emptyRunState, events).lanes.spr;
  if (!lane) throw new Error('no lane');
  return lane;
};

const manyRoots = (n: number): RunEvent[] => [
  sprEvents[0] as RunEvent,
  { method: 'spr', t: 2001, type: 'spawn', candidates: Array.from({ length: n }, (_, id) => ({ id, parent: null, batch: 0, prefixLength: 0 })) },
  { method: 'spr', t: 2002, type: 'step', step: 1, alive: n, kvBytes: 0, totals: { decodedTokens: n, prefillTokens: 0, rewardTokens: 0, steps: 1, peakKvBytes: 0, wallMs: 1, generateMs: 1, scoreMs: 0, pruneMs: 0 } },
];

describe('hitTest', () => {
  it('finds the branch under the pointer, and nothing beside or beyond it', () => {
    const layout = layoutTree(laneOf(sprEvents));
    for (const b of layout.branches) expect(hitTest(layout, (b.x0 + b.x1) / 2, b.y + 1)?.ids).toEqual([b.id]);
    const last = layout.branches.at(-1);
    if (!last) throw new Error('no branch');
    expect(hitTest(layout, last.x1 + 40, last.y)).toBeNull(); // right of its end
    expect(hitTest(layout, last.x0, last.y + 40)).toBeNull(); // below every row
  });

  it('picks the winner of a pixel row shared by several candidates, and counts them by status', () => {
    const layout = layoutTree(laneOf(manyRoots(1024)));
    expect(layout.rowHeight).toBeLessThan(1);
    const b = layout.branches[500];
    if (!b) throw new Error('no branch');
    const hit = hitTest(layout, b.x0 + 2, b.y);
    expect(hit?.ids.length).toBeGreaterThanOrEqual(2);
    expect(hit?.ids).toContain(b.id);
    expect(hit && countsLine(hit, { queued: 'waiting', alive: 'being written', finished: 'finished', rejected: 'cut', branched: 'parents', stopped: 'stopped' }))
      .toBe(`${hit?.ids.length} candidates in this pixel row: ${hit?.ids.length} being written`);
  });

  it('tells single rows apart once zoomed in', () => {
    const layout = layoutTree(laneOf(manyRoots(1024)), { ...defaultTreeOptions, zoom: 64 });
    const b = layout.branches[500];
    if (!b) throw new Error('no branch');
    expect(hitTest(layout, b.x0 + 2, b.y)?.ids).toEqual([b.id]);
  });
});

describe('keyboard selection', () => {
  it('walks the rows top to bottom and stops at either end', () => {
    const layout = layoutTree(laneOf(sprEvents));
    const order = readingOrder(layout).map((b) => b.id);
    expect(stepSelection(layout, null, 'ArrowDown')).toBe(order[0]);
    expect(stepSelection(layout, null, 'ArrowUp')).toBe(order.at(-1));
    expect(stepSelection(layout, order[0] ?? null, 'ArrowDown')).toBe(order[1]);
    expect(stepSelection(layout, order[0] ?? null, 'ArrowUp')).toBe(order[0]);
    expect(stepSelection(layout, order[1] ?? null, 'End')).toBe(order.at(-1));
    expect(stepSelection(layout, order.at(-1) ?? null, 'Home')).toBe(order[0]);
    expect(stepSelection(layout, order[0] ?? null, 'PageDown')).toBe(order.at(-1)); // fewer than 10 rows
  });
});
