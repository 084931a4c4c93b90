// Pure logic: layouts of a hand-written event log (a fixture), not of engine output.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.ts';
import { bonEvents, sprEvents } from '../fixtures/two-method-run.ts';
import { applyEvents, emptyRunState, type LaneState } from '../state/run-state.ts';
import { defaultTreeOptions, layoutTree, stackLabels, TREE_MARGIN } from './tree-layout.ts';
import { treeRows } from './tree-rows.ts';

const laneOf = (events: readonly RunEvent[]): LaneState => {
  const state = applyEvents(emptyRunState, events);
  const lane = state.lanes[state.methods[0] ?? 'bon'];
  if (!lane) throw new Error('no lane');
  return lane;
};
const innerWidth = defaultTreeOptions.width - TREE_MARGIN.left - TREE_MARGIN.right;

describe('layoutTree', () => {
  it('draws one branch per candidate, as long as its response', () => {
    const layout = layoutTree(laneOf(sprEvents));
    expect(layout.branches.map((b) => b.id)).toEqual([0, 1, 2, 3]);
    const rejected = layout.branches.find((b) => b.id === 0);
    const survivor = layout.branches.find((b) => b.id === 3);
    expect(rejected?.x1).toBeCloseTo(TREE_MARGIN.left + innerWidth / 2); // cut at 2 of 4 tokens
    expect(survivor?.x1).toBeCloseTo(TREE_MARGIN.left + innerWidth);
    expect(rejected?.status).toBe('rejected');
    expect(rejected?.reward).toBe(-0.4);
  });

  it('highlights the winner and marks decision points', () => {
    const layout = layoutTree(laneOf(sprEvents));
    expect(layout.branches.filter((b) => b.winner).map((b) => b.id)).toEqual([3]);
    expect(layout.decisions).toEqual([{ round: 1, x: TREE_MARGIN.left + innerWidth / 2, label: 'decision 1: kept 2 of 4', labelY: 10, anchor: 'start' }]);
  });

  it('joins a complete answer cut at a later decision to that decision\'s line', () => {
    // #0 ends after 1 token (before the decision at 2) and is outranked there: cut after it ended.
    const events = sprEvents.flatMap((e): RunEvent[] => {
      if (e.type === 'step' && e.step === 1) return [e, { method: 'spr', t: e.t, type: 'finish', id: 0, length: 1, reason: 'stop-token', text: 'Hmm' }];
      if (e.type === 'decision') return [{ ...e, candidates: e.candidates.map((c) => (c.id === 0 ? { ...c, length: 1, finished: true, text: 'Hmm' } : c)) }];
      return [e];
    });
    const layout = layoutTree(laneOf(events));
    const ended = layout.branches.find((b) => b.id === 0);
    expect(ended?.status).toBe('rejected');
    expect(ended?.x1).toBeCloseTo(TREE_MARGIN.left + innerWidth / 4);
    expect(ended?.cutAtX).toBeCloseTo(TREE_MARGIN.left + innerWidth / 2);
    // Cut mid-answer, at the decision itself: nothing to join.
    expect(layout.branches.find((b) => b.id === 2)?.cutAtX).toBeNull();
  });

  it('stacks the labels of close decision points instead of overlapping them', () => {
    expect(stackLabels([{ x: 10, width: 100 }, { x: 40, width: 100 }, { x: 200, width: 50 }, { x: 60, width: 10 }])).toEqual([0, 1, 0, 2]);
  });

  it('grows branches while the run is in flight', () => {
    const early = layoutTree(laneOf(sprEvents.slice(0, 3)));
    const later = layoutTree(laneOf(sprEvents.slice(0, 4)));
    expect(later.branches[0]?.x1).toBeGreaterThan(early.branches[0]?.x1 ?? Infinity);
  });

  it('shows sequential Best-of-N batches as separate bands, in order', () => {
    const layout = layoutTree(laneOf(bonEvents));
    expect(layout.bands.map((b) => b.label)).toEqual(['batch 1 of 2 · done', 'batch 2 of 2 · done']);
    const [first, second] = layout.bands;
    expect(first && second && first.y1 <= second.y0).toBe(true);
    const ys = layout.branches.map((b) => b.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('labels the planned batch count before later batches spawn', () => {
    const layout = layoutTree(laneOf(bonEvents.slice(0, 4)));
    expect(layout.bands).toEqual([]); // one batch spawned so far: no bands yet
    const twoBatches = layoutTree(laneOf(bonEvents.slice(0, 10)));
    expect(twoBatches.bands.map((b) => b.label)).toEqual(['batch 1 of 2 · done', 'batch 2 of 2 · decoding']);
  });

  it('places TreeBoN children after their parent, around its row', () => {
    const start = { ...(sprEvents[0] as RunEvent), method: 'treebon' } as RunEvent;
    const events: RunEvent[] = [
      start,
      { method: 'treebon', t: 2001, type: 'spawn', candidates: [{ id: 0, parent: null, batch: 0, prefixLength: 0 }, { id: 1, parent: null, batch: 0, prefixLength: 0 }] },
      { method: 'treebon', t: 2002, type: 'spawn', candidates: [{ id: 2, parent: 0, batch: 0, prefixLength: 2 }, { id: 3, parent: 0, batch: 0, prefixLength: 2 }] },
    ];
    const layout = layoutTree(laneOf(events));
    const byId = new Map(layout.branches.map((b) => [b.id, b]));
    const parent = byId.get(0);
    const child = byId.get(2);
    const sibling = byId.get(3);
    expect(child?.x0).toBeCloseTo(TREE_MARGIN.left + innerWidth / 2);
    expect(child?.parentY).toBe(parent?.y);
    expect(parent && child && sibling && (child.y - parent.y) * (sibling.y - parent.y)).toBeLessThan(0);
  });

  it('shares the height among many candidates, below a pixel a row at N = 1024, and drops per-branch labels', () => {
    const many = (n: number): RunEvent[] => [
      sprEvents[0] as RunEvent,
      { method: 'spr', t: 2001, type: 'spawn', candidates: Array.from({ length: n }, (_, id) => ({ id, parent: null, batch: 0, prefixLength: 0 })) },
    ];
    const layout = layoutTree(laneOf(many(128)));
    expect(layout.branches).toHaveLength(128);
    expect(layout.rowHeight).toBeCloseTo(defaultTreeOptions.targetHeight / 128);
    expect(layout.showLabels).toBe(false);
    expect(layoutTree(laneOf(sprEvents)).showLabels).toBe(true);
    const thousand = layoutTree(laneOf(many(1024)));
    expect(thousand.rowHeight).toBeLessThan(1);
    expect(thousand.height).toBeLessThanOrEqual(defaultTreeOptions.targetHeight + thousand.top + thousand.bottom);
  });

  it('zooms rows up to the tallest row height, keeping their order', () => {
    const lane = laneOf([
      sprEvents[0] as RunEvent,
      { method: 'spr', t: 2001, type: 'spawn', candidates: Array.from({ length: 1024 }, (_, id) => ({ id, parent: null, batch: 0, prefixLength: 0 })) },
    ]);
    const fit = layoutTree(lane);
    const zoomed = layoutTree(lane, { ...defaultTreeOptions, zoom: 8 });
    expect(zoomed.rowHeight).toBeCloseTo(fit.rowHeight * 8);
    expect(layoutTree(lane, { ...defaultTreeOptions, zoom: 1000 }).rowHeight).toBe(defaultTreeOptions.maxRowHeight);
    expect(zoomed.branches.map((b) => b.id)).toEqual(fit.branches.map((b) => b.id));
    expect((zoomed.branches[1]?.y ?? 0) - (zoomed.branches[0]?.y ?? 0)).toBeCloseTo(zoomed.rowHeight);
  });

  it('lays the rows out once per spawn: batches that only grow branches keep the cached rows', () => {
    const state = applyEvents(emptyRunState, sprEvents.slice(0, 3));
    const grown = applyEvents(state, sprEvents.slice(3, 4));
    expect(grown.lanes.spr?.order).toBe(state.lanes.spr?.order);
    expect(treeRows(grown.lanes.spr as LaneState)).toBe(treeRows(state.lanes.spr as LaneState));
  });
});
