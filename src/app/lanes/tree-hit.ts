// Which candidate is under the pointer, and which comes next for the arrow keys, on a drawn tree layout.
// Rows thinner than a pixel share a pixel row: a hit there is every candidate in it, the pick being the
// winner or else the best rewarded, and the tooltip counts them.
import type { CandidateStatus } from '../state/run-state.ts';
import type { BranchLayout, TreeLayout } from '../tree/tree-layout.ts';

export interface TreeHit {
  /** Every candidate under the pointer (one unless rows are thinner than a pixel), top to bottom. */
  readonly ids: readonly number[];
  /** The one a click selects. */
  readonly pick: number;
  readonly counts: Readonly<Partial<Record<CandidateStatus, number>>>;
}

/** Horizontal slack around a branch, so that short ones can be hit. */
const SLACK_X = 6;

/** `y` in layout coordinates (the view's y plus its scroll). */
export function hitTest(layout: TreeLayout, x: number, y: number): TreeHit | null {
  const onX = (b: BranchLayout) => x >= b.x0 - SLACK_X && x <= Math.max(b.x1, b.x0 + 8) + SLACK_X;
  let hits: BranchLayout[];
  if (layout.rowHeight < 1) {
    const row = Math.floor(y);
    hits = layout.branches.filter((b) => Math.floor(b.y) === row && onX(b));
  } else {
    const reach = Math.max(layout.rowHeight / 2, 4);
    let best: BranchLayout | null = null;
    for (const b of layout.branches) {
      const d = Math.abs(b.y - y);
      if (d <= reach && onX(b) && (best === null || d < Math.abs(best.y - y))) best = b;
    }
    hits = best ? [best] : [];
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const counts: Partial<Record<CandidateStatus, number>> = {};
  for (const b of hits) counts[b.status] = (counts[b.status] ?? 0) + 1;
  const pick = hits.find((b) => b.winner) ?? hits.reduce((best, b) => ((b.reward ?? -Infinity) > (best.reward ?? -Infinity) ? b : best));
  return { ids: hits.map((b) => b.id), pick: pick.id, counts };
}

const orders = new WeakMap<TreeLayout, readonly BranchLayout[]>();

/** Branches top to bottom (then left to right): the order the arrow keys walk. */
export function readingOrder(layout: TreeLayout): readonly BranchLayout[] {
  let order = orders.get(layout);
  if (!order) {
    order = [...layout.branches].sort((a, b) => a.y - b.y || a.x0 - b.x0);
    orders.set(layout, order);
  }
  return order;
}

export type TreeKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End';

export function isTreeKey(key: string): key is TreeKey {
  return ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(key);
}

/** The candidate a key moves the selection to (from the first one when nothing is selected). */
export function stepSelection(layout: TreeLayout, selected: number | null, key: TreeKey): number | null {
  const order = readingOrder(layout);
  if (order.length === 0) return null;
  const at = order.findIndex((b) => b.id === selected);
  const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: -Infinity, End: Infinity }[key];
  const from = at === -1 ? (step > 0 ? -1 : order.length) : at;
  const to = Math.max(0, Math.min(order.length - 1, Number.isFinite(step) ? from + step : step > 0 ? order.length - 1 : 0));
  return order[to]?.id ?? null;
}

/** "3 candidates in this pixel row: 2 being written, 1 cut", for the tooltip of aggregated rows. */
export function countsLine(hit: TreeHit, words: Readonly<Record<CandidateStatus, string>>): string {
  const parts = Object.entries(hit.counts).map(([status, n]) => `${n} ${words[status as CandidateStatus]}`);
  return `${hit.ids.length} candidates in this pixel row: ${parts.join(', ')}`;
}
