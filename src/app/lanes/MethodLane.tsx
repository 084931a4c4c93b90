import { useMemo, useState } from 'react';
import type { MethodId } from '../../core/events.ts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { useSession } from '../engine/controller-context.ts';
import { useRunFrame } from '../state/use-run-frame.ts';
import { METHOD_COLORS } from '../method-style.ts';
import { CandidateDetails } from './CandidateDetails.tsx';
import { CandidateTree } from './CandidateTree.tsx';
import { useLaneOverlay } from './lane-overlay.ts';
import { LaneStatus } from './LaneStatus.tsx';
import { scorerNames } from './scorer-names.ts';
import { TreeBoNNote } from './TreeBoNNote.tsx';
import { TreeLegend } from './TreeLegend.tsx';

export function MethodLane({ method }: { readonly method: MethodId }) {
  // Once per frame at most: batches of events can arrive faster than frames when the page is busy.
  const lane = useRunFrame((s) => s.lanes[method]);
  const combine = useRunFrame((s) => s.combine);
  const loadedScorers = useSession((s) => s.loaded?.scorers);
  const catalog = useSession((s) => s.catalog);
  const runScorers = lane?.start?.scorers;
  const names = useMemo(() => scorerNames(runScorers ?? [], loadedScorers, catalog), [runScorers, loadedScorers, catalog]);
  const [selected, setSelected] = useState<number | null>(null);
  const { highlightRound, marked, note } = useLaneOverlay(method);
  if (!lane) return null;
  const chosen = selected ?? lane.end?.winner?.id ?? null;
  return (
    <article className="lane" data-testid={`lane-${method}`} style={{ borderTopColor: METHOD_COLORS[method] }}>
      <h3 style={{ color: METHOD_COLORS[method] }}>{METHOD_LABELS[method]}</h3>
      <LaneStatus lane={lane} />
      {note && <p className="lane-note fate-note" data-testid="bon-answer-fate">{note}</p>}
      {method === 'treebon' && <TreeBoNNote lane={lane} scorers={loadedScorers ?? []} />}
      <CandidateTree
        lane={lane} selected={chosen} onSelect={setSelected} scorerNames={names} combine={combine} highlightRound={highlightRound} marked={marked}
      />
      <TreeLegend method={method} />
      <CandidateDetails lane={lane} candidateId={chosen} onSelect={setSelected} scorerNames={names} combine={combine} />
    </article>
  );
}
