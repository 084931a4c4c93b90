import { useCallback, useEffect, useState } from 'react';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { Lanes } from '../lanes/Lanes.tsx';
import { ReplayPanel } from '../replay/ReplayPanel.tsx';
import { ResultTable } from '../results/ResultTable.tsx';
import { RunPanel } from '../run/RunPanel.tsx';
import { ScatterPanel } from '../scatter/ScatterPanel.tsx';
import { useRun, useSession } from '../engine/controller-context.ts';
import { LoadedSummary } from './LoadedSummary.tsx';
import { RecordedSummary } from './RecordedSummary.tsx';
import { WarmUp } from './WarmUp.tsx';

/** Once per page: the code stays compiled after the warm-up is taken away. */
let warmedUp = false;

export function Workspace() {
  const recorded = useSession((s) => s.loaded === null && s.recorded !== null);
  // The α replay is computed on the main thread in one piece (hundreds of ms at N = 1024): it waits for
  // the end of the run rather than stalling the trees and charts while the other methods stream in.
  const running = useSession((s) => s.phase === 'running' || s.phase === 'stopping');
  const idleWithModels = useSession((s) => s.phase === 'ready');
  const noRunYet = useRun((s) => s.methods.length === 0);
  const [warming, setWarming] = useState(!warmedUp);
  const warmedUpNow = useCallback(() => {
    warmedUp = true;
    setWarming(false);
  }, []);
  // A run warms the same code: once one started, no warm-up is needed any more.
  useEffect(() => {
    if (!noRunYet) warmedUpNow();
  }, [noRunYet, warmedUpNow]);
  return (
    <section className="workspace" aria-label="Workspace">
      {recorded ? <RecordedSummary /> : <><LoadedSummary /><RunPanel /></>}
      <ResultTable />
      <Lanes />
      <ChartsPanel />
      <ScatterPanel />
      {!running && <ReplayPanel />}
      {warming && idleWithModels && noRunYet && <WarmUp onDone={warmedUpNow} />}
    </section>
  );
}
