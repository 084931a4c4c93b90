import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { ComputePanel } from '../compute/ComputePanel.tsx';
import { Lanes } from '../lanes/Lanes.tsx';
import { MissLine } from '../miss/MissLine.tsx';
import { RaceBar } from '../race/RaceBar.tsx';
import { RaceProvider, RaceScope } from '../race/RaceScope.tsx';
import { ReplayPanel } from '../replay/ReplayPanel.tsx';
import { ResultTable } from '../results/ResultTable.tsx';
import { RunPanel } from '../run/RunPanel.tsx';
import { ScatterPanel } from '../scatter/ScatterPanel.tsx';
import { ExampleChips } from '../tour/ExampleChips.tsx';
import { LaneOverlayProvider } from '../tour/LaneOverlayProvider.tsx';
import { TourPanel } from '../tour/TourPanel.tsx';
import { PromptSetPanel } from '../promptset/PromptSetPanel.tsx';
import { OpenSetInWorkspace } from '../promptset/OpenSetInWorkspace.tsx';
import { useSession } from '../engine/controller-context.ts';
import { LoadedSummary } from './LoadedSummary.tsx';
import { RecordedSummary } from './RecordedSummary.tsx';
import { warmUpOnce } from './warm-up-once.tsx';

// The workspace's code is fetched in the background at start: warm its first run's paths right away.
warmUpOnce();

export function Workspace() {
  const recorded = useSession((s) => s.loaded === null && s.recorded !== null);
  // The α replay is computed on the main thread in one piece (hundreds of ms at N = 1024): it waits for
  // the end of the run rather than stalling the trees and charts while the other methods stream in.
  const running = useSession((s) => s.phase === 'running' || s.phase === 'stopping');
  return (
    // The race (and the guided walk's steps) can show the lanes and charts at a moment of the run.
    <RaceProvider>
      <LaneOverlayProvider>
        <section className="workspace" aria-label="Workspace">
          {recorded ? <RecordedSummary /> : <><LoadedSummary /><RunPanel /><ExampleChips /><PromptSetPanel /></>}
          <TourPanel />
          <ResultTable />
          <MissLine />
          <RaceBar />
          <RaceScope>
            <Lanes />
            <ChartsPanel />
          </RaceScope>
          {/* After the run, below the live views, so its arrival never moves the lanes. */}
          {!running && <ComputePanel />}
          <ScatterPanel />
          {!running && <ReplayPanel />}
          <OpenSetInWorkspace />
        </section>
      </LaneOverlayProvider>
    </RaceProvider>
  );
}
