// Zoom for trees whose rows are thinner than the eye can tell apart: each step doubles the row height
// (the view then scrolls), up to rows tall enough for their reward labels.
import { defaultTreeOptions, type TreeLayout } from '../tree/tree-layout.ts';

interface Props {
  readonly layout: TreeLayout;
  readonly zoom: number;
  readonly onZoom: (zoom: number) => void;
}

export function TreeZoom({ layout, zoom, onZoom }: Props) {
  const canZoomIn = layout.rowHeight < defaultTreeOptions.maxRowHeight;
  if (!canZoomIn && zoom <= 1) return null;
  const perPixel = layout.rowHeight < 1 ? Math.round(1 / layout.rowHeight) : 0;
  return (
    <div className="tree-zoom">
      <button type="button" aria-label="Zoom out" disabled={zoom <= 1} onClick={() => onZoom(Math.max(1, zoom / 2))}>−</button>
      <button type="button" aria-label="Zoom in" disabled={!canZoomIn} onClick={() => onZoom(zoom * 2)}>+</button>
      <span className="muted" data-testid="tree-zoom-state">
        {perPixel > 0 ? `about ${perPixel} candidates per pixel row: zoom in to tell them apart` : zoom > 1 ? `rows ${Math.round(layout.rowHeight)} px (scroll)` : 'zoom to read single rows'}
      </span>
    </div>
  );
}
