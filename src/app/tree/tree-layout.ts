// The candidate tree as a pure function of a lane's state: each candidate is a horizontal branch
// whose length is its response length in tokens; d3's cluster layout orders the rows so children sit
// around their parent (TreeBoN) and Best-of-N's sequential batches form separate bands.
import { cluster, hierarchy, type HierarchyPointNode } from 'd3-hierarchy';
import type { CandidateStatus, CandidateView, LaneState } from '../state/run-state.ts';

export interface TreeLayoutOptions {
  readonly width: number;
  /** Height the rows share before they shrink to `minRowHeight`. */
  readonly targetHeight: number;
  readonly minRowHeight: number;
  readonly maxRowHeight: number;
}

export const defaultTreeOptions: TreeLayoutOptions = { width: 560, targetHeight: 360, minRowHeight: 3, maxRowHeight: 18 };

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
}

/** Rough width of a label in the tree's 10 px font, enough to keep labels apart. */
const LABEL_CHAR_WIDTH = 5.6;
const LABEL_LINE = 11;

export interface TreeLayout {
  readonly width: number;
  readonly height: number;
  readonly rowHeight: number;
  /** Whether rows are tall enough for a reward label beside each branch. */
  readonly showLabels: boolean;
  readonly branches: readonly BranchLayout[];
  readonly bands: readonly BandLayout[];
  readonly decisions: readonly DecisionMark[];
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
}

export const TREE_MARGIN = { left: 16, right: 56, top: 22, bottom: 22 } as const;

type NodeDatum =
  | { readonly kind: 'root' }
  | { readonly kind: 'batch'; readonly batch: number }
  | { readonly kind: 'candidate'; readonly candidate: CandidateView };

interface TreeNode {
  readonly datum: NodeDatum;
  readonly children: TreeNode[];
}

export function layoutTree(lane: LaneState, options: TreeLayoutOptions = defaultTreeOptions): TreeLayout {
  const root = buildHierarchy(lane);
  const leaves = hierarchy(root, (n) => n.children).leaves().length;
  const gaps = countBatches(lane) > 1 ? countBatches(lane) - 1 : 0;
  const slots = Math.max(1, leaves + gaps);
  const rowHeight = clamp(options.targetHeight / slots, options.minRowHeight, options.maxRowHeight);
  const innerHeight = rowHeight * Math.max(0, slots - 1);
  const labels = lane.decisions.map((d) => decisionLabel(lane.method, d));
  const innerWidth = options.width - TREE_MARGIN.left - TREE_MARGIN.right;
  const maxTokens = Math.max(1, lane.start?.maxNewTokens ?? 0, ...[...lane.candidates.values()].map((c) => c.length));
  const xOf = (tokens: number) => TREE_MARGIN.left + (Math.min(tokens, maxTokens) / maxTokens) * innerWidth;
  const labelRows = stackLabels(lane.decisions.map((d, i) => ({ x: xOf(d.length), width: (labels[i] ?? '').length * LABEL_CHAR_WIDTH })));
  const top = TREE_MARGIN.top + Math.max(0, ...labelRows) * LABEL_LINE;
  const height = innerHeight + top + TREE_MARGIN.bottom;

  const placed = cluster<TreeNode>()
    .size([innerHeight, 1])
    .separation((a, b) => (a.parent === b.parent ? 1 : 2))(hierarchy(root, (n) => n.children));
  const yOf = (node: HierarchyPointNode<TreeNode>) => top + (slots === 1 ? innerHeight / 2 : node.x);

  const winner = lane.end?.winner?.id ?? null;
  const branches: BranchLayout[] = [];
  const bands: BandLayout[] = [];
  const batches = Math.max(countBatches(lane), plannedBatches(lane));
  for (const node of placed.descendants()) {
    const datum = node.data.datum;
    if (datum.kind === 'batch' && countBatches(lane) > 1) bands.push(bandOf(node, datum.batch, batches, lane, rowHeight, yOf));
    if (datum.kind !== 'candidate') continue;
    const c = datum.candidate;
    branches.push({
      id: c.id, x0: xOf(c.prefixLength), x1: xOf(c.length), y: yOf(node), parentY: node.parent ? yOf(node.parent) : yOf(node),
      status: c.status, winner: c.id === winner, reward: c.finalReward ?? c.partials.at(-1)?.reward ?? null,
    });
  }
  const decisions = lane.decisions.map((d, i) => ({
    round: d.round, x: xOf(d.length), label: labels[i] ?? '', labelY: 10 + (labelRows[i] ?? 0) * LABEL_LINE,
  }));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * maxTokens)).filter((v, i, a) => a.indexOf(v) === i)
    .map((tokens) => ({ x: xOf(tokens), label: String(tokens) }));
  return { width: options.width, height, rowHeight, showLabels: rowHeight >= 10, branches, bands, decisions, ticks };
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

function buildHierarchy(lane: LaneState): TreeNode {
  const root: TreeNode = { datum: { kind: 'root' }, children: [] };
  const nodes = new Map<number, TreeNode>();
  for (const id of lane.order) {
    const candidate = lane.candidates.get(id);
    if (candidate) nodes.set(id, { datum: { kind: 'candidate', candidate }, children: [] });
  }
  const batchNodes = new Map<number, TreeNode>();
  const batchNode = (batch: number): TreeNode => {
    let node = batchNodes.get(batch);
    if (!node) {
      node = { datum: { kind: 'batch', batch }, children: [] };
      batchNodes.set(batch, node);
    }
    return node;
  };
  for (const id of lane.order) {
    const node = nodes.get(id);
    const c = lane.candidates.get(id);
    if (!node || !c) continue;
    const parent = c.parent === null ? undefined : nodes.get(c.parent);
    (parent ?? batchNode(c.batch)).children.push(node);
  }
  root.children.push(...[...batchNodes.entries()].sort(([a], [b]) => a - b).map(([, node]) => node));
  return root;
}

function countBatches(lane: LaneState): number {
  const batches = new Set<number>();
  for (const c of lane.candidates.values()) if (c.parent === null) batches.add(c.batch);
  return batches.size;
}

/** Best-of-N plans ceil(N / rows the KV budget holds) sequential batches; later ones appear as they start. */
function plannedBatches(lane: LaneState): number {
  const start = lane.start;
  if (!start || lane.method !== 'bon' || start.capacityRows <= 0) return 1;
  return Math.ceil(start.n / start.capacityRows);
}

function bandOf(
  node: HierarchyPointNode<TreeNode>, batch: number, batches: number, lane: LaneState, rowHeight: number,
  yOf: (n: HierarchyPointNode<TreeNode>) => number,
): BandLayout {
  const ys = node.leaves().map(yOf);
  const members = [...lane.candidates.values()].filter((c) => c.batch === batch);
  const state = members.some((c) => c.status === 'alive') ? 'decoding'
    : members.every((c) => c.status === 'queued') ? `waits for batch ${batch}` : 'done';
  return {
    batch, y0: Math.min(...ys) - rowHeight / 2, y1: Math.max(...ys) + rowHeight / 2,
    label: `batch ${batch + 1} of ${batches} · ${state}`,
  };
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
