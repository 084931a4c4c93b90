// The candidate tree of one method, drawn on a canvas so that a frame costs the same at N = 1024 as at
// N = 16 (see tree-paint.ts). The layout is a pure function of the lane's events. Pointer and arrow keys
// select candidates by hit-testing that layout; the tooltip and the announcement are text. Rows thinner
// than a pixel aggregate; the zoom buttons magnify them and the view scrolls.
import { memo, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import type { CombineConfig } from '../../core/config.ts';
import { METHOD_COLORS } from '../method-style.ts';
import type { CandidateStatus, LaneState } from '../state/run-state.ts';
import { defaultTreeOptions, layoutTree, type DecisionMark, type TreeLayout } from '../tree/tree-layout.ts';
import { branchTooltip } from './scorer-text.ts';
import { countsLine, hitTest, isTreeKey, stepSelection, type TreeHit } from './tree-hit.ts';
import { paintTree, type TreeMark } from './tree-paint.ts';
import { TreeZoom } from './TreeZoom.tsx';
import { useElementWidth } from './use-element-width.ts';

interface Props {
  readonly lane: LaneState;
  readonly selected: number | null;
  readonly onSelect: (id: number) => void;
  /** Scorer names in the run's order, for the hover text (stable reference). */
  readonly scorerNames: readonly string[];
  readonly combine: CombineConfig | null;
  /** A decision (round) to ring: the one a step of the guided walk is about. */
  readonly highlightRound?: number | null;
  /** A candidate to point at with a ring and a word (Best-of-N's answer, in the other lanes). */
  readonly marked?: TreeMark | null;
}

const SHORT_STATUS: Readonly<Record<CandidateStatus, string>> = {
  queued: 'waiting', alive: 'being written', finished: 'finished', rejected: 'cut', branched: 'parents', stopped: 'stopped',
};

interface Hover {
  readonly hit: TreeHit;
  /** The pointer in the figure's coordinates (where the tooltip goes). */
  readonly x: number;
  readonly y: number;
}

export const CandidateTree = memo(function CandidateTree({ lane, selected, onSelect, scorerNames, combine, highlightRound = null, marked = null }: Props) {
  const figure = useRef<HTMLElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [zoom, setZoom] = useState(1);
  const [hover, setHover] = useState<Hover | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const width = useElementWidth(viewport, defaultTreeOptions.width);
  const layout = useMemo(() => layoutTree(lane, { ...defaultTreeOptions, width, zoom }), [lane, width, zoom]);
  const viewHeight = Math.min(layout.height, defaultTreeOptions.targetHeight + layout.top + layout.bottom);
  const counts = useMemo(() => countStatuses(layout), [layout]);

  // Painting reads the latest props through a ref, so a scroll repaints without rendering; the scroll
  // offset is kept as scrolled (reading scrollTop after React changed the page would force a layout).
  const scrollTop = useRef(0);
  const setScrollTop = (top: number) => {
    const v = viewport.current;
    if (!v) return;
    v.scrollTop = top;
    scrollTop.current = v.scrollTop;
  };
  const latest = useRef({ layout, viewHeight, selected, hovered: hover?.hit.ids ?? [], highlightRound, marked });
  latest.current = { layout, viewHeight, selected, hovered: hover?.hit.ids ?? [], highlightRound, marked };
  const paint = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const { layout: l, viewHeight: h, selected: s, hovered, highlightRound: round, marked: mark } = latest.current;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(l.width * ratio);
    const ph = Math.round(h * ratio);
    if (c.width !== w || c.height !== ph) {
      c.width = w;
      c.height = ph;
    }
    paintTree(ctx, l, {
      width: l.width, height: h, scrollTop: scrollTop.current, pixelRatio: ratio, selected: s, hovered, accent: METHOD_COLORS[lane.method],
      highlightRound: round, marked: mark,
    });
  };
  useLayoutEffect(paint);
  const frame = useRef(0);
  const onScroll = () => {
    scrollTop.current = viewport.current?.scrollTop ?? 0;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(paint);
  };

  // After a zoom, keep the selected candidate (else the middle of the view) where the eye was.
  const anchor = useRef<{ id: number | null; fraction: number } | null>(null);
  const zoomTo = (next: number) => {
    const v = viewport.current;
    anchor.current = { id: selected, fraction: v ? (scrollTop.current + viewHeight / 2) / Math.max(1, layout.height) : 0.5 };
    setZoom(next);
  };
  useLayoutEffect(() => {
    const a = anchor.current;
    const v = viewport.current;
    if (!a || !v) return;
    anchor.current = null;
    const target = layout.branches.find((b) => b.id === a.id)?.y ?? a.fraction * layout.height;
    setScrollTop(target - viewHeight / 2);
  }, [layout, viewHeight]);

  const hitAt = (e: { readonly clientX: number; readonly clientY: number }): Hover | null => {
    const rect = canvas.current?.getBoundingClientRect();
    const outer = figure.current?.getBoundingClientRect();
    if (!rect || !outer) return null;
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    if (y < layout.top - 6 || y > viewHeight - layout.bottom + 6) return null;
    const hit = hitTest(layout, x, y + scrollTop.current);
    return hit && { hit, x: e.clientX - outer.left, y: e.clientY - outer.top };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const next = hitAt(e);
    // Read synchronously by the end-to-end tests, which hover until they find a branch.
    e.currentTarget.dataset.hoverStatus = next ? statusOf(layout, next.hit.pick) : '';
    if (next?.hit.ids.join() !== hover?.hit.ids.join() || (next && hover && Math.abs(next.y - hover.y) > 24)) setHover(next);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const next = hitAt(e);
    if (next) onSelect(next.hit.pick);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!isTreeKey(e.key)) return;
    e.preventDefault();
    const next = stepSelection(layout, selected, e.key);
    if (next === null) return;
    onSelect(next);
    setAnnouncement(tooltipOf(next));
    const b = layout.branches.find((br) => br.id === next);
    if (b && (b.y - scrollTop.current < layout.top || b.y - scrollTop.current > viewHeight - layout.bottom)) setScrollTop(b.y - viewHeight / 2);
  };

  const tooltipOf = (id: number) => {
    const b = layout.branches.find((br) => br.id === id);
    return branchTooltip(lane.candidates.get(id), id, b?.status ?? '', b?.reward ?? null, scorerNames, combine);
  };
  const tooltip = hover && (hover.hit.ids.length === 1
    ? tooltipOf(hover.hit.pick)
    : `${countsLine(hover.hit, lane.method === 'treebon' ? { ...SHORT_STATUS, rejected: 'not chosen' } : SHORT_STATUS)}\nA click shows ${tooltipOf(hover.hit.pick).split('\n')[0]}; zoom in to tell them apart.`);

  return (
    <figure
      ref={figure} className="candidate-tree" data-testid="candidate-tree" data-candidates={layout.branches.length} data-alive={counts.alive}
      data-rejected={counts.rejected} data-winner={lane.end?.winner?.id ?? ''} data-bands={layout.bands.length} data-row-height={layout.rowHeight.toFixed(2)}
      data-highlight-round={highlightRound ?? ''} data-marked={marked?.id ?? ''}
    >
      <TreeZoom layout={layout} zoom={zoom} onZoom={zoomTo} />
      <div
        ref={viewport} className="tree-viewport" style={{ height: viewHeight }} tabIndex={0} role="group" aria-roledescription="candidate tree"
        aria-label={`${layout.branches.length} candidates, ${counts.rejected} ${lane.method === 'treebon' ? 'not chosen as parents' : 'cut at decision points'}. Arrow keys choose a candidate.`}
        onScroll={onScroll} onPointerMove={onPointerMove} onPointerLeave={() => setHover(null)} onClick={onClick} onKeyDown={onKeyDown}
      >
        <div className="tree-content" style={{ height: layout.height }}>
          <div className="tree-sticky" style={{ height: viewHeight }}>
            <canvas ref={canvas} data-testid="tree-canvas" style={{ width: layout.width, height: viewHeight }} aria-hidden="true" />
            {layout.decisions.map((d) => (
              <span
                key={d.round} className={d.round === highlightRound ? 'decision-mark highlighted' : 'decision-mark'} data-testid="decision-mark"
                data-round={d.round} style={labelPlace(d, layout.width)}
              >
                {d.label}
              </span>
            ))}
          </div>
        </div>
      </div>
      {tooltip && hover && (
        <div className="tree-tooltip" role="tooltip" data-testid="branch-tooltip" style={{ left: Math.max(0, Math.min(hover.x + 14, layout.width - 220)), top: hover.y + 18 }}>
          {tooltip}
        </div>
      )}
      <p className="sr-only" aria-live="polite">{announcement}</p>
    </figure>
  );
});

function labelPlace(d: DecisionMark, width: number): CSSProperties {
  const top = d.labelY - 10;
  return d.anchor === 'end' ? { right: width - d.x + 3, top } : { left: d.x + 3, top };
}

function statusOf(layout: TreeLayout, id: number): string {
  return layout.branches.find((b) => b.id === id)?.status ?? '';
}

function countStatuses(layout: TreeLayout): Record<CandidateStatus, number> {
  const counts: Record<CandidateStatus, number> = { queued: 0, alive: 0, finished: 0, rejected: 0, branched: 0, stopped: 0 };
  for (const b of layout.branches) counts[b.status]++;
  return counts;
}
