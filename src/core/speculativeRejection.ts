// Speculative Rejection (Sun et al. 2024): start a large batch, and each time the KV budget is full
// (or at a fixed schedule) score every candidate's partial response, keep the top (1 - alpha), and
// continue only the unfinished survivors, in the same cache rows with the same token ids.
import { newCandidate, spawnOf, type Candidate } from './candidate.ts';
import type { RunConfig } from './config.ts';
import { nextDecisionLength } from './decisionSchedule.ts';
import type { DecisionCandidate } from './events.ts';
import { LockstepDecoder } from './lockstepDecoder.ts';
import { fitMemoryInitialBatch } from './memory.ts';
import type { MethodContext } from './methodContext.ts';
import { combinePool } from './scorePool.ts';
import { keepTopFraction } from './selection.ts';

export function initialBatchSize(config: RunConfig, promptTokens: number, budgetTokenCount: number): number {
  return config.spr.initial === 'n' ? config.n : fitMemoryInitialBatch(promptTokens, budgetTokenCount, config.spr.maxInitial);
}

export async function runSpeculativeRejection(ctx: MethodContext): Promise<void> {
  const { config, promptIds } = ctx;
  const { alpha, decision } = config.spr;
  const n = initialBatchSize(config, promptIds.length, ctx.budgetTokens);
  ctx.start({
    n,
    capacityRows: n,
    params: { alpha, decision: decision.mode, ...(decision.mode === 'fixed' && { decisionLengths: decision.lengths }), initial: config.spr.initial },
  });
  const all = Array.from({ length: n }, (_, id) => newCandidate(config.seed, id, 0));
  ctx.emit({ type: 'spawn', candidates: all.map(spawnOf) });

  const decoder = await LockstepDecoder.prefill(ctx, all);
  try {
    let finishedKept: Candidate[] = [];
    for (let round = 1; ; round++) {
      const roundCandidates = [...decoder.rows];
      const target = nextDecisionLength(decision, {
        current: decoder.length,
        alive: roundCandidates.length,
        budgetTokens: ctx.budgetTokens,
        promptTokens: promptIds.length,
        maxNewTokens: config.maxNewTokens,
      });
      if (target === null) {
        await decoder.decodeUntil(config.maxNewTokens);
        break;
      }
      await decoder.decodeUntil(target);
      // Every row of the round ended before the decision point: nothing left to choose between.
      if (decoder.rows.length === 0) break;

      await ctx.scoreCandidates(roundCandidates);
      const pool = [...roundCandidates, ...finishedKept];
      const rewards = combinePool(pool.map((c) => ctx.scoreboard.latest(c.id)!.scores), config.combine);
      const kept = await ctx.meter.timed('prune', () => keepTopFraction(pool.map((c, i) => ({ id: c.id, reward: rewards[i]! })), alpha));
      ctx.emit({ type: 'decision', round, length: target, candidates: pool.map((c, i) => decisionEntry(ctx, c, rewards[i]!, kept.has(c.id))) });

      finishedKept = pool.filter((c) => kept.has(c.id) && c.finished !== null);
      const survivors = roundCandidates.filter((c) => kept.has(c.id) && c.finished === null);
      if (survivors.length === 0) break;
      await decoder.keep(survivors);
    }
  } finally {
    await decoder.dispose();
  }

  // Complete responses whose latest score was of a shorter prefix get their final score.
  const complete = all.filter((c) => c.finished !== null);
  const stale = complete.filter((c) => ctx.scoreboard.latest(c.id)?.length !== c.tokens.length);
  await ctx.scoreCandidates(stale);
  ctx.emitFinal(complete);
  ctx.end(false);
}

function decisionEntry(ctx: MethodContext, c: Candidate, reward: number, kept: boolean): DecisionCandidate {
  const scored = ctx.scoreboard.latest(c.id)!;
  return { id: c.id, reward, scores: scored.scores, length: scored.length, finished: scored.finished, text: scored.text, kept };
}
