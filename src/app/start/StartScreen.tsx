import { CapabilityPanel } from './CapabilityPanel.tsx';
import { Intro } from './Intro.tsx';
import { LoadPanel } from './LoadPanel.tsx';
import { ModelPicker } from './ModelPicker.tsx';
import { OpenRun } from './OpenRun.tsx';
import { PromptSets } from '../promptset/PromptSets.tsx';
import { RecentRuns } from './RecentRuns.tsx';
import { TourEntry } from '../tour/TourEntry.tsx';

export function StartScreen() {
  return (
    <section className="start" aria-label="Start">
      <Intro />
      <TourEntry />
      <div className="start-grid">
        <ModelPicker />
        <CapabilityPanel />
      </div>
      <LoadPanel />
      <PromptSets />
      <RecentRuns />
      <OpenRun />
    </section>
  );
}
