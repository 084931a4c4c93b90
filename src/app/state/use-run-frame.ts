// The run store as the trees and charts read it: at most one render per animation frame, however many
// batches of events arrived in it. (The result table and the other panels keep useRun.) Inside a
// RunViewContext (the race replay, a step of the guided walk) they read that store instead: the run as
// it was at some moment.
import { createContext, useContext } from 'react';
import { useController } from '../engine/controller-context.ts';
import { useStoreOncePerFrame } from './frame-store.ts';
import type { RunState } from './run-state.ts';
import type { Store } from './store.ts';

export const RunViewContext = createContext<Store<RunState> | null>(null);

export function useRunFrame<S>(select: (state: RunState) => S): S {
  const view = useContext(RunViewContext);
  const run = useController().run;
  return useStoreOncePerFrame(view ?? run, select);
}
