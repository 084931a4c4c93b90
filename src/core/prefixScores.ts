// Analysis for Best-of-N: the partial reward of every trajectory at a grid of prefix lengths, for the
// partial-vs-final scatter and for replaying Speculative Rejection's selection without the model.
// Besides the grid it records every decision length that replaying the run's own schedule needs for
// each alpha of config.replayAlphas, so those replays are exact. Scored through the same scorers,
// but not counted as the method's compute.
import type { Candidate } from './candidate.ts';
import type { RunEventOf } from './events.ts';
import type { MethodContext } from './methodContext.ts';
import { replayFromRecord, type RecordedCandidate } from './replay.ts';
import { combinePool } from './scorePool.ts';

type PrefixCandidate = RunEventOf<'prefix-scores'>['candidates'][number];

interface AtLength {
  /** Raw scores of each candidate at this length; null where it had ended by then. */
  readonly raw: (number[] | null)[];
  readonly tokens: (number | null)[];
}

export async function recordPrefixScores(ctx: MethodContext, candidates: readonly Candidate[]): Promise<void> {
  const { config } = ctx;
  const latest = candidates.map((c) => ctx.scoreboard.latest(c.id)!);
  const finalRaw = latest.map((s) => s.scores);
  const several = ctx.scorers.length > 1;
  const scored = new Map<number, AtLength>();

  const scoreLengths = async (lengths: readonly number[]): Promise<void> => {
    // A trajectory that had ended by length L is, at L, its complete self: no new score needed.
    const jobs = lengths.flatMap((length) => candidates.flatMap((c, ci) => (c.tokens.length > length ? [{ ci, length }] : [])));
    const { raw, perRequest } = await ctx.meter.excluded(() => ctx.rawScores(jobs.map((j) => ({ c: candidates[j.ci]!, length: j.length }))));
    for (const length of lengths) scored.set(length, { raw: candidates.map(() => null), tokens: candidates.map(() => null) });
    jobs.forEach((j, k) => {
      const at = scored.get(j.length)!;
      at.raw[j.ci] = raw[k]!;
      at.tokens[j.ci] = perRequest[k]!;
    });
  };

  const rows = (): { lengths: number[]; candidates: PrefixCandidate[] } => {
    const lengths = [...scored.keys()].sort((a, b) => a - b);
    // Rewards at each length are combined over all trajectories as they stood at that length.
    const partial = lengths.map((l) => combinePool(candidates.map((_, ci) => scored.get(l)!.raw[ci] ?? finalRaw[ci]!), config.combine));
    const final = combinePool(finalRaw, config.combine);
    return {
      lengths,
      ...(ctx.streamedScorers.length > 0 && { streamedScorers: ctx.streamedScorers.length }),
      candidates: candidates.map((c, ci) => ({
        id: c.id,
        length: c.tokens.length,
        partial: lengths.map((l, li) => (scored.get(l)!.raw[ci] === null ? null : partial[li]![ci]!)),
        final: final[ci]!,
        ...(several && { partialScores: lengths.map((l) => scored.get(l)!.raw[ci]!), finalScores: finalRaw[ci]! }),
        partialTokens: lengths.map((l) => scored.get(l)!.tokens[ci]!),
        ...(latest[ci]!.rewardTokens !== undefined && { finalTokens: latest[ci]!.rewardTokens }),
      })),
    };
  };

  await scoreLengths(config.prefixScoreLengths);
  // Each pass records the first off-grid decision of every alpha's replay; the next pass goes further.
  for (;;) {
    const { lengths, candidates: recorded } = rows();
    const record = {
      promptTokens: ctx.promptIds.length, maxNewTokens: config.maxNewTokens, budgetTokens: ctx.budgetTokens, lengths,
      candidates: recorded as RecordedCandidate[], streamedScorers: ctx.streamedScorers.length,
    };
    const missing = new Set<number>();
    for (const alpha of config.replayAlphas) {
      const replay = replayFromRecord(record, { alpha, decision: config.spr.decision, ...(several && { combine: config.combine }) });
      if (replay.missing !== null && !scored.has(replay.missing)) missing.add(replay.missing);
    }
    if (missing.size === 0) break;
    await scoreLengths([...missing]);
  }
  if (scored.size > 0) ctx.emit({ type: 'prefix-scores', ...rows() });
}
