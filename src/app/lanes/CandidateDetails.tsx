// The clicked candidate: its text (plain React text, never HTML: it is model output) and its rewards.
import { formatReward } from '../format.ts';
import type { LaneState } from '../state/run-state.ts';

interface Props {
  readonly lane: LaneState;
  readonly candidateId: number | null;
  readonly onSelect: (id: number) => void;
}

const STATUS_WORDS = {
  queued: 'waiting for memory', alive: 'being written', finished: 'finished', rejected: 'cut at a decision point',
  branched: 'branched into children', stopped: 'stopped',
} as const;

export function CandidateDetails({ lane, candidateId, onSelect }: Props) {
  const c = candidateId === null ? undefined : lane.candidates.get(candidateId);
  const scorers = lane.start?.scorers ?? [];
  return (
    <div className="candidate-details" data-testid="candidate-details">
      <label>
        Candidate{' '}
        <select value={candidateId ?? ''} onChange={(e) => onSelect(Number(e.target.value))} aria-label="Show candidate">
          {candidateId === null && <option value="">click a branch</option>}
          {lane.order.map((id) => <option key={id} value={id}>#{id}{id === lane.end?.winner?.id ? ' (winner)' : ''}</option>)}
        </select>
      </label>
      {c && (
        <>
          <p className="facts">
            {STATUS_WORDS[c.status]}{c.finishReason === 'stop-token' ? ' (ended itself)' : c.finishReason === 'max-length' ? ' (hit max length)' : ''} ·{' '}
            {c.length} tokens{c.parent !== null ? ` · continues #${c.parent}` : ''}{lane.method === 'bon' ? ` · batch ${c.batch + 1}` : ''}
            {c.finalReward !== null && <> · final reward <b>{formatReward(c.finalReward)}</b></>}
          </p>
          {c.partials.length > 0 && (
            <p className="partials">
              Partial rewards:{' '}
              {c.partials.map((p) => `decision ${p.round} at ${p.length} tokens ${formatReward(p.reward)} (${p.kept ? 'kept' : 'cut'})`).join('; ')}
            </p>
          )}
          {scorers.length > 1 && c.scores.length === scorers.length && (
            <p className="partials">{scorers.map((s, i) => `${s}: ${formatReward(c.scores[i])}`).join(' · ')}</p>
          )}
          <p className="response" data-testid="candidate-text">{c.text || '(the text arrives at its next decision point or when it finishes)'}</p>
        </>
      )}
    </div>
  );
}
