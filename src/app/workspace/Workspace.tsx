import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { Lanes } from '../lanes/Lanes.tsx';
import { ReplayPanel } from '../replay/ReplayPanel.tsx';
import { ResultTable } from '../results/ResultTable.tsx';
import { RunPanel } from '../run/RunPanel.tsx';
import { ScatterPanel } from '../scatter/ScatterPanel.tsx';
import { LoadedSummary } from './LoadedSummary.tsx';

export function Workspace() {
  return (
    <section className="workspace" aria-label="Workspace">
      <LoadedSummary />
      <RunPanel />
      <ResultTable />
      <Lanes />
      <ChartsPanel />
      <ScatterPanel />
      <ReplayPanel />
    </section>
  );
}
