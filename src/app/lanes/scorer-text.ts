// A candidate's scores in words, for the branch tooltip and the candidate details: every scorer's raw
// score, its normalised score, and (under MaxMin or soft-min) which scorer was the lowest.
import type { CombineConfig } from '../../core/config.ts';
import { formatReward } from '../format.ts';
import type { CandidateView } from '../state/run-state.ts';

/** Whether the rule leans on the lowest scorer, so naming it explains the candidate's score. */
export function namesLowest(combine: CombineConfig | null): boolean {
  return combine !== null && combine.rule !== 'mean';
}

export function normalisedName(combine: CombineConfig | null): string {
  return combine?.normalize === 'rank' ? 'rank' : 'z';
}

/** "AFINN +0.12 (z −0.30) · random +1.20 (z 0.80) · lowest: AFINN"; empty with one scorer. */
export function scoresLine(c: CandidateView, names: readonly string[], combine: CombineConfig | null): string {
  if (names.length < 2 || c.scores.length !== names.length) return '';
  const norm = normalisedName(combine);
  const parts = names.map((name, i) => {
    const normalised = c.breakdown?.normalized[i];
    return `${name} ${formatReward(c.scores[i])}${normalised === undefined ? '' : ` (${norm} ${formatReward(normalised)})`}`;
  });
  const weakest = c.breakdown && namesLowest(combine) ? names[c.breakdown.weakest] : undefined;
  return [...parts, ...(weakest === undefined ? [] : [`lowest: ${weakest}`])].join(' · ');
}

/** The hover text of a branch: id, state, reward, and with several scorers each one's score. */
export function branchTooltip(c: CandidateView | undefined, id: number, status: string, reward: number | null, names: readonly string[], combine: CombineConfig | null): string {
  const head = `#${id} · ${status}${reward !== null ? ` · reward ${formatReward(reward)}` : ''}`;
  const scores = c ? scoresLine(c, names, combine) : '';
  return scores ? `${head}\n${scores}` : head;
}
