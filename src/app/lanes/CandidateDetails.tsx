// The clicked candidate: its text (plain React text, never HTML: it is model output) and its rewards.
import type { CombineConfig } from '../../core/config.ts';
import { formatReward } from '../format.ts';
import type { LaneState } from '../state/run-state.ts';
import { Term } from '../glossary/Term.tsx';
import { CandidatePicker } from './CandidatePicker.tsx';
import { endedThenCut, partialWords } from './partial-words.ts';
import { ScorerBreakdown } from './ScorerBreakdown.tsx';

interface Props {
  readonly lane: LaneState;
  readonly candidateId: number | null;
  readonly onSelect: (id: number) => void;
  /** Scorer names in the run's order. */
  readonly scorerNames: readonly string[];
  readonly combine: CombineConfig | null;
}

const STATUS_WORDS = {
  queued: 'waiting for memory', alive: 'being written', finished: 'finished', rejected: 'cut at a decision point',
  branched: 'branched into children', stopped: 'stopped',
} as const;

const TREEBON_STATUS_WORDS = { ...STATUS_WORDS, rejected: 'not chosen as a parent at the end of its layer' } as const;

export function CandidateDetails({ lane, candidateId, onSelect, scorerNames, combine }: Props) {
  const c = candidateId === null ? undefined : lane.candidates.get(candidateId);
  const decisionWord = lane.method === 'treebon' ? 'layer' : 'decision';
  const statusWords = lane.method === 'treebon' ? TREEBON_STATUS_WORDS : STATUS_WORDS;
  return (
    <div className="candidate-details" data-testid="candidate-details">
      <CandidatePicker lane={lane} candidateId={candidateId} onSelect={onSelect} />
      {c && (
        <>
          <p className="facts">
            {endedThenCut(c, lane) ? `complete, then ${lane.method === 'treebon' ? 'not chosen at a later layer\'s end' : 'cut at a decision point (outranked)'}` : statusWords[c.status]}{c.finishReason === 'stop-token' ? ' (ended itself)' : c.finishReason === 'max-length' ? ' (hit max length)' : ''} ·{' '}
            {c.length} tokens{c.parent !== null ? ` · continues #${c.parent}` : ''}{lane.method === 'bon' ? ` · batch ${c.batch + 1}` : ''}
            {c.finalReward !== null && <> · <Term id="final-reward">final reward</Term> <b>{formatReward(c.finalReward)}</b></>}
          </p>
          {c.partials.length > 0 && (
            <p className="partials">
              <Term id="partial-reward">Partial rewards</Term>: {partialWords(lane, c).join('; ')}
            </p>
          )}
          <ScorerBreakdown
            candidate={c} names={scorerNames} combine={combine}
            scoredAt={c.finalReward !== null ? 'final scoring' : `${decisionWord} ${c.partials.at(-1)?.round ?? ''}`}
          />
          <p className="response" data-testid="candidate-text">{c.text || '(the text arrives at its next decision point or when it finishes)'}</p>
        </>
      )}
    </div>
  );
}
