import { useState } from 'react';
import type { MethodId } from '../../core/events.ts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { useRun } from '../engine/controller-context.ts';
import { METHOD_COLORS } from '../method-style.ts';
import { CandidateDetails } from './CandidateDetails.tsx';
import { CandidateTree } from './CandidateTree.tsx';
import { LaneStatus } from './LaneStatus.tsx';
import { TreeLegend } from './TreeLegend.tsx';

export function MethodLane({ method }: { readonly method: MethodId }) {
  const lane = useRun((s) => s.lanes[method]);
  const [selected, setSelected] = useState<number | null>(null);
  if (!lane) return null;
  const chosen = selected ?? lane.end?.winner?.id ?? null;
  return (
    <article className="lane" data-testid={`lane-${method}`} style={{ borderTopColor: METHOD_COLORS[method] }}>
      <h3 style={{ color: METHOD_COLORS[method] }}>{METHOD_LABELS[method]}</h3>
      <LaneStatus lane={lane} />
      <CandidateTree lane={lane} selected={chosen} onSelect={setSelected} />
      <TreeLegend />
      <CandidateDetails lane={lane} candidateId={chosen} onSelect={setSelected} />
    </article>
  );
}
