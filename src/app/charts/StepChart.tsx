import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { formatBytes } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import type { LaneState } from '../state/run-state.ts';
import { stepSeries, xExtent, type XAxisKind } from './series.ts';
import { axisLabel } from './axis-label.ts';
import { memoByLane } from './lane-memo.ts';

/** Cached per lane: a finished lane's line keeps its data array (and recharts its work) across redraws. */
const lineOf = memoByLane((lane: LaneState, key: `${'alive' | 'kvBytes'}:${XAxisKind}`) => {
  const [metric, axis] = key.split(':') as ['alive' | 'kvBytes', XAxisKind];
  return { method: lane.method, points: stepSeries(lane, metric, axis) };
});

interface Props {
  readonly title: string;
  readonly lanes: readonly LaneState[];
  readonly metric: 'alive' | 'kvBytes';
  readonly axis: XAxisKind;
  readonly budget: number | null;
}

export const StepChart = memo(function StepChart({ title, lanes, metric, axis, budget }: Props) {
  const series = useMemo(() => lanes.map((lane) => lineOf(lane, `${metric}:${axis}`)), [lanes, metric, axis]);
  const domain = useMemo(() => xExtent(lanes, axis), [lanes, axis]);
  const yFormat = metric === 'kvBytes' ? (v: number) => formatBytes(v) : (v: number) => String(v);
  return (
    <figure className="chart" data-testid={`chart-${metric}`} data-points={series.reduce((n, s) => n + s.points.length, 0)}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={domain} tickFormatter={(v: number) => String(Math.round(v * 100) / 100)} label={{ value: axisLabel(axis), position: 'insideBottom', offset: -8 }} />
          <YAxis type="number" tickFormatter={yFormat} width={metric === 'kvBytes' ? 70 : 40} allowDecimals={false} />
          <Tooltip formatter={(v) => yFormat(Number(v))} labelFormatter={(x) => `${axisLabel(axis)}: ${x}`} />
          <Legend verticalAlign="top" height={24} />
          {budget !== null && <ReferenceLine y={budget} ifOverflow="extendDomain" stroke="#b91c1c" strokeDasharray="6 3" label={{ value: 'KV budget', position: 'insideTopRight', fill: '#b91c1c' }} />}
          {series.map((s) => (
            <Line
              key={s.method} data={s.points} dataKey="y" name={METHOD_LABELS[s.method]} type="stepAfter" stroke={METHOD_COLORS[s.method]}
              strokeWidth={2} dot={false} isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});
