// Live charts of every method on shared axes: memory against the budget, the alive batch, rewards.
// The x axis is tokens decoded (compute) or seconds (wall time); one toggle switches all three.
import { useMemo, useState } from 'react';
import { useRun, useSession } from '../engine/controller-context.ts';
import type { LaneState } from '../state/run-state.ts';
import { RewardChart } from './RewardChart.tsx';
import type { XAxisKind } from './series.ts';
import { StepChart } from './StepChart.tsx';
import { useThrottled } from './use-throttled.ts';

/**
 * The moments the charts show at once: each method's first decision point (its first cut). Only
 * these: each is a synchronous redraw of every chart (a long task on a slow machine); everything
 * else follows the periodic redraws, and the end of the run shows at once anyway.
 */
function milestoneOf(lanes: readonly LaneState[]): string {
  return lanes.map((l) => `${l.method}:${l.decisions.length > 0 ? 'cut' : ''}`).join(' ');
}

function lanesOf(state: { methods: readonly string[]; lanes: Readonly<Record<string, LaneState | undefined>> }): LaneState[] {
  return state.methods.flatMap((m) => state.lanes[m] ?? []);
}

export function ChartsPanel() {
  const [axis, setAxis] = useState<XAxisKind>('tokens');
  // Charts cost the most to redraw (recharts recomputes each chart's whole state per update): during a
  // run they follow it once a second and at every decision point, while the trees follow every batch;
  // after the run, at once. (Not useDeferredValue: batches arrive every 50 ms and would keep postponing it.)
  const running = useSession((s) => s.phase === 'running' || s.phase === 'stopping');
  const latest = useRun((s) => s);
  const run = useThrottled(latest, running ? 1000 : 0, milestoneOf(lanesOf(latest)));
  const lanes = useMemo(() => lanesOf(run), [run]);
  if (lanes.length === 0) return null;
  const budget = lanes.find((l) => l.start)?.start?.kvBudgetBytes ?? null;
  return (
    <section className="panel charts" aria-label="Charts" data-testid="charts">
      <div className="charts-head">
        <h2>Compute, memory and rewards</h2>
        <fieldset className="axis-choice">
          <legend>x axis</legend>
          <label><input type="radio" name="x-axis" checked={axis === 'tokens'} onChange={() => setAxis('tokens')} /> tokens decoded</label>
          <label><input type="radio" name="x-axis" checked={axis === 'time'} onChange={() => setAxis('time')} /> seconds</label>
        </fieldset>
      </div>
      <div className="chart-grid">
        <StepChart title="KV cache in use (bytes)" lanes={lanes} metric="kvBytes" axis={axis} budget={budget} />
        <StepChart title="Alive candidates (batch size)" lanes={lanes} metric="alive" axis={axis} budget={null} />
        <RewardChart lanes={lanes} axis={axis} />
      </div>
    </section>
  );
}
