// Live charts of every method on shared axes: memory against the budget, the alive batch, rewards.
// The x axis is tokens decoded (compute) or seconds (wall time); one toggle switches all three.
import { useMemo, useState } from 'react';
import type { LaneState, RunState } from '../state/run-state.ts';
import { useRunFrame } from '../state/use-run-frame.ts';
import { Term } from '../glossary/Term.tsx';
import { RewardChart } from './RewardChart.tsx';
import type { XAxisKind } from './series.ts';
import { StepChart } from './StepChart.tsx';

function lanesOf(state: RunState): LaneState[] {
  return state.methods.flatMap((m) => state.lanes[m] ?? []);
}

export function ChartsPanel() {
  const [axis, setAxis] = useState<XAxisKind>('tokens');
  // Rendering the panel is cheap (the charts are canvases fed through the redraw queue): it follows the
  // run at most once per frame, and the queue redraws one chart per frame with the latest state.
  const run = useRunFrame((s) => s);
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
        <StepChart
          title={<><Term id="kv-cache">KV cache</Term> in use (bytes)</>} name="KV cache in use (bytes)" lanes={lanes} metric="kvBytes" axis={axis} budget={budget}
          note={lanes.some((l) => l.method === 'spr') && (
            <p className="note kv-rule" data-testid="kv-rule">
              Speculative Rejection decides when the rows it is writing would fill the <Term id="kv-budget">KV budget</Term>: each
              round runs to ⌊budget ÷ rows⌋ − prompt tokens, counting the rows still being written when the round starts (complete
              answers kept in the pool hold no memory): the dotted lines, with their numbers. Rows that end before then free their memory, so its line may stay under the budget line when it decides.
            </p>
          )}
        />
        <StepChart title="Alive candidates (batch size)" name="Alive candidates (batch size)" lanes={lanes} metric="alive" axis={axis} budget={null} />
        <RewardChart lanes={lanes} axis={axis} />
      </div>
    </section>
  );
}
