// The controller reaches components through context, so no component creates or owns the worker.
import { createContext, useContext } from 'react';
import type { AppController } from './controller.ts';
import { useStore } from '../state/store.ts';
import type { SessionState } from '../state/session.ts';
import type { RunState } from '../state/run-state.ts';

export const ControllerContext = createContext<AppController | null>(null);

export function useController(): AppController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useController outside <ControllerContext.Provider>');
  return controller;
}

export function useSession<S>(select: (state: SessionState) => S): S {
  return useStore(useController().session, select);
}

export function useRun<S>(select: (state: RunState) => S): S {
  return useStore(useController().run, select);
}
