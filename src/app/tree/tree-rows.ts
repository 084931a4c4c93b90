// Where each candidate's row sits in its lane, as a fraction of the tree's height: d3's cluster layout
// orders the rows so children sit around their parent (TreeBoN) and Best-of-N's sequential batches form
// separate groups. Rows depend only on who was spawned where (parent, batch), which changes at spawn
// events alone, so this is computed once per spawn (cached on the lane's `order` array), not per frame.
import { cluster, hierarchy } from 'd3-hierarchy';
import type { CandidateView, LaneState } from '../state/run-state.ts';

export interface TreeRows {
  /** Rows the height is shared by: leaves plus a gap row between batches. */
  readonly slots: number;
  /** Each candidate's row position in [0, 1] (0.5 for a single row), in the order of `lane.order`. */
  readonly position: ReadonlyMap<number, number>;
  /** Position of what the candidate's connector starts from: its parent, or its batch's trunk. */
  readonly parentPosition: ReadonlyMap<number, number>;
  /** Batches that started (roots' batch numbers), with the positions of their first and last rows. */
  readonly batches: readonly { readonly batch: number; readonly lo: number; readonly hi: number }[];
}

type NodeDatum =
  | { readonly kind: 'root' }
  | { readonly kind: 'batch'; readonly batch: number }
  | { readonly kind: 'candidate'; readonly candidate: CandidateView };

interface TreeNode {
  readonly datum: NodeDatum;
  readonly children: TreeNode[];
}

const cache = new WeakMap<readonly number[], TreeRows>();

export function treeRows(lane: Pick<LaneState, 'order' | 'candidates'>): TreeRows {
  let rows = cache.get(lane.order);
  if (!rows) {
    rows = computeRows(lane);
    cache.set(lane.order, rows);
  }
  return rows;
}

function computeRows(lane: Pick<LaneState, 'order' | 'candidates'>): TreeRows {
  const root = buildHierarchy(lane);
  const h = hierarchy(root, (n) => n.children);
  const leaves = h.leaves().length;
  const batchCount = root.children.length;
  const slots = Math.max(1, leaves + (batchCount > 1 ? batchCount - 1 : 0));
  const placed = cluster<TreeNode>().size([1, 1]).separation((a, b) => (a.parent === b.parent ? 1 : 2))(h);
  const at = (x: number) => (slots === 1 ? 0.5 : x);
  const position = new Map<number, number>();
  const parentPosition = new Map<number, number>();
  const batches: { batch: number; lo: number; hi: number }[] = [];
  for (const node of placed.descendants()) {
    const datum = node.data.datum;
    if (datum.kind === 'batch') {
      const ys = node.leaves().map((l) => at(l.x));
      batches.push({ batch: datum.batch, lo: Math.min(...ys), hi: Math.max(...ys) });
    }
    if (datum.kind !== 'candidate') continue;
    position.set(datum.candidate.id, at(node.x));
    parentPosition.set(datum.candidate.id, at(node.parent ? node.parent.x : node.x));
  }
  return { slots, position, parentPosition, batches };
}

function buildHierarchy(lane: Pick<LaneState, 'order' | 'candidates'>): TreeNode {
  const root: TreeNode = { datum: { kind: 'root' }, children: [] };
  const nodes = new Map<number, TreeNode>();
  for (const id of lane.order) {
    const candidate = lane.candidates.get(id);
    if (candidate) nodes.set(id, { datum: { kind: 'candidate', candidate }, children: [] });
  }
  const batchNodes = new Map<number, TreeNode>();
  for (const id of lane.order) {
    const node = nodes.get(id);
    const c = lane.candidates.get(id);
    if (!node || !c) continue;
    const parent = c.parent === null ? undefined : nodes.get(c.parent);
    if (parent) {
      parent.children.push(node);
      continue;
    }
    let batch = batchNodes.get(c.batch);
    if (!batch) {
      batch = { datum: { kind: 'batch', batch: c.batch }, children: [] };
      batchNodes.set(c.batch, batch);
    }
    batch.children.push(node);
  }
  root.children.push(...[...batchNodes.entries()].sort(([a], [b]) => a - b).map(([, node]) => node));
  return root;
}
