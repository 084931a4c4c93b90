// Draws a lane's tree layout on a canvas: the visible slice of the rows (the view scrolls when zoomed),
// with the decision lines and the token axis fixed. The cost follows the pixels, not the candidates ×
// tokens: one path per kind of branch, rows outside the view skipped, and rows thinner than a pixel
// snapped onto pixel rows (several candidates per pixel row, drawn as one line each, the live ones on top).
import { formatReward } from '../format.ts';
import type { CandidateStatus } from '../state/run-state.ts';
import type { BranchLayout, TreeLayout } from '../tree/tree-layout.ts';

export interface TreeView {
  /** CSS pixels of the canvas. */
  readonly width: number;
  readonly height: number;
  readonly scrollTop: number;
  readonly pixelRatio: number;
  readonly selected: number | null;
  readonly hovered: readonly number[];
  /** The method's colour, for its decision lines. */
  readonly accent: string;
  /** A decision drawn bold (the guided walk's step is about it). */
  readonly highlightRound?: number | null;
  /** A candidate ringed and named at the end of its branch. */
  readonly marked?: TreeMark | null;
}

export interface TreeMark {
  readonly id: number;
  /** A word or two beside the ring (the lane's text says the rest). */
  readonly label: string;
}

const MARK = '#7c3aed';

const FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const FONT = `10px ${FAMILY}`;

/** The canvas's colours: the legend's (styles.css) in light and in dark mode. The winner is gold in both. */
interface TreePalette {
  readonly background: string;
  readonly band: string;
  readonly muted: string;
  readonly link: string;
  readonly winner: string;
  readonly winnerText: string;
  readonly selected: string;
  /** Back to front: cut branches fade behind, the ones still being written on top. */
  readonly status: readonly (readonly [CandidateStatus, string, number])[];
}

const LIGHT: TreePalette = {
  background: '#fbfbfc', band: '#eef2f7', muted: '#5b6472', link: '#c7ccd4', winner: '#d4a106', winnerText: '#92400e', selected: '#111827',
  status: [
    ['rejected', '#6b7280', 0.28], ['queued', '#cbd5e1', 1], ['stopped', '#9ca3af', 1], ['branched', '#4b5563', 1],
    ['finished', '#374151', 1], ['alive', '#2563eb', 1],
  ],
};

const DARK: TreePalette = {
  background: '#111827', band: '#1f2937', muted: '#9ca3af', link: '#4b5563', winner: '#facc15', winnerText: '#fde68a', selected: '#f9fafb',
  status: [
    ['rejected', '#9ca3af', 0.35], ['queued', '#475569', 1], ['stopped', '#6b7280', 1], ['branched', '#9ca3af', 1],
    ['finished', '#d1d5db', 1], ['alive', '#60a5fa', 1],
  ],
};

/** The palette for the page's colour scheme (the system setting), read at each paint. */
export function treePalette(): TreePalette {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? DARK : LIGHT;
}

/** Where a branch is drawn in the view: sub-pixel rows land on the middle of a pixel row. */
export function viewY(layout: TreeLayout, y: number, scrollTop: number): number {
  const v = y - scrollTop;
  return layout.rowHeight < 1 ? Math.floor(v) + 0.5 : v;
}

export function paintTree(ctx: CanvasRenderingContext2D, layout: TreeLayout, view: TreeView): void {
  const { width, height, scrollTop } = view;
  const palette = treePalette();
  ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  ctx.font = FONT;
  const rowsTop = layout.top - 8;
  const rowsBottom = height - layout.bottom + 8;
  const visible = (b: BranchLayout) => {
    const y = b.y - scrollTop;
    return y >= rowsTop - 4 && y <= rowsBottom + 4;
  };

  ctx.save();
  ctx.beginPath();
  ctx.rect(0, rowsTop, width, rowsBottom - rowsTop);
  ctx.clip();
  paintBands(ctx, layout, view, palette);
  const branches = layout.branches.filter((b) => visible(b) || (b.parentY - scrollTop >= rowsTop && b.parentY - scrollTop <= rowsBottom));
  strokeAll(ctx, branches.filter((b) => b.parentY !== b.y), palette.link, 1, 1, (b) => {
    ctx.moveTo(b.x0, viewY(layout, b.parentY, scrollTop));
    ctx.lineTo(b.x0, viewY(layout, b.y, scrollTop));
  });
  const width1 = layout.rowHeight < 1 ? 1 : Math.max(1, Math.min(4, layout.rowHeight * 0.6));
  const segment = (b: BranchLayout) => {
    const y = viewY(layout, b.y, scrollTop);
    ctx.moveTo(b.x0, y);
    ctx.lineTo(Math.max(b.x1, b.x0 + 1), y);
  };
  // A complete answer cut at a later decision waited in the pool until then: a dotted trail joins its
  // end to that decision's line, so a grey branch never looks cut where it merely ended.
  ctx.setLineDash([1, 3]);
  strokeAll(ctx, branches.filter((b) => b.cutAtX !== null), palette.status[0]![1], 1, 0.7, (b) => {
    const y = viewY(layout, b.y, scrollTop);
    ctx.moveTo(b.x1 + 2, y);
    ctx.lineTo(b.cutAtX ?? b.x1, y);
  });
  for (const [status, color, alpha] of palette.status) {
    const these = branches.filter((b) => b.status === status && !b.winner && b.id !== view.selected);
    ctx.setLineDash(status === 'rejected' && layout.rowHeight >= 1 ? [2, 2] : []);
    strokeAll(ctx, these, color, width1, alpha, segment);
  }
  ctx.setLineDash([]);
  const hovered = new Set(view.hovered);
  strokeAll(ctx, branches.filter((b) => hovered.has(b.id) && !b.winner), palette.selected, width1 + 1, 0.45, segment);
  // The selected branch is drawn in ink, unless it is the winner: the winner is gold whether selected
  // or not, as the legend says; a caret left of the branch marks the selection either way.
  strokeAll(ctx, branches.filter((b) => b.id === view.selected && !b.winner), palette.selected, Math.max(2, width1), 1, segment);
  strokeAll(ctx, branches.filter((b) => b.winner), palette.winner, Math.max(3, width1 + 1), 1, segment);
  paintSelectionCaret(ctx, layout, branches.find((b) => b.id === view.selected), scrollTop, palette.selected);
  paintRewardLabels(ctx, layout, branches, scrollTop, palette);
  paintBandLabels(ctx, layout, view, palette);
  paintMark(ctx, layout, branches, view);
  ctx.restore();

  paintDecisionLines(ctx, layout, view);
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'center';
  for (const t of layout.ticks) ctx.fillText(t.label, t.x, height - 6);
  ctx.textAlign = 'end';
  ctx.fillText('tokens', width - 4, height - 6);
  ctx.textAlign = 'start';
}

function strokeAll(
  ctx: CanvasRenderingContext2D, branches: readonly BranchLayout[], color: string, lineWidth: number, alpha: number, trace: (b: BranchLayout) => void,
): void {
  if (branches.length === 0) return;
  ctx.beginPath();
  for (const b of branches) trace(b);
  ctx.globalAlpha = alpha;
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth;
  ctx.lineCap = lineWidth > 1 ? 'round' : 'butt';
  ctx.stroke();
  ctx.globalAlpha = 1;
}

/** A small triangle pointing at the selected branch's start. */
function paintSelectionCaret(ctx: CanvasRenderingContext2D, layout: TreeLayout, b: BranchLayout | undefined, scrollTop: number, color: string): void {
  if (!b) return;
  const y = viewY(layout, b.y, scrollTop);
  const x = Math.max(5, b.x0 - 3);
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x - 5, y - 4);
  ctx.lineTo(x - 5, y + 4);
  ctx.closePath();
  ctx.fillStyle = color;
  ctx.fill();
}

function paintBands(ctx: CanvasRenderingContext2D, layout: TreeLayout, view: TreeView, palette: TreePalette): void {
  for (const band of layout.bands) {
    const y0 = band.y0 - view.scrollTop;
    const h = Math.max(1, band.y1 - band.y0);
    if (y0 + h < 0 || y0 > view.height) continue;
    ctx.fillStyle = palette.band;
    ctx.fillRect(0, y0, view.width, h);
  }
}

/** Over the branches, with a halo: at N = 1024 a band is all branches. */
function paintBandLabels(ctx: CanvasRenderingContext2D, layout: TreeLayout, view: TreeView, palette: TreePalette): void {
  ctx.textAlign = 'end';
  ctx.font = `600 ${FONT}`;
  ctx.lineWidth = 4;
  ctx.strokeStyle = palette.band;
  ctx.fillStyle = palette.muted;
  for (const band of layout.bands) {
    const y0 = band.y0 - view.scrollTop;
    if (band.y1 - band.y0 < 12 || y0 + 12 < 0 || y0 > view.height) continue;
    ctx.strokeText(band.label, view.width - 4, y0 + 11);
    ctx.fillText(band.label, view.width - 4, y0 + 11);
  }
  ctx.font = FONT;
  ctx.textAlign = 'start';
}

/** Rewards beside cut branches when rows are tall enough to read them, and always beside the winner. */
function paintRewardLabels(ctx: CanvasRenderingContext2D, layout: TreeLayout, branches: readonly BranchLayout[], scrollTop: number, palette: TreePalette): void {
  for (const b of branches) {
    if (!b.winner && !(layout.showLabels && b.status === 'rejected')) continue;
    const y = b.y - scrollTop + 4;
    ctx.font = b.winner ? `700 11px ${FAMILY}` : FONT;
    ctx.fillStyle = b.winner ? palette.winnerText : palette.muted;
    ctx.fillText(b.winner ? `★ ${formatReward(b.reward)}` : formatReward(b.reward), (b.cutAtX ?? b.x1) + 4, y);
  }
  ctx.font = FONT;
}

/** Decision points as dashed lines over the whole view (the highlighted one solid and bold); their labels are text elements above the canvas. */
function paintDecisionLines(ctx: CanvasRenderingContext2D, layout: TreeLayout, view: TreeView): void {
  if (layout.decisions.length === 0) return;
  const line = (x: number, y: number) => {
    ctx.moveTo(x, y + 2);
    ctx.lineTo(x, view.height - layout.bottom + 12);
  };
  ctx.beginPath();
  for (const d of layout.decisions) if (d.round !== view.highlightRound) line(d.x, d.labelY);
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = view.accent;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.setLineDash([]);
  const bold = layout.decisions.find((d) => d.round === view.highlightRound);
  if (!bold) return;
  ctx.beginPath();
  line(bold.x, bold.labelY);
  ctx.lineWidth = 3;
  ctx.stroke();
}

/** A ring at the end of the marked branch, and its word. */
function paintMark(ctx: CanvasRenderingContext2D, layout: TreeLayout, branches: readonly BranchLayout[], view: TreeView): void {
  const b = view.marked ? branches.find((br) => br.id === view.marked!.id) : undefined;
  if (!b || !view.marked) return;
  const y = viewY(layout, b.y, view.scrollTop);
  ctx.beginPath();
  ctx.arc(b.x1, y, 5, 0, 2 * Math.PI);
  ctx.strokeStyle = MARK;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.font = `700 ${FONT}`;
  ctx.fillStyle = MARK;
  const right = b.x1 + 10 + ctx.measureText(view.marked.label).width < view.width;
  ctx.textAlign = right ? 'start' : 'end';
  ctx.fillText(view.marked.label, right ? b.x1 + 9 : b.x1 - 9, y - 6);
  ctx.textAlign = 'start';
  ctx.font = FONT;
}
