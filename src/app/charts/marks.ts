// Scatter marks drawn straight onto a chart's canvas: a dot (kept at a decision), a cross (cut) and a
// diamond (final reward). Sizes are CSS pixels times the canvas's pixel ratio.
export type MarkKind = 'dot' | 'cross' | 'diamond';

const R = 3.5;

export function drawMarks(ctx: CanvasRenderingContext2D, kind: MarkKind, color: string, at: readonly (readonly [number, number])[], ratio: number): void {
  if (at.length === 0) return;
  const r = R * ratio;
  ctx.beginPath();
  for (const [x, y] of at) {
    if (kind === 'dot') {
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    } else if (kind === 'cross') {
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x - r, y + r);
      ctx.lineTo(x + r, y - r);
    } else {
      const d = r + ratio;
      ctx.moveTo(x, y - d);
      ctx.lineTo(x + d, y);
      ctx.lineTo(x, y + d);
      ctx.lineTo(x - d, y);
      ctx.closePath();
    }
  }
  if (kind === 'cross') {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5 * ratio;
    ctx.stroke();
  } else {
    ctx.fillStyle = color;
    ctx.fill();
  }
}
