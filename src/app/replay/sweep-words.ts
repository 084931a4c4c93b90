// What the α table shows, in words, for this run's rows: why α = 0 still decides (memory), why tokens
// need not fall steadily with α, and why the best reward does or does not change.
import { formatCount } from '../format.ts';
import type { AlphaRow } from './alpha-sweep.ts';

export function sweepNotes(rows: readonly AlphaRow[], bestOfNWinner: number | null, mode: 'memory' | 'fixed' = 'memory'): string[] {
  const notes: string[] = [];
  const zero = rows.find((r) => r.alpha === 0);
  if (zero && zero.rounds > 0) {
    const times = `${zero.rounds} time${zero.rounds === 1 ? '' : 's'}`;
    const when = mode === 'fixed' ? 'at the fixed lengths, and whenever the budget was full' : 'whenever the budget was full';
    notes.push(zero.cutForMemory > 0
      ? `α = 0 rejects nothing by itself, yet it decided ${times} (${when}) and cut ${formatCount(zero.cutForMemory)} for memory: survivors whose next token would not fit the budget are cut, and the rows left run to their next, longer share of it.`
      : `α = 0 rejects nothing: at each of its ${zero.rounds} decision${zero.rounds === 1 ? '' : 's'} (${when}) it kept every answer.`);
  }
  const same = rows.flatMap((r, i) => {
    const next = rows[i + 1];
    return next && next.decodedTokens >= r.decodedTokens ? [`${r.alpha.toFixed(1)} and ${next.alpha.toFixed(1)}`] : [];
  });
  if (same.length > 0) {
    notes.push(
      `Tokens do not fall evenly with α (${same.join(', ')} here): a decision keeps round((1 − α) × pool) candidates (halves to even), and each cut changes who is left, and so where the next decision falls; neighbouring α can cut the very same answers.`,
    );
  }
  const rewards = new Set(rows.map((r) => r.reward));
  const winnerWords = bestOfNWinner === null ? 'Best-of-N\'s best answer' : `Best-of-N's best answer (#${bestOfNWinner})`;
  const winners = new Set(rows.map((r) => r.winnerId));
  if (rows.length > 1 && rewards.size === 1 && winners.size === 1 && rows[0]!.winnerId === bestOfNWinner) {
    notes.push(`The best reward is the same for every α: ${winnerWords} ranked high enough at every decision that no α cut it.`);
  } else if (rows.length > 1 && rewards.size === 1) {
    notes.push('The best reward is the same for every α: the best answer the replay started ranked high enough at every decision that no α cut it.');
  } else if (rows.length > 1) {
    notes.push(`Where the best reward is lower, that α cut ${winnerWords} before it was complete: its partial reward ranked too low at a decision.`);
  }
  return notes;
}
