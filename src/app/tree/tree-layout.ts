// The candidate tree in pixels, as a pure function of a lane's state: each candidate is a horizontal
// branch whose length is its response length in tokens, on the row tree-rows.ts gives it. Rows may be
// thinner than a pixel (N = 1024 in a few hundred pixels): the painter then draws them in aggregate.
import type { CandidateStatus, CandidateView, LaneState } from '../state/run-state.ts';
import { treeRows, type TreeRows } from './tree-rows.ts';

export interface TreeLayoutOptions {
  readonly width: number;
  /** Height the rows share before they shrink to `minRowHeight`. */
  readonly targetHeight: number;
  readonly minRowHeight: number;
  readonly maxRowHeight: number;
  /** Magnifies rows beyond the fitted height (1 = fit; the view then scrolls), up to `maxRowHeight`. */
  readonly zoom: number;
}

/** Rows may shrink below a pixel: the view aggregates them rather than growing to thousands of pixels. */
export const defaultTreeOptions: TreeLayoutOptions = { width: 560, targetHeight: 360, minRowHeight: 0, maxRowHeight: 18, zoom: 1 };

export interface BranchLayout {
  readonly id: number;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  /** The connector from the parent (or batch trunk) down to this branch's start. */
  readonly parentY: number;
  readonly status: CandidateStatus;
  readonly winner: boolean;
  /** Final reward when scored, else the latest partial reward. */
  readonly reward: number | null;
  /**
   * A complete answer cut at a later decision (it ended before the decision and was outranked there):
   * x of that decision, so the painter can join the branch to the line where it was cut. Else null.
   */
  readonly cutAtX: number | null;
}

export interface BandLayout {
  readonly batch: number;
  readonly y0: number;
  readonly y1: number;
  readonly label: string;
}

export interface DecisionMark {
  readonly round: number;
  readonly x: number;
  readonly label: string;
  /** Baseline of the label: close decision points stack their labels instead of overlapping. */
  readonly labelY: number;
  /** Labels start right of their line, or end left of it when they would run past the right edge. */
  readonly anchor: 'start' | 'end';
}

/** Rough width of a label in the tree's 10 px font, enough to keep labels apart. */
const LABEL_CHAR_WIDTH = 5.6;
const LABEL_LINE = 11;

export interface TreeLayout {
  readonly width: number;
  readonly height: number;
  /** Pixels per row; below 1, several candidates share a pixel row. */
  readonly rowHeight: number;
  /** Rows the height is shared by (candidates that have no children, plus gaps between batches). */
  readonly slots: number;
  /** The strip above the rows that holds the decision labels, and the axis strip below them. */
  readonly top: number;
  readonly bottom: number;
  /** Whether rows are tall enough for a reward label beside each branch. */
  readonly showLabels: boolean;
  readonly branches: readonly BranchLayout[];
  readonly bands: readonly BandLayout[];
  readonly decisions: readonly DecisionMark[];
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
}

export const TREE_MARGIN = { left: 16, right: 56, top: 22, bottom: 22 } as const;

export function layoutTree(lane: LaneState, options: TreeLayoutOptions = defaultTreeOptions): TreeLayout {
  const rows = treeRows(lane);
  const slots = rows.slots;
  const fitted = clamp(options.targetHeight / slots, options.minRowHeight, options.maxRowHeight);
  const rowHeight = Math.max(fitted, Math.min(options.maxRowHeight, fitted * Math.max(1, options.zoom)));
  const innerHeight = rowHeight * Math.max(0, slots - 1);
  const labels = lane.decisions.map((d) => decisionLabel(lane.method, d));
  const innerWidth = options.width - TREE_MARGIN.left - TREE_MARGIN.right;
  let longest = Math.max(1, lane.start?.maxNewTokens ?? 0);
  for (const c of lane.candidates.values()) longest = Math.max(longest, c.length);
  const maxTokens = longest;
  const xOf = (tokens: number) => TREE_MARGIN.left + (Math.min(tokens, maxTokens) / maxTokens) * innerWidth;
  const anchors = lane.decisions.map((d, i): DecisionMark['anchor'] => (xOf(d.length) + 3 + (labels[i] ?? '').length * LABEL_CHAR_WIDTH > options.width ? 'end' : 'start'));
  const labelRows = stackLabels(lane.decisions.map((d, i) => {
    const width = (labels[i] ?? '').length * LABEL_CHAR_WIDTH;
    return { x: anchors[i] === 'end' ? xOf(d.length) - 3 - width : xOf(d.length), width };
  }));
  const top = TREE_MARGIN.top + Math.max(0, ...labelRows) * LABEL_LINE;
  const height = innerHeight + top + TREE_MARGIN.bottom;
  const yOf = (position: number) => top + position * innerHeight;

  const winner = lane.end?.winner?.id ?? null;
  // A branch is laid out again only when its candidate changed (a new CandidateView) or the geometry did:
  // while a run streams in, that is the candidates still being written, not all N of them every frame.
  const cache = branchCache(rows, `${rowHeight} ${innerHeight} ${top} ${maxTokens} ${innerWidth} ${winner}`);
  const branches: BranchLayout[] = [];
  for (const id of lane.order) {
    const c = lane.candidates.get(id);
    if (!c) continue;
    let branch = cache.get(c);
    if (!branch) {
      const position = rows.position.get(id);
      if (position === undefined) continue;
      branch = {
        id: c.id, x0: xOf(c.prefixLength), x1: xOf(c.length), y: yOf(position), parentY: yOf(rows.parentPosition.get(id) ?? position),
        status: c.status, winner: c.id === winner, reward: c.finalReward ?? c.partials.at(-1)?.reward ?? null,
        cutAtX: cutAfterEnding(lane, c, xOf),
      };
      cache.set(c, branch);
    }
    branches.push(branch);
  }
  const bands = rows.batches.length > 1 ? bandsOf(lane, rows.batches, rowHeight, yOf) : [];
  const decisions = lane.decisions.map((d, i) => ({
    round: d.round, x: xOf(d.length), label: labels[i] ?? '', labelY: 10 + (labelRows[i] ?? 0) * LABEL_LINE, anchor: anchors[i] ?? 'start',
  }));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * maxTokens)).filter((v, i, a) => a.indexOf(v) === i)
    .map((tokens) => ({ x: xOf(tokens), label: String(tokens) }));
  return {
    width: options.width, height, rowHeight, slots, top, bottom: TREE_MARGIN.bottom, showLabels: rowHeight >= 10, branches, bands, decisions, ticks,
  };
}

/** Where a rejected candidate that had already ended was cut: the x of that decision, or null. */
function cutAfterEnding(lane: LaneState, c: CandidateView, xOf: (tokens: number) => number): number | null {
  if (c.status !== 'rejected' || c.finishReason === null) return null;
  const last = c.partials.at(-1);
  const decision = last && !last.kept ? lane.decisions.find((d) => d.round === last.round) : undefined;
  return decision && decision.length > c.length ? xOf(decision.length) : null;
}

const branchCaches = new WeakMap<TreeRows, { key: string; branches: WeakMap<CandidateView, BranchLayout> }>();

/** Branch layouts by candidate, for one set of rows and one geometry (scales, winner) named by `key`. */
function branchCache(rows: TreeRows, key: string): WeakMap<CandidateView, BranchLayout> {
  let cache = branchCaches.get(rows);
  if (!cache || cache.key !== key) {
    cache = { key, branches: new WeakMap() };
    branchCaches.set(rows, cache);
  }
  return cache.branches;
}

/** What a decision point did, in the method's words: TreeBoN picks parents at a layer's end. */
export function decisionLabel(method: LaneState['method'], d: { round: number; kept: number; total: number }): string {
  return method === 'treebon' ? `layer ${d.round}: ${d.kept} parent${d.kept === 1 ? '' : 's'} of ${d.total}` : `decision ${d.round}: kept ${d.kept} of ${d.total}`;
}

/** Greedy rows: each label goes on the first row where it starts after the previous label there ends. */
export function stackLabels(labels: readonly { x: number; width: number }[]): number[] {
  const rowEnds: number[] = [];
  return labels.map(({ x, width }) => {
    let row = rowEnds.findIndex((end) => x > end + 4);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = x + width;
    return row;
  });
}

/** Best-of-N plans ceil(N / rows the KV budget holds) sequential batches; later ones appear as they start. */
function plannedBatches(lane: LaneState): number {
  const start = lane.start;
  if (!start || lane.method !== 'bon' || start.capacityRows <= 0) return 1;
  return Math.ceil(start.n / start.capacityRows);
}

function bandsOf(
  lane: LaneState, batches: readonly { batch: number; lo: number; hi: number }[], rowHeight: number, yOf: (position: number) => number,
): BandLayout[] {
  const planned = Math.max(batches.length, plannedBatches(lane));
  // One pass over the candidates for every band's state (Best-of-N may run a hundred batches).
  const seen = new Map<number, { alive: boolean; allQueued: boolean }>();
  for (const c of lane.candidates.values()) {
    const s = seen.get(c.batch) ?? { alive: false, allQueued: true };
    seen.set(c.batch, { alive: s.alive || c.status === 'alive', allQueued: s.allQueued && c.status === 'queued' });
  }
  return batches.map(({ batch, lo, hi }) => {
    const s = seen.get(batch);
    const state = s?.alive ? 'decoding' : s?.allQueued ? `waits for batch ${batch}` : 'done';
    return { batch, y0: yOf(lo) - rowHeight / 2, y1: yOf(hi) + rowHeight / 2, label: `batch ${batch + 1} of ${planned} · ${state}` };
  });
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
