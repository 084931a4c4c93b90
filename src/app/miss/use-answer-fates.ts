// Best-of-N's answer's fates for the finished run, computed once when the lanes end (not on every batch).
import { useMemo } from 'react';
import { useController, useRun } from '../engine/controller-context.ts';
import { bestOfNAnswerFates, type BestOfNAnswerFates } from './answer-fate.ts';

export function useAnswerFates(): { readonly fates: BestOfNAnswerFates | null; readonly comparableRewards: boolean } {
  const run = useController().run;
  const bonEnd = useRun((s) => s.lanes.bon?.end ?? null);
  const sprEnd = useRun((s) => s.lanes.spr?.end ?? null);
  const treebonEnd = useRun((s) => s.lanes.treebon?.end ?? null);
  const scorers = useRun((s) => s.lanes.bon?.start?.scorers.length ?? 1);
  return useMemo(
    () => ({ fates: bonEnd ? bestOfNAnswerFates(run.get()) : null, comparableRewards: scorers === 1 }),
    // The ends change once per run; the state they come from is read then.
    [run, bonEnd, sprEnd, treebonEnd, scorers],
  );
}
