// Which candidate the details show, by number: a field rather than a list, which at N = 1024 would be
// 4,096 options for TreeBoN, rebuilt whenever candidates spawn. The tree's arrow keys walk the rows.
import { useState } from 'react';
import type { LaneState } from '../state/run-state.ts';

interface Props {
  readonly lane: LaneState;
  readonly candidateId: number | null;
  readonly onSelect: (id: number) => void;
}

export function CandidatePicker({ lane, candidateId, onSelect }: Props) {
  // What is being typed, until it names a candidate (or the field is left).
  const [draft, setDraft] = useState<string | null>(null);
  const winner = lane.end?.winner?.id ?? null;
  const unknown = draft !== null && draft !== '' && !lane.candidates.has(Number(draft));
  return (
    <div className="candidate-picker">
      <label>
        Candidate #{' '}
        <input
          type="number" inputMode="numeric" min={0} step={1} aria-label="Show candidate" placeholder="click a branch" aria-invalid={unknown}
          value={draft ?? candidateId ?? ''} onBlur={() => setDraft(null)}
          onChange={(e) => {
            setDraft(e.target.value);
            const id = Number(e.target.value);
            if (e.target.value !== '' && lane.candidates.has(id)) onSelect(id);
          }}
        />
      </label>{' '}
      <span className="muted">of {lane.order.length}{candidateId !== null && candidateId === winner ? ' · the winner' : ''}</span>
      {winner !== null && candidateId !== winner && <button type="button" onClick={() => onSelect(winner)}>Show the winner (#{winner})</button>}
      {unknown && <span className="field-error"> no candidate #{draft}</span>}
    </div>
  );
}
