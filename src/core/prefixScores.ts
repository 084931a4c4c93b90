// Analysis for Best-of-N: the partial reward of every trajectory at a grid of prefix lengths, for the
// partial-vs-final scatter and for replaying Speculative Rejection's selection without the model.
// Scored through the same scorers, but not counted as the method's compute.
import type { Candidate } from './candidate.ts';
import type { RunEventOf } from './events.ts';
import type { MethodContext } from './methodContext.ts';
import { combinePool, scoreWithAll } from './scorePool.ts';

type PrefixCandidate = RunEventOf<'prefix-scores'>['candidates'][number];

export async function recordPrefixScores(ctx: MethodContext, candidates: readonly Candidate[]): Promise<void> {
  const lengths = [...ctx.config.prefixScoreLengths];
  const finalRaw = candidates.map((c) => ctx.scoreboard.latest(c.id)?.scores ?? []);
  // A trajectory that had ended by length L is, at L, its complete self: no new score needed.
  const jobs: { candidate: number; lengthIndex: number }[] = [];
  lengths.forEach((length, li) => {
    candidates.forEach((c, ci) => {
      if (c.tokens.length > length) jobs.push({ candidate: ci, lengthIndex: li });
    });
  });
  const { raw } = await ctx.meter.excluded(() =>
    scoreWithAll(ctx.scorers, jobs.map((j) => ctx.request(candidates[j.candidate]!, lengths[j.lengthIndex]!)), ctx.signal),
  );
  const partialRaw: (number[] | null)[][] = candidates.map(() => lengths.map(() => null));
  jobs.forEach((j, k) => (partialRaw[j.candidate]![j.lengthIndex] = raw[k]!));

  // Rewards at each length are combined over all trajectories as they stood at that length.
  const partial = lengths.map((_, li) => combinePool(candidates.map((_, ci) => partialRaw[ci]![li] ?? finalRaw[ci]!), ctx.config.combine));
  const final = combinePool(finalRaw, ctx.config.combine);
  const several = ctx.scorers.length > 1;
  const rows: PrefixCandidate[] = candidates.map((c, ci) => ({
    id: c.id,
    length: c.tokens.length,
    partial: lengths.map((_, li) => (partialRaw[ci]![li] === null ? null : partial[li]![ci]!)),
    final: final[ci]!,
    ...(several && { partialScores: partialRaw[ci]!, finalScores: finalRaw[ci]! }),
  }));
  ctx.emit({ type: 'prefix-scores', lengths, candidates: rows });
}
