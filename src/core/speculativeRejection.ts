// Speculative Rejection (Sun et al. 2024): start a large batch, and each time the KV budget is full
// (or at a fixed schedule) score every candidate's partial response, keep the top (1 - alpha), and
// continue only the unfinished survivors, in the same cache rows with the same token ids. The
// answer is the best complete response: a candidate rejected mid-answer never wins.
import { newCandidate, spawnOf, type Candidate } from './candidate.ts';
import type { RunConfig } from './config.ts';
import { nextDecision } from './decisionSchedule.ts';
import { EngineError } from './errors.ts';
import type { DecisionCandidate } from './events.ts';
import { LockstepDecoder } from './lockstepDecoder.ts';
import { initialBatchPlan, rowsThatCanContinue, type InitialBatchPlan } from './memory.ts';
import type { MethodContext } from './methodContext.ts';
import { combinePool } from './scorePool.ts';
import { selectSurvivors } from './selection.ts';

export function sprInitialBatch(config: RunConfig, promptTokens: number, budgetTokenCount: number): InitialBatchPlan {
  return initialBatchPlan(config.spr, config.n, promptTokens, budgetTokenCount, config.maxNewTokens);
}

export async function runSpeculativeRejection(ctx: MethodContext): Promise<void> {
  const { config, promptIds } = ctx;
  const { alpha, decision, initial, maxInitial } = config.spr;
  const plan = sprInitialBatch(config, promptIds.length, ctx.budgetTokens);
  const n = plan.rows;
  ctx.start({
    n,
    capacityRows: n,
    params: {
      alpha,
      decision: decision.mode,
      ...(decision.mode === 'fixed' && { decisionLengths: decision.lengths }),
      initial,
      ...(initial === 'memory' && { maxInitial }),
      requestedStart: plan.requested,
    },
  });
  const all = Array.from({ length: n }, (_, id) => newCandidate(config.seed, id, 0));
  ctx.emit({ type: 'spawn', candidates: all.map(spawnOf) });

  const decoder = await LockstepDecoder.prefill(ctx, all);
  try {
    let finishedKept: Candidate[] = [];
    for (let round = 1; ; round++) {
      const roundCandidates = [...decoder.rows];
      const next = nextDecision(decision, {
        current: decoder.length,
        alive: roundCandidates.length,
        budgetTokens: ctx.budgetTokens,
        promptTokens: promptIds.length,
        maxNewTokens: config.maxNewTokens,
      });
      if (next === null) {
        await decoder.decodeUntil(config.maxNewTokens);
        break;
      }
      await decoder.decodeUntil(next.length);
      // Every row of the round ended before the decision point: nothing left to choose between.
      if (decoder.rows.length === 0) break;

      await ctx.scoreCandidates(roundCandidates);
      const pool = [...roundCandidates, ...finishedKept];
      const rewards = combinePool(pool.map((c) => ctx.scoreboard.latest(c.id)!.scores), config.combine);
      const canContinue = rowsThatCanContinue(ctx.budgetTokens, promptIds.length, next.length);
      const { kept, cutForMemory } = await ctx.meter.timed('prune', () =>
        selectSurvivors(pool.map((c, i) => ({ id: c.id, reward: rewards[i]!, finished: c.finished !== null })), alpha, canContinue),
      );
      ctx.emit({
        type: 'decision',
        round,
        length: next.length,
        trigger: next.trigger,
        ...(cutForMemory > 0 && { cutForMemory }),
        candidates: pool.map((c, i) => decisionEntry(ctx, c, rewards[i]!, kept.has(c.id))),
      });

      finishedKept = pool.filter((c) => kept.has(c.id) && c.finished !== null);
      const survivors = roundCandidates.filter((c) => kept.has(c.id) && c.finished === null);
      if (survivors.length === 0) break;
      await decoder.keep(survivors);
    }
  } finally {
    await decoder.dispose();
  }

  // Survivors always run to their end, so at least one response is complete.
  const complete = all.filter((c) => c.finished !== null);
  if (complete.length === 0) throw new EngineError({ code: 'internal', message: 'Speculative Rejection ended with no complete response.' });
  // Complete responses whose latest score was of a shorter prefix get their final score.
  await ctx.scoreCandidates(complete.filter((c) => ctx.scoreboard.latest(c.id)?.length !== c.tokens.length));
  ctx.emitFinal(complete);
  ctx.end(false);
}

function decisionEntry(ctx: MethodContext, c: Candidate, reward: number, kept: boolean): DecisionCandidate {
  const scored = ctx.scoreboard.latest(c.id)!;
  return { ...scored, reward, kept };
}
