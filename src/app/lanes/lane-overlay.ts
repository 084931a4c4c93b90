// What is drawn over the lanes besides the run: the decision a step of the guided walk is about, the
// candidate it points at, and where Best-of-N's answer went in each lane (a ring on the tree, a line
// of text). Provided by the workspace; the lanes read it, the warm-up and tests need none.
import { createContext, useContext } from 'react';
import type { MethodId } from '../../core/events.ts';
import type { TreeMark } from './tree-paint.ts';

export interface LaneMark extends TreeMark {
  readonly method: MethodId;
}

export interface LaneOverlay {
  readonly decision: { readonly method: MethodId; readonly round: number } | null;
  /** At most one per lane; the first for a lane wins. */
  readonly marks: readonly LaneMark[];
  /** A line of text under a lane's status. */
  readonly notes: Readonly<Partial<Record<MethodId, string>>>;
}

export const NO_OVERLAY: LaneOverlay = { decision: null, marks: [], notes: {} };

export const LaneOverlayContext = createContext<LaneOverlay>(NO_OVERLAY);

export function useLaneOverlay(method: MethodId): { highlightRound: number | null; marked: LaneMark | null; note: string | null } {
  const overlay = useContext(LaneOverlayContext);
  return {
    highlightRound: overlay.decision?.method === method ? overlay.decision.round : null,
    marked: overlay.marks.find((m) => m.method === method) ?? null,
    note: overlay.notes[method] ?? null,
  };
}
