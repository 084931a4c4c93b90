// Best-of-N, the baseline: N candidates decoded to the end in ceil(N / capacity) sequential batches
// (capacity = full-length rows the KV budget holds), each complete response scored, argmax wins.
import { newCandidate, spawnOf, type Candidate } from './candidate.ts';
import { EngineError } from './errors.ts';
import { LockstepDecoder } from './lockstepDecoder.ts';
import { bestOfNPlan } from './memory.ts';
import type { MethodContext } from './methodContext.ts';
import { recordPrefixScores } from './prefixScores.ts';

export async function runBestOfN(ctx: MethodContext): Promise<void> {
  const { config, promptIds } = ctx;
  const plan = bestOfNPlan(config.n, promptIds.length, config.maxNewTokens, ctx.budgetTokens);
  if (plan === null) {
    throw new EngineError({
      code: 'invalid-config',
      field: 'kvBudgetBytes',
      message: `The KV budget (${ctx.budgetTokens} tokens) cannot hold one response of ${promptIds.length + config.maxNewTokens} tokens.`,
    });
  }
  ctx.start({ n: config.n, capacityRows: plan.capacity, params: { batches: plan.batchSizes.length, capacity: plan.capacity } });

  const all: Candidate[] = [];
  const batches: Candidate[][] = plan.batchSizes.map((size, b) =>
    Array.from({ length: size }, () => {
      const c = newCandidate(config.seed, all.length, b);
      all.push(c);
      return c;
    }),
  );
  // All of them at once: the later batches show as queued until their turn.
  ctx.emit({ type: 'spawn', candidates: all.map(spawnOf) });

  for (const batch of batches) {
    const decoder = await LockstepDecoder.prefill(ctx, batch);
    try {
      await decoder.decodeUntil(config.maxNewTokens);
    } finally {
      await decoder.dispose();
    }
    await ctx.scoreCandidates(batch);
  }
  ctx.emitFinal(all);
  if (config.prefixScoreLengths.length > 0 || config.replayAlphas.length > 0) await recordPrefixScores(ctx, all);
  ctx.end(false);
}
