// Warms the code paths of the first run while the page is idle (warm-up-once.tsx starts it): a made-up
// run (warm-up-run.ts) drawn off screen by the real trees and charts, one piece per idle callback (a
// tree, the charts, then each later stage of the run), then taken away. Without it the first run compiles
// the reducer, the layouts, the painters and uPlot while the user watches: its first frames took
// up to a second here, later runs' a fraction of that. Never visible, hidden from assistive technology.
import { useEffect, useMemo, useState } from 'react';
import type { MethodId } from '../../core/events.ts';
import { RewardChart } from '../charts/RewardChart.tsx';
import { StepChart } from '../charts/StepChart.tsx';
import { CandidateTree } from '../lanes/CandidateTree.tsx';
import { applyEvents, emptyRunState, type LaneState, type RunState } from '../state/run-state.ts';
import { warmUpStages } from './warm-up-run.ts';

const METHODS: readonly MethodId[] = ['bon', 'spr', 'treebon'];
const STAGES = 4;
const NO_NAMES: readonly string[] = [];
const ignore = () => undefined;

/** One idle moment (or a timeout, so it still happens on a page that is never idle). */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 1500 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 50);
  return () => clearTimeout(id);
}

export function WarmUp({ onDone }: { readonly onDone: () => void }) {
  // Steps 1-3 mount a tree each, 4 the charts, then one step per stage of the run's events.
  const [step, setStep] = useState(0);
  const stages = useMemo(() => METHODS.map((m) => warmUpStages(m, STAGES)), []);
  const state = useMemo(() => {
    let s: RunState = emptyRunState;
    for (let i = 0; i <= Math.max(0, step - 4) && i < STAGES; i++) for (const events of stages) s = applyEvents(s, events[i] ?? []);
    return s;
  }, [stages, step]);
  useEffect(() => whenIdle(() => (step >= 4 + STAGES ? onDone() : setStep(step + 1))), [step, onDone]);
  const lanes = METHODS.flatMap((m) => state.lanes[m] ?? []);
  return (
    <>
      {lanes.slice(0, Math.min(step, 3)).map((lane: LaneState) => (
        <CandidateTree key={lane.method} lane={lane} selected={null} onSelect={ignore} scorerNames={NO_NAMES} combine={null} />
      ))}
      {step >= 4 && (
        <>
          <StepChart title="warm-up" lanes={lanes} metric="kvBytes" axis="tokens" budget={1} />
          <StepChart title="warm-up" lanes={lanes} metric="alive" axis="tokens" budget={null} />
          <RewardChart lanes={lanes} axis="tokens" />
        </>
      )}
    </>
  );
}
