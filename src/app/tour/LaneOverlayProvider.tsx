// Provides the lanes' overlay (lane-overlay-of.ts) to the workspace.
import { useMemo, type ReactNode } from 'react';
import { useRun } from '../engine/controller-context.ts';
import { LaneOverlayContext } from '../lanes/lane-overlay.ts';
import { useAnswerFates } from '../miss/use-answer-fates.ts';
import { useStore } from '../state/store.ts';
import { laneOverlayOf } from './lane-overlay-of.ts';
import { isOpenOn, tourStore } from './tour-store.ts';

export function LaneOverlayProvider({ children }: { readonly children: ReactNode }) {
  const run = useRun((s) => s);
  const focus = useStore(tourStore, (s) => (isOpenOn(s, run) ? s.focus : null));
  const { fates } = useAnswerFates();
  const overlay = useMemo(() => laneOverlayOf(focus, fates), [focus, fates]);
  return <LaneOverlayContext.Provider value={overlay}>{children}</LaneOverlayContext.Provider>;
}
