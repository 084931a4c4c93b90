// Rewards as they become known: partial rewards at each decision point (kept or cut) and final rewards.
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { formatReward } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import type { LaneState } from '../state/run-state.ts';
import { axisLabel } from './axis-label.ts';
import { rewardSeries, xExtent, type XAxisKind } from './series.ts';

interface Props {
  readonly lanes: readonly LaneState[];
  readonly axis: XAxisKind;
}

export const RewardChart = memo(function RewardChart({ lanes, axis }: Props) {
  const series = useMemo(() => lanes.map((lane) => ({ method: lane.method, ...rewardSeries(lane, axis) })), [lanes, axis]);
  const domain = useMemo(() => xExtent(lanes, axis), [lanes, axis]);
  const count = series.reduce((n, s) => n + s.partial.length + s.final.length, 0);
  return (
    <figure className="chart" data-testid="chart-rewards" data-points={count}>
      <figcaption>Rewards: partial at decisions (○ kept, × cut), final (◆)</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={domain} tickFormatter={(v: number) => String(Math.round(v * 100) / 100)} label={{ value: axisLabel(axis), position: 'insideBottom', offset: -8 }} />
          <YAxis type="number" dataKey="y" tickFormatter={(v: number) => formatReward(v)} width={50} />
          <Tooltip formatter={(v) => formatReward(Number(v))} />
          <Legend verticalAlign="top" height={24} />
          {series.flatMap((s) => [
            <Scatter key={`${s.method}-kept`} name={`${METHOD_LABELS[s.method]} kept`} data={s.partial.filter((p) => p.kept)} fill={METHOD_COLORS[s.method]} shape="circle" isAnimationActive={false} legendType="none" />,
            <Scatter key={`${s.method}-cut`} name={`${METHOD_LABELS[s.method]} cut`} data={s.partial.filter((p) => !p.kept)} fill="#9ca3af" shape="cross" isAnimationActive={false} legendType="none" />,
            <Scatter key={`${s.method}-final`} name={METHOD_LABELS[s.method]} data={s.final} fill={METHOD_COLORS[s.method]} shape="diamond" isAnimationActive={false} />,
          ])}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
});
