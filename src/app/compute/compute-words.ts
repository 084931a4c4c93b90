// The reward-versus-compute panel in words: units of each measure, and the catch-up sentence.
import type { MethodId } from '../../core/events.ts';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import type { CatchUp, CostMetric } from '../../core/rewardVsCompute.ts';
import { formatCount, formatDuration, formatReward } from '../format.ts';

export const METRIC_LABELS: Readonly<Record<CostMetric, string>> = {
  flops: 'FLOPs (≈ 2 × parameters × tokens)',
  allTokens: 'tokens (decoded + reward model)',
  decodedTokens: 'tokens decoded',
  wallMs: 'wall time',
};

export function formatCompute(value: number, metric: CostMetric): string {
  if (metric === 'wallMs') return formatDuration(value);
  if (metric === 'flops') {
    if (!(value > 0)) return '–';
    const exponent = Math.floor(Math.log10(value));
    return `${(value / 10 ** exponent).toFixed(1)}e${exponent}`;
  }
  return formatCount(value);
}

function ratioWords(ratio: number | null): string {
  if (ratio === null) return '–';
  return ratio >= 1 ? `1/${ratio.toFixed(ratio < 10 ? 1 : 0)}` : `${(1 / ratio).toFixed(1)}x`;
}

/**
 * "Speculative Rejection reached the reward Best-of-N gets at N = 12 (+0.41) for 1/2.3 of its
 * compute (FLOPs)", or the reverse when pruning did not pay, or a lower bound when Best-of-N never got there.
 */
export function catchUpSentence(c: { readonly method: MethodId; readonly reward: number; readonly catchUp: CatchUp }, view: { readonly metric: CostMetric; readonly n: number }): string {
  const name = METHOD_LABELS[c.method];
  const ratio = c.catchUp.ratios[view.metric];
  const measure = METRIC_LABELS[view.metric];
  if (c.catchUp.k === null) {
    const more = ratio === null ? '' : `; all ${view.n} of its answers cost ${ratio.toFixed(2)}x what ${name} spent (${measure})`;
    return `${name} reached ${formatReward(c.reward)}, more than Best-of-N found with N = ${view.n}${more}.`;
  }
  if (ratio !== null && ratio >= 1) {
    return `${name} reached the reward Best-of-N gets at N = ${c.catchUp.k} (${formatReward(c.reward)}) for ${ratioWords(ratio)} of its compute (${measure}).`;
  }
  return `Best-of-N reaches ${name}'s reward (${formatReward(c.reward)}) at N = ${c.catchUp.k}, for ${ratio === null ? 'an unknown share' : `${ratio.toFixed(2)}x`} of what ${name} spent (${measure}): here its extra work did not pay.`;
}

export function parametersSentence(parameters: { readonly generator: number | null; readonly scorers: readonly (number | null)[] } | null): string {
  if (parameters === null) return '';
  const size = (p: number | null) => (p === null ? 'unknown' : p >= 1e9 ? `${(p / 1e9).toFixed(2)}B` : p >= 1e6 ? `${(p / 1e6).toFixed(1)}M` : `${formatCount(p / 1e3)}K`);
  const scorers = parameters.scorers.map((p, i) => `reward model${parameters.scorers.length > 1 ? ` ${i + 1}` : ''} ${size(p)}`).join(', ');
  return `FLOPs ≈ 2 × parameters × tokens, generator (decoded + prefill tokens) and reward models added, as in the results table's total compute; parameters, estimated from the weight files: generator ${size(parameters.generator)}, ${scorers}.`;
}
