// One total-cost figure per method, and the formula that gives it: FLOPs ≈ 2 × parameters × tokens over
// the generator (decoded + prefill tokens) and the reward models (the tokens they read), as the engine
// meters it; a log without model sizes falls back to all tokens added up, and says so.
import type { RunEventOf, RunTotals } from '../../core/events.ts';
import { formatCompute } from '../compute/compute-words.ts';

export interface TotalCost {
  readonly value: number;
  readonly unit: 'FLOPs' | 'tokens';
}

export function totalCost(totals: RunTotals | null): TotalCost {
  if (totals?.generatorFlops !== undefined && totals.rewardFlops !== undefined) {
    return { value: totals.generatorFlops + totals.rewardFlops, unit: 'FLOPs' };
  }
  return { value: totals ? totals.decodedTokens + totals.prefillTokens + totals.rewardTokens : 0, unit: 'tokens' };
}

export function formatCost(cost: TotalCost): string {
  return cost.unit === 'FLOPs' ? formatCompute(cost.value, 'flops') : formatCompute(cost.value, 'allTokens');
}

/** Parameters as the results write them: 843K, 135.0M, 1.24B. */
export function formatParameters(p: number): string {
  return p >= 1e9 ? `${(p / 1e9).toFixed(2)}B` : p >= 1e6 ? `${(p / 1e6).toFixed(1)}M` : `${Math.round(p / 1e3)}K`;
}

/** The formula behind the total-compute column, with this run's model sizes. */
export function costFormula(start: Pick<RunEventOf<'run-start'>, 'parameters' | 'scorers'> | null, unit: TotalCost['unit']): string {
  const p = start?.parameters;
  if (unit === 'tokens' || !p || p.generator === null) {
    return 'Total compute = tokens decoded + prefill tokens + reward-model tokens (this run did not record its models\' sizes, so every token counts alike).';
  }
  const scorers = p.scorers.filter((s): s is number => s !== null);
  const reward = scorers.length === 0
    ? ''
    : scorers.length === 1
      ? ` + 2 × ${formatParameters(scorers[0]!)} × reward-model tokens`
      : ` + 2 × (each reward model's parameters: ${scorers.map(formatParameters).join(', ')}) × the tokens it read`;
  return `Total compute = 2 × ${formatParameters(p.generator)} × (tokens decoded + prefill tokens)${reward}, in FLOPs: about 2 × parameters per token, for the generator (${formatParameters(p.generator)} parameters) and the reward model${scorers.length > 1 ? 's' : ''}. It is what "less compute" means here.`;
}
