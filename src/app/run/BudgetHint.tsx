// What the KV budget means for this run, in the terms of the paper: how many full-length answers fit
// at once (hence Best-of-N's sequential batches), how many candidates Speculative Rejection starts
// and why, and where it first decides.
import { bestOfNPlan, initialBatchPlan, memoryDecisionLength, MIN_FIRST_ROUND_TOKENS } from '../../core/memory.ts';
import { formatBytes, formatCount } from '../format.ts';
import { Term } from '../glossary/Term.tsx';

interface Props {
  readonly budgetTokens: number;
  readonly kvBytesPerToken: number;
  readonly promptTokens: number | null;
  readonly n: number;
  readonly maxNewTokens: number;
  readonly sprStart: 'n' | 'memory';
  readonly sprMaxStart: number;
}

export function BudgetHint({ budgetTokens, kvBytesPerToken, promptTokens, n, maxNewTokens, sprStart, sprMaxStart }: Props) {
  if (!(budgetTokens > 0) || promptTokens === null || !(n > 0) || !(maxNewTokens > 0)) return null;
  const plan = bestOfNPlan(n, promptTokens, maxNewTokens, budgetTokens);
  const maxStart = sprMaxStart > 0 ? sprMaxStart : 1000;
  const spr = initialBatchPlan({ initial: sprStart, maxInitial: maxStart }, n, promptTokens, budgetTokens, maxNewTokens);
  const firstDecision = memoryDecisionLength(budgetTokens, spr.rows, promptTokens);
  return (
    <p className="budget-hint" data-testid="budget-hint">
      {formatCount(budgetTokens)} tokens of <Term id="kv-cache">KV cache</Term> = {formatBytes(budgetTokens * kvBytesPerToken)} for this model. The prompt takes{' '}
      {promptTokens} tokens, so one full answer needs {promptTokens + maxNewTokens}.{' '}
      {plan
        ? <>Best-of-{n} fits {plan.capacity} at once: <b>{plan.batchSizes.length} <Term id="sequential-batches">sequential batch{plan.batchSizes.length > 1 ? 'es' : ''}</Term></b>.</>
        : <>Not even one full answer fits.</>}{' '}
      <span data-testid="spr-start-hint">
        Speculative Rejection starts <b>{formatCount(spr.rows)}</b>
        {sprStart === 'memory'
          ? spr.limitedByMemory
            ? <>: as many as get a first round of 8 tokens inside the budget.</>
            : <>: the cap (the budget would hold more).</>
          : spr.limitedByMemory
            ? <> of the {n} asked for: only {formatCount(spr.rows)} rows get a first round of 8 tokens inside the budget (no method may exceed it).</>
            : <>, Best-of-N&apos;s N.</>}{' '}
        {firstDecision >= maxNewTokens
          ? <>They all fit to the end: no decision is forced by memory.</>
          : <>
              It first decides at ~{Math.max(1, firstDecision)} tokens, when they fill the budget
              (⌊{formatCount(budgetTokens)} ÷ {formatCount(spr.rows)} rows⌋ − {promptTokens} prompt tokens).
              {firstDecision <= MIN_FIRST_ROUND_TOKENS && (
                <b className="early-warning" data-testid="early-decision-warning">
                  {' '}That is early: after so few tokens a partial reward barely predicts the final one, so good answers may be cut.
                  A larger KV budget{sprStart === 'n' && !spr.limitedByMemory ? ' (or a smaller N)' : ''} decides later.
                </b>
              )}
            </>}
      </span>{' '}
      TreeBoN keeps {n} alive at every layer{plan && plan.capacity < n ? <>, {plan.capacity} rows at a time</> : null}.

    </p>
  );
}
