import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { ComputePanel } from '../compute/ComputePanel.tsx';
import { Lanes } from '../lanes/Lanes.tsx';
import { ReplayPanel } from '../replay/ReplayPanel.tsx';
import { ResultTable } from '../results/ResultTable.tsx';
import { RunPanel } from '../run/RunPanel.tsx';
import { ScatterPanel } from '../scatter/ScatterPanel.tsx';
import { useSession } from '../engine/controller-context.ts';
import { LoadedSummary } from './LoadedSummary.tsx';
import { RecordedSummary } from './RecordedSummary.tsx';

export function Workspace() {
  const recorded = useSession((s) => s.loaded === null && s.recorded !== null);
  return (
    <section className="workspace" aria-label="Workspace">
      {recorded ? <RecordedSummary /> : <><LoadedSummary /><RunPanel /></>}
      <ResultTable />
      <ComputePanel />
      <Lanes />
      <ChartsPanel />
      <ScatterPanel />
      <ReplayPanel />
    </section>
  );
}
