// Plain SVG marks for scatter points: recharts' default symbols build a d3 path per point on every
// redraw, which is most of a reward chart's cost with hundreds of points; these are fixed shapes.
import type { ScatterShapeProps } from 'recharts';

type Mark = (props: ScatterShapeProps) => React.JSX.Element | null;

const R = 3.5;

function at(props: ScatterShapeProps): { x: number; y: number; fill: string } | null {
  const { cx, cy } = props;
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  // recharts passes the Scatter's own props (its fill among them) to the shape as well.
  const fill = (props as { fill?: unknown }).fill;
  return { x: cx, y: cy, fill: typeof fill === 'string' ? fill : '#6b7280' };
}

export const dotMark: Mark = (props) => {
  const p = at(props);
  return p && <circle cx={p.x} cy={p.y} r={R} fill={p.fill} />;
};

export const crossMark: Mark = (props) => {
  const p = at(props);
  return p && <path d={`M${p.x - R},${p.y - R}L${p.x + R},${p.y + R}M${p.x - R},${p.y + R}L${p.x + R},${p.y - R}`} stroke={p.fill} strokeWidth={1.5} />;
};

export const diamondMark: Mark = (props) => {
  const p = at(props);
  const r = R + 1;
  return p && <path d={`M${p.x},${p.y - r}L${p.x + r},${p.y}L${p.x},${p.y + r}L${p.x - r},${p.y}Z`} fill={p.fill} />;
};
