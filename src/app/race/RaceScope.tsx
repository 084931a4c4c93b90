// The race's providers: one race controller per workspace, and the scope (lanes and charts) that shows
// the run at the race clock's time while a race or a step of the guided walk holds it.
import { useEffect, useMemo, type ReactNode } from 'react';
import { useController } from '../engine/controller-context.ts';
import { RunViewContext } from '../state/use-run-frame.ts';
import { useStore } from '../state/store.ts';
import { createRaceController, RaceContext, useRace } from './race-view.ts';

export function RaceProvider({ children }: { readonly children: ReactNode }) {
  const controller = useController();
  const race = useMemo(() => createRaceController(controller), [controller]);
  useEffect(() => race.attach(), [race]);
  return <RaceContext.Provider value={race}>{children}</RaceContext.Provider>;
}

export function RaceScope({ children }: { readonly children: ReactNode }) {
  const race = useRace();
  const held = useStore(race.view, (v) => v !== null);
  return <RunViewContext.Provider value={held ? race.run : null}>{children}</RunViewContext.Provider>;
}
