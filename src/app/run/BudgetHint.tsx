// What the KV budget means for this run, in the terms of the paper: how many full-length answers fit
// at once, hence how many sequential batches Best-of-N needs.
import { bestOfNPlan } from '../../core/memory.ts';
import { formatBytes, formatCount } from '../format.ts';

interface Props {
  readonly budgetTokens: number;
  readonly kvBytesPerToken: number;
  readonly promptTokens: number | null;
  readonly n: number;
  readonly maxNewTokens: number;
}

export function BudgetHint({ budgetTokens, kvBytesPerToken, promptTokens, n, maxNewTokens }: Props) {
  if (!(budgetTokens > 0) || promptTokens === null || !(n > 0) || !(maxNewTokens > 0)) return null;
  const plan = bestOfNPlan(n, promptTokens, maxNewTokens, budgetTokens);
  const firstDecision = Math.floor(budgetTokens / n) - promptTokens;
  return (
    <p className="budget-hint" data-testid="budget-hint">
      {formatCount(budgetTokens)} tokens of KV cache = {formatBytes(budgetTokens * kvBytesPerToken)} for this model. The prompt takes{' '}
      {promptTokens} tokens, so one full answer needs {promptTokens + maxNewTokens}.{' '}
      {plan
        ? <>Best-of-{n} fits {plan.capacity} at once: <b>{plan.batchSizes.length} sequential batch{plan.batchSizes.length > 1 ? 'es' : ''}</b>.</>
        : <>Not even one full answer fits.</>}{' '}
      {firstDecision > 0 && firstDecision < maxNewTokens && <>With memory-driven decisions, Speculative Rejection first decides at ~{firstDecision} tokens.</>}
    </p>
  );
}
