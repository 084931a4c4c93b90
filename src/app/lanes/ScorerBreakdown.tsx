// Every scorer's score of one candidate at its latest scoring: raw, normalised over the pool it was
// scored in, and under MaxMin or soft-min which scorer was the lowest (the one its score follows).
import type { CombineConfig } from '../../core/config.ts';
import { formatReward } from '../format.ts';
import type { CandidateView } from '../state/run-state.ts';
import { namesLowest, normalisedName } from './scorer-text.ts';

interface Props {
  readonly candidate: CandidateView;
  readonly names: readonly string[];
  readonly combine: CombineConfig | null;
  /** When the scores were given: "final scoring", "decision 2", "layer 1". */
  readonly scoredAt: string;
}

export function ScorerBreakdown({ candidate: c, names, combine, scoredAt }: Props) {
  if (names.length < 2 || c.scores.length !== names.length) return null;
  const weakest = c.breakdown && namesLowest(combine) ? c.breakdown.weakest : null;
  return (
    <div className="scorer-breakdown" data-testid="scorer-breakdown">
      <table>
        <thead>
          <tr>
            <th>Scorer ({scoredAt})</th><th>raw</th><th>{normalisedName(combine) === 'rank' ? 'rank in pool' : 'z-score in pool'}</th><th />
          </tr>
        </thead>
        <tbody>
          {names.map((name, i) => (
            <tr key={name} className={i === weakest ? 'weakest' : undefined} data-testid="scorer-row">
              <td>{name}</td>
              <td>{formatReward(c.scores[i])}</td>
              <td>{c.breakdown ? formatReward(c.breakdown.normalized[i]) : '–'}</td>
              <td>{i === weakest ? 'lowest' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {weakest !== null && (
        <p className="note" data-testid="weakest-scorer">
          Lowest after normalisation: <b>{names[weakest]}</b>.{' '}
          {combine?.rule === 'min'
            ? 'Under MaxMin its score is this candidate\'s score: a candidate counts only as much as the scorer that likes it least.'
            : 'The soft-min leans on it: the lower a scorer, the more it weighs.'}
        </p>
      )}
      {!c.breakdown && <p className="note">The normalised scores could not be reproduced for this scoring.</p>}
    </div>
  );
}
