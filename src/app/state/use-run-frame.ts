// The run store as the trees and charts read it: at most one render per animation frame, however many
// batches of events arrived in it. (The result table and the other panels keep useRun.)
import { useController } from '../engine/controller-context.ts';
import { useStoreOncePerFrame } from './frame-store.ts';
import type { RunState } from './run-state.ts';

export function useRunFrame<S>(select: (state: RunState) => S): S {
  return useStoreOncePerFrame(useController().run, select);
}
