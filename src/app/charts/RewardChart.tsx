// Rewards as they become known: partial rewards at each decision point (kept or cut) and final rewards.
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { formatReward } from '../format.ts';
import { METHOD_COLORS } from '../method-style.ts';
import type { LaneState } from '../state/run-state.ts';
import { axisLabel } from './axis-label.ts';
import { memoByLane } from './lane-memo.ts';
import { dotMark, crossMark, diamondMark } from './point-shapes.tsx';
import { MAX_REWARD_POINTS, rewardSeries, xExtent, type XAxisKind } from './series.ts';

/** Each lane's points split into what each Scatter draws, cached per lane so a finished lane's arrays keep their identity. */
const rewardGroups = memoByLane((lane: LaneState, axis: XAxisKind) => {
  const { partial, final } = rewardSeries(lane, axis);
  return { method: lane.method, kept: partial.filter((p) => p.kept), cut: partial.filter((p) => !p.kept), final };
});

interface Props {
  readonly lanes: readonly LaneState[];
  readonly axis: XAxisKind;
}

export const RewardChart = memo(function RewardChart({ lanes, axis }: Props) {
  const series = useMemo(() => lanes.map((lane) => rewardGroups(lane, axis)), [lanes, axis]);
  const domain = useMemo(() => xExtent(lanes, axis), [lanes, axis]);
  const count = series.reduce((n, s) => n + s.kept.length + s.cut.length + s.final.length, 0);
  return (
    <figure className="chart" data-testid="chart-rewards" data-points={count}>
      <figcaption>
        Rewards: partial at decisions (● kept, × cut), final (◆)
        <span className="muted"> · at most {MAX_REWARD_POINTS} per group, spread from lowest to highest</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={domain} tickFormatter={(v: number) => String(Math.round(v * 100) / 100)} label={{ value: axisLabel(axis), position: 'insideBottom', offset: -8 }} />
          <YAxis type="number" dataKey="y" tickFormatter={(v: number) => formatReward(v)} width={50} />
          <Tooltip formatter={(v) => formatReward(Number(v))} />
          <Legend verticalAlign="top" height={24} />
          {series.flatMap((s) => [
            <Scatter key={`${s.method}-kept`} name={`${METHOD_LABELS[s.method]} kept`} data={s.kept} fill={METHOD_COLORS[s.method]} shape={dotMark} isAnimationActive={false} legendType="none" />,
            <Scatter key={`${s.method}-cut`} name={`${METHOD_LABELS[s.method]} cut`} data={s.cut} fill="#9ca3af" shape={crossMark} isAnimationActive={false} legendType="none" />,
            <Scatter key={`${s.method}-final`} name={METHOD_LABELS[s.method]} data={s.final} fill={METHOD_COLORS[s.method]} shape={diamondMark} legendType="diamond" isAnimationActive={false} />,
          ])}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
});
