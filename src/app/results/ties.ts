// How ties are broken, and whether one decided anything in this run: equal rewards go to the lower
// candidate number (core/selection.ts compareByReward), at every decision and for the winner.
import type { MethodId } from '../../core/events.ts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import { formatReward } from '../format.ts';
import type { LaneState } from '../state/run-state.ts';

export const TIE_RULE = 'Ties: answers with equal rewards are ordered by candidate number (#), the lower first, at every decision and for the winner.';

export interface TieFound {
  readonly method: MethodId;
  /** The decision round, or null for the winner. */
  readonly round: number | null;
  readonly reward: number;
  /** Candidates tied at that reward across the line (kept and cut, or the winner and the others). */
  readonly ids: readonly number[];
}

/** Decisions whose line between kept and cut fell inside a tie, and winners tied with another complete answer. */
export function tiesThatDecided(lanes: readonly LaneState[]): TieFound[] {
  const found: TieFound[] = [];
  for (const lane of lanes) {
    for (const d of lane.decisions) {
      const kept = d.candidates.filter((c) => c.kept);
      const cut = d.candidates.filter((c) => !c.kept);
      if (kept.length === 0 || cut.length === 0) continue;
      const line = Math.min(...kept.map((c) => c.reward));
      if (!cut.some((c) => c.reward === line)) continue;
      found.push({ method: lane.method, round: d.round, reward: line, ids: d.candidates.filter((c) => c.reward === line).map((c) => c.id) });
    }
    const winner = lane.end?.winner;
    const tied = winner && lane.final ? lane.final.filter((c) => c.reward === winner.reward) : [];
    if (winner && tied.length > 1) found.push({ method: lane.method, round: null, reward: winner.reward, ids: tied.map((c) => c.id) });
  }
  return found;
}

/** The rule, then what it decided in this run (or that it decided nothing). */
export function tieNote(lanes: readonly LaneState[]): string {
  if (!lanes.some((l) => l.end)) return TIE_RULE;
  const ties = tiesThatDecided(lanes);
  if (ties.length === 0) return `${TIE_RULE} In this run no cut and no winner was decided by a tie.`;
  const words = ties.map((t) => {
    const where = t.round === null ? `${METHOD_LABELS[t.method]}'s winner` : `${METHOD_LABELS[t.method]}'s ${t.method === 'treebon' ? 'layer' : 'decision'} ${t.round}`;
    const ids = t.ids.slice(0, 4).map((id) => `#${id}`).join(', ') + (t.ids.length > 4 ? ` and ${t.ids.length - 4} more` : '');
    return `${where} (${ids} at ${formatReward(t.reward)})`;
  });
  return `${TIE_RULE} In this run a tie decided: ${words.join('; ')}.`;
}
